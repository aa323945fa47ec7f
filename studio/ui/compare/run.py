"""One comparison being run: sending a round's columns (each on its own, so one model's trouble
stays in its column), following their jobs, verdicts and reruns, and keeping it in the library
after every change (one save at a time, the newest state last).

Signals:
    changed(int round, int column) — an entry changed (-1, -1: the whole comparison).
    job_changed(int round, int column, object Job) — a job of this comparison moved.
    details_changed() — fresh model settings arrived (the table may read differently).
    saved(str id) — the library holds the newest state.
    failed(str) — saving or sending failed as a whole.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from studio.core.compare import Entry, Round, Verdict, fresh_seed, plan
from studio.core.schema import json_equal
from studio.ui.background import spawn
from studio.ui.compare.column import RETRYABLE
from studio.ui.compare.planner import media_plan_problems

if TYPE_CHECKING:
    from collections.abc import Mapping

    from studio.core.api import EndpointDetail
    from studio.core.compare import Comparison, MediaFacts
    from studio.core.jobs import Job
    from studio.ui.compare.source import CompareSource

log = logging.getLogger("studio.ui")


class ComparisonRun(QObject):
    """Owns one Comparison value and replaces it on every change; see the module docstring."""

    changed = Signal(int, int)
    job_changed = Signal(int, int, object)
    details_changed = Signal()
    saved = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        source: CompareSource,
        comparison: Comparison,
        details: dict[str, EndpointDetail],
        facts: Mapping[str, MediaFacts],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self.comparison = comparison
        self._details = details  # shared with the panel: what the table was made from
        self._facts = dict(facts)
        self._jobs: dict[str, Job] = {}
        self._where: dict[str, tuple[int, int]] = {
            local_id: (r, c) for r, c, local_id in comparison.local_ids()
        }
        self._pending: Comparison | None = None
        self._saving = False
        self._idle = asyncio.Event()
        self._idle.set()
        self.closed = False

    # --- jobs ------------------------------------------------------------------------------------

    def job(self, local_id: str | None) -> Job | None:
        return self._jobs.get(local_id) if local_id is not None else None

    def show_job(self, job: Job) -> bool:
        """A job snapshot; True when it belongs to this comparison."""
        where = self._where.get(job.local_id)
        if where is None:
            return False
        self._jobs[job.local_id] = job
        self.job_changed.emit(where[0], where[1], job)
        return True

    def is_running(self) -> bool:
        return any(job.status.is_running for job in self._jobs.values())

    async def load_jobs(self) -> None:
        """Snapshots of every job already sent (a reopened comparison)."""
        found = await self._source.job_snapshots([local_id for *_, local_id in
                                                  self.comparison.local_ids()])  # fmt: skip
        for job in found.values():
            if not self.closed:
                self.show_job(job)

    # --- sending ---------------------------------------------------------------------------------

    def start_round(self, index: int, columns: list[int] | None = None) -> None:
        """Send a round's columns (all, or these), each on its own."""
        wanted = range(len(self.comparison.variants)) if columns is None else columns
        for column in wanted:
            spawn(self._send_column(index, column), on_error=self.failed.emit)

    def rerun(self) -> int:
        """A new round with a new seed per column; returns its index."""
        entries = tuple(Entry(seed=fresh_seed()) for _ in self.comparison.variants)
        self._set(self.comparison.with_round(Round(entries, time.time())))
        index = len(self.comparison.rounds) - 1
        self.changed.emit(-1, -1)
        self.start_round(index)
        return index

    def retry(self, index: int, column: int) -> None:
        """A failed job again in its own row, or a column that was not sent, sent now."""
        entry = self.comparison.rounds[index].entries[column]
        job = self.job(entry.local_id)
        if job is not None and job.status in RETRYABLE:
            self.show_job(self._source.retry(job.local_id))
        elif entry.local_id is None:
            self._set_entry(index, column, Entry())
            spawn(self._send_column(index, column), on_error=self.failed.emit)

    def set_verdict(self, index: int, column: int, verdict: Verdict) -> None:
        self._set(self.comparison.with_verdict(index, column, verdict))
        self.changed.emit(-1, -1)

    async def _send_column(self, index: int, column: int) -> None:
        variant = self.comparison.variants[column]
        try:
            fresh = await self._source.fetch_detail(variant.slug)
        except Exception as exc:
            log.warning("compare: settings of %s failed: %s", variant.slug, exc)
            fresh = None
        if self.closed:
            return
        if fresh is None:
            self._set_entry(index, column, Entry(problem=QCoreApplication.translate(
                "Compare", "The model's settings could not be loaded, so nothing was sent. "
                "Retry when the server answers.")))  # fmt: skip
            return
        known = self._details.get(variant.slug)
        self._details[variant.slug] = fresh
        if known is not None and not json_equal(known.input_schema, fresh.input_schema):
            self.details_changed.emit()
            self._set_entry(
                index,
                column,
                Entry(
                    problem=QCoreApplication.translate(
                        "Compare",
                        "This model's settings changed since the table was made, so nothing "
                        "was sent. The table now shows the new translation: check it, then Retry.",
                    )
                ),
            )
            return  # fmt: skip
        self._set_entry(index, column, self._submit(fresh, index, column))

    def _submit(self, detail: EndpointDetail, index: int, column: int) -> Entry:
        variant = self.comparison.variants[column]
        intent = self.comparison.column_intent(column, index)
        translation = plan(detail.input_schema, intent, variant.overrides)
        problems = media_plan_problems(detail.input_schema, translation, self._facts)
        if problems:
            return Entry(translation, problem=" ".join(problems.values()))
        if translation.input is None:
            return Entry(translation, problem=translation.problem)
        try:
            job = self._source.submit(detail.slug, translation.input)
        except Exception as exc:  # not connected, the library refused: this column says so
            log.warning("compare: %s was not sent: %s", detail.slug, exc)
            return Entry(translation, problem=str(exc))
        self._where[job.local_id] = (index, column)
        self._jobs[job.local_id] = job
        return Entry(translation, job.local_id)

    def _set_entry(self, index: int, column: int, entry: Entry) -> None:
        old = self.comparison.rounds[index].entries[column]
        entry = replace(entry, seed=old.seed, verdict=old.verdict)
        self._set(self.comparison.with_entry(index, column, entry))
        self.changed.emit(index, column)
        job = self.job(entry.local_id)
        if job is not None:
            self.job_changed.emit(index, column, job)

    # --- keeping it ------------------------------------------------------------------------------

    def _set(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.save()

    def save(self) -> None:
        """Keep the current state; saves run one at a time, the newest last."""
        self._pending = self.comparison
        if not self._saving:
            self._saving = True
            self._idle.clear()
            spawn(self._save_loop(), on_error=self._on_save_failed)

    async def _save_loop(self) -> None:
        try:
            while (comparison := self._pending) is not None:
                self._pending = None
                await self._source.save_comparison(comparison)
                self.saved.emit(comparison.id)
        finally:
            self._saving = False
            self._idle.set()

    def _on_save_failed(self, message: str) -> None:
        self.failed.emit(
            QCoreApplication.translate("Compare", "The comparison could not be kept: %1").replace(
                "%1", message
            )
        )

    async def saved_now(self) -> None:
        """Until every save asked for is done (tests, and before reopening)."""
        await self._idle.wait()
