"""Cleaning pass: an ordered chain of small named rules that mark web boilerplate.

Each rule is a function ``rule(state) -> None`` in ``RULES``; the function's name is the ``reason``
users see in ``removed`` (a rule may also use a more specific reason from ``classify``). Rules mark
lines, never delete them, so everything removed stays visible in the output.
"""

from __future__ import annotations

from ..lines import PassState
from .rules import RULES


def run(state: PassState) -> PassState:
    for rule in RULES:
        rule(state)
    return state


__all__ = ["RULES", "run"]
