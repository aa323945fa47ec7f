"""Comparisons between the compare values and the library's JSON, and jobs read back for them.

Blocking (SQLite): the Session runs these in a worker thread.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from studio.core.compare import comparison_from_json, comparison_to_json
from studio.core.library import job_from_record, saved_outputs

if TYPE_CHECKING:
    from collections.abc import Iterable

    from studio.core.compare import Comparison
    from studio.core.jobs import Job
    from studio.core.library import Library

log = logging.getLogger("studio.session")


def store_comparison(library: Library, comparison: Comparison) -> None:
    library.save_comparison(
        comparison.id,
        comparison_to_json(comparison),
        title=comparison.title,
        capability=comparison.capability,
        models=comparison.slugs,
        rounds=len(comparison.rounds),
        winner_local_id=comparison.winner_local_id(),
        jobs=comparison.local_ids(),
        created_at=comparison.created_at or None,
    )


def read_comparison(library: Library, comparison_id: str) -> Comparison | None:
    """The comparison kept under this id; None when there is none or its state is unreadable."""
    record = library.get_comparison(comparison_id)
    if record is None:
        return None
    try:
        return comparison_from_json(record.state)
    except ValueError:
        log.warning("comparison %s could not be read", comparison_id, exc_info=True)
        return None


def stored_jobs(library: Library, local_ids: Iterable[str]) -> dict[str, Job]:
    """The library's snapshot of each job it knows, with its saved outputs."""
    found = {}
    for local_id in local_ids:
        record = library.get_job(local_id)
        if record is not None:
            outputs = saved_outputs(library, library.outputs_for_job(local_id))
            found[local_id] = job_from_record(record, outputs)
    return found
