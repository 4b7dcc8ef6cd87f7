"""Generators of invented pages with gold for the unseen-template probe (``benchmarks/probe_templates.py``)."""
