"""When the runner polls a task: aimed at the endpoint's typical duration, within the docs' pace.

The docs advise polling every 3-5 seconds. The runner keeps to that: after the first poll, no two
polls of a task go out less than 3 s apart (PollPace.min_spacing), so a task that ran D seconds
costs at most D / 3 + 2 polls. The first poll after the submit's answer (which already told the
state) waits for the endpoint's typical duration, so that a short task is usually seen done by
its first poll; without history it waits the first interval. A long task gets its first poll
after 3 s (its row then shows "processing"), the next ones grow apart as before, and one is
aimed at its typical end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Mapping

    from studio.core.jobs._eta import DurationStats

DOCS_POLL_SPACING_S: Final = 3.0  # "poll every 3-5 seconds"
TYPICAL_SHARE: Final = 0.9  # the first poll when 9 in 10 tasks of the endpoint have ended
POLLING: Final[Mapping[str, Any]] = {"min_spacing": DOCS_POLL_SPACING_S}
"""The runner's follow options when it is given none: the docs' pace."""


def first_poll(
    stats: DurationStats | None,
    endpoint: str,
    follow_options: Mapping[str, Any],
    since_submit: float,
) -> dict[str, float]:
    """Pace options for following a task whose state the submit's answer just told.

    ``since_submit``: seconds since the request left (recorded durations count from then).
    """
    initial = float(follow_options.get("initial_interval", 1.0))
    spacing = float(follow_options.get("min_spacing", 0.0))
    typical = stats.quantile(endpoint, TYPICAL_SHARE) if stats is not None else None
    if typical is None:
        return {"first_poll_after": initial}
    end = max(0.0, typical - since_submit)
    return {"first_poll_after": min(end, max(spacing, initial)), "expected_end": end}
