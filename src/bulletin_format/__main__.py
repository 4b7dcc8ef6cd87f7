"""``python -m bulletin_format``: the ``bulletin-format`` command."""

from __future__ import annotations

from .cli import entry

if __name__ == "__main__":
    entry()
