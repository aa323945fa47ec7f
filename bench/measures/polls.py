"""Polls per task against the allowance duration/3 s + 2, over the busy-queue runs.

How: the runs of ``bench.measures.queue_stall`` (shared when both are selected) count every
``GET /ms/v1/tasks/{id}`` the app sends, per task, with an httpx request hook on the backend's
client; a task's duration is its ``elapsed_ms`` from the simulator (created → completed). A task
is over when polls > duration/3 + 2. Studio figure: the worst polls ÷ allowance of a repetition
(1.0 = exactly at the allowance); there is no baseline process (the allowance is the baseline).
Target: never over, i.e. no task over in any repetition.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from bench.measures import queue_stall
from bench.runner import Options, Row, Target


def allowance(seconds: float) -> float:
    return seconds / 3 + 2


def worst_share(tasks: list[dict[str, Any]]) -> float:
    timed = [t for t in tasks if t["seconds"] is not None]
    return max((t["polls"] / allowance(t["seconds"]) for t in timed), default=0.0)


def over(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [t for t in tasks if t["seconds"] is not None and t["polls"] > allowance(t["seconds"])]


def describe(tasks: list[dict[str, Any]]) -> str:
    """Per endpoint: tasks over / tasks, mean polls and mean duration."""
    by_endpoint: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for task in tasks:
        if task["seconds"] is not None:
            by_endpoint[task["endpoint"].rsplit("/", 1)[-1]].append(task)
    parts = []
    for mode, group in sorted(by_endpoint.items()):
        polls = sum(t["polls"] for t in group) / len(group)
        seconds = sum(t["seconds"] for t in group) / len(group)
        parts.append(
            f"{mode}: {len(over(group))}/{len(group)} over, {polls:.1f} polls for "
            f"{seconds:.2f} s tasks"
        )
    return "; ".join(parts)


def rows(options: Options) -> list[Row]:
    busy, _idle = queue_stall.collect(options.reps)
    if not any(task["polls"] for run in busy for task in run["tasks"]):
        # The hook sits on the backend's HTTP client: if polling moved elsewhere, say so.
        raise RuntimeError("no GET /ms/v1/tasks/{id} was counted: the poll hook saw nothing")
    counts = [len(over(run["tasks"])) for run in busy]
    untimed = sum(t["seconds"] is None for run in busy for t in run["tasks"])
    note = (
        f"tasks over per repetition: {counts} of {queue_stall.TASKS}; last run: "
        f"{describe(busy[-1]['tasks'])}"
        + (f"; {untimed} tasks had no duration (not succeeded) and are left out" if untimed else "")
    )
    never_over = Target("never over (≤ 1.00×)", lambda _row: max(counts, default=1) == 0)
    return [
        Row(
            "polls",
            "polls per task ÷ (duration/3 s + 2), worst",
            "×",
            [worst_share(run["tasks"]) for run in busy],
            [],
            never_over,
            baseline_label="the allowance duration/3 s + 2 itself (= 1.00×)",
            note=note,
        )
    ]
