"""`make soak` (python -m bench.soak): the real job runner against the real simulator under fault
profiles, then a fault-free audit of every task; plus SIGKILL rounds. Not part of `make test`.

Each profile runs mixed tasks (images, music, short videos; some meant to fail or time out on
the server, some [slow] ones cancelled while they run) through BackendJobs and JobRunner with a
real library, exactly as the app does, only with every wait divided by --speed. Then the
simulator's faults are switched off and every task is checked against the simulator's own
records: its final state, every output byte for byte, duplicates, orphans.
"""
