from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLD = ROOT / "fixtures" / "gold"
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return SEEDS
