"""Benchmarks run by `make bench` (figures and ratios, never pass/fail), and `make soak`
(bench.soak: goals met or missed under faults and SIGKILLs)."""
