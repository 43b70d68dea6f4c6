"""Fuzzing of the generator: random valid specs (strategies.py) built and checked in every language (checks.py)."""
