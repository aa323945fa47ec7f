"""The soak's table: each measure, its value and its goal, and whether the goal was met."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bench.soak.plan import STORM_PROFILES

if TYPE_CHECKING:
    from bench.soak.audit import Audit
    from bench.soak.kill import KillResult
    from bench.soak.run import RunResult

MET, MISSED, INFO = "ok", "MISSED", ""


@dataclass(frozen=True)
class Row:
    measure: str
    value: str
    goal: str
    verdict: str  # MET, MISSED or INFO (no goal)


def _row(measure: str, value: str, goal: str, met: bool | None) -> Row:
    verdict = INFO if met is None else MET if met else MISSED
    return Row(measure, value, goal, verdict)


def _ratio(part: int, whole: int) -> str:
    share = f" ({100 * part / whole:.0f} %)" if whole else ""
    return f"{part}/{whole}{share}"


def profile_rows(result: RunResult) -> list[Row]:
    found, submits = result.audit, result.submits
    storm = result.profile in STORM_PROFILES
    turned = submits.turned_away()
    settled_by_server = [p for p in turned if not submits.then_ambiguous(p)]
    created_after = sum(submits.answers[p][-1] == "created" for p in settled_by_server)
    rows = [
        _row(
            "submits created",
            _ratio(found.created, found.jobs),
            "≥ 99 % (429/503 storm)" if storm else "the rest: unknown, never re-sent",
            found.created >= 0.99 * found.jobs if storm else None,
        ),
        _row(
            "turned away (429/503), then created",
            _ratio(created_after, len(settled_by_server)),
            "≥ 99 %",
            created_after >= 0.99 * len(settled_by_server),
        ),
        _row(
            "tasks in their true final state",
            _ratio(found.true_state, found.with_id),
            "every task with an id",
            found.true_state == found.with_id,
        ),
        _row(
            "outputs byte-exact",
            _ratio(found.byte_exact, found.outputs),
            "all",
            found.byte_exact == found.outputs,
        ),
    ]
    return rows + _shared_rows(found)


def _shared_rows(found: Audit) -> list[Row]:
    return [
        _row("duplicates", str(found.duplicates), "0", found.duplicates == 0),
        _row("stuck", str(found.stuck), "0", found.stuck == 0),
        _row("jobs missing from the library", str(found.missing), "0", found.missing == 0),
        _row("unknown (may exist on the server)", str(found.unknown), "reported", None),
        _row(
            "orphans (created, unknown to the studio)",
            str(found.orphans),
            "≤ unknown",
            found.orphans <= found.unknown,
        ),
    ]


def kill_rows(result: KillResult) -> list[Row]:
    found = result.audit
    lost = found.missing + found.stuck + (found.with_id - found.true_state)
    lost += found.outputs - found.byte_exact
    return [
        _row("lost", str(lost), "0", lost == 0),
        _row("duplicated", str(found.duplicates), "0", found.duplicates == 0),
        _row(
            "tasks in their true final state",
            _ratio(found.true_state, found.with_id),
            "every task with an id",
            found.true_state == found.with_id,
        ),
        _row(
            "outputs byte-exact",
            _ratio(found.byte_exact, found.outputs),
            "all",
            found.byte_exact == found.outputs,
        ),
        _row("unknown (a POST cut by the kill)", str(found.unknown), "reported", None),
        _row("orphans", str(found.orphans), "≤ unknown", found.orphans <= found.unknown),
    ]


def table(title: str, rows: list[Row], problems: list[str]) -> str:
    width = max(len(row.measure) for row in rows)
    value_width = max(len(row.value) for row in rows)
    goal_width = max(len(row.goal) for row in rows)
    lines = [title]
    for row in rows:
        lines.append(
            f"  {row.measure:<{width}}  {row.value:>{value_width}}  "
            f"{row.goal:<{goal_width}}  {row.verdict}".rstrip()
        )
    lines.extend(f"    ! {problem}" for problem in problems)
    return "\n".join(lines)


def all_met(rows: list[Row]) -> bool:
    return all(row.verdict != MISSED for row in rows)
