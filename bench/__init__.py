"""Benchmarks and the synthetic report generator (scripts; not part of the installed package)."""
