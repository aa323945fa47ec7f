"""The Compare panel: one prompt fanned out to 2–4 models, their results side by side."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget
from typing_extensions import override

from studio.core.compare import MAX_MODELS, MIN_MODELS, SharedValues, plan_input
from studio.core.jobs import utc_now
from studio.core.library import make_recall
from studio.ui.background import spawn
from studio.ui.compare.column import CompareColumn
from studio.ui.compare.picker import ComparePicker

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from PySide6.QtGui import QShowEvent

    from studio.core.api import Endpoint, EndpointDetail
    from studio.core.jobs import Job

log = logging.getLogger("studio.ui")

TICK_MS = 1000
EMPTY_TEXT = (
    "Tick 2–4 models, write one prompt and press Compare (Ctrl+Enter).\n"
    "Each model's result appears in its own column; every job also lands in the queue and gallery."
)


class CompareSource(Protocol):
    """What the panel needs of the session: the catalog, details, and sending jobs."""

    @property
    def endpoints(self) -> Sequence[Endpoint]: ...

    async def fetch_detail(self, slug: str) -> EndpointDetail | None: ...

    def submit(
        self, endpoint: str, input: Mapping[str, Any], webhook_url: str | None = None
    ) -> Job: ...


class _ColumnsRow(QHBoxLayout):
    """The columns' row. It claims no height-for-width, so the scroll area fits it to the view
    instead of growing it to every wrapped label's preferred height (which hid the buttons)."""

    @override
    def hasHeightForWidth(self) -> bool:
        return False


class ComparePanel(QWidget):
    """Sends one prompt to several models and shows each model's result in its own column.

    Job changes come in through ``show_job`` (the controller forwards the session's events).

    Signals:
        recall_requested(Recall): "Use this one" under a finished column (mode use_all).
        comparison_started(list[str]): the slugs of a new comparison, in column order.
    """

    recall_requested = Signal(object)
    comparison_started = Signal(list)

    def __init__(self, source: CompareSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._columns: list[CompareColumn] = []
        self._by_job: dict[str, CompareColumn] = {}
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._on_ticker_timeout)
        self.picker = ComparePicker(self)
        self.picker.setMaximumHeight(200)
        self.empty_label = QLabel(EMPTY_TEXT, self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self._row = _ColumnsRow()
        self._lay_out()
        self.picker.compare_requested.connect(self.compare)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.compare)
        self.refresh_endpoints()

    def _lay_out(self) -> None:
        holder = QWidget(self)
        holder.setLayout(self._row)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(self.empty_label)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(scroll, 1)

    # --- public API ------------------------------------------------------------------------------

    def refresh_endpoints(self) -> None:
        """Re-read the catalog (also done each time the panel is shown)."""
        self.picker.set_endpoints(list(self._source.endpoints))

    def columns(self) -> list[CompareColumn]:
        return list(self._columns)

    def compare(self) -> bool:
        """Start a comparison of the ticked models; False (with a note) when it cannot start."""
        slugs = self.picker.chosen_slugs()
        shared = self.picker.shared_values()
        if not MIN_MODELS <= len(slugs) <= MAX_MODELS:
            self.picker.show_note(
                f"Tick {MIN_MODELS}–{MAX_MODELS} models to compare ({len(slugs)} ticked).",
                warning=True,
            )
            return False
        if not shared.prompt:
            self.picker.show_note("Write a prompt first.", warning=True)
            self.picker.prompt.setFocus()
            return False
        chosen = [e for slug in slugs if (e := self.picker.endpoint(slug)) is not None]
        self._replace_columns(chosen)
        self.picker.show_note(f"Comparing {len(chosen)} models. Each job is also in the queue.")
        spawn(
            self._run(list(self._columns), shared),
            key=(self, "compare"),
            on_error=self._on_task_failed,
        )
        self.comparison_started.emit([e.slug for e in chosen])
        return True

    # --- one comparison --------------------------------------------------------------------------

    def _replace_columns(self, endpoints: list[Endpoint]) -> None:
        for column in self._columns:
            column.release()
            self._row.removeWidget(column)
            column.deleteLater()
        self._columns = [CompareColumn(endpoint, self) for endpoint in endpoints]
        self._by_job = {}
        self.empty_label.setVisible(not self._columns)
        for column in self._columns:
            column.use_requested.connect(self._on_column_use_requested)
            self._row.addWidget(column, 1)

    async def _run(self, columns: list[CompareColumn], shared: SharedValues) -> None:
        await asyncio.gather(*(self._send_one(column, shared) for column in columns))

    async def _send_one(self, column: CompareColumn, shared: SharedValues) -> None:
        """Fetch, plan and submit for one model; its trouble stays in its own column."""
        slug = column.endpoint.slug
        try:
            detail = await self._source.fetch_detail(slug)
        except Exception as exc:
            log.warning("compare: detail of %s failed: %s", slug, exc)
            detail = None
        if column not in self._columns:
            return  # a newer comparison replaced this one meanwhile
        if detail is None:
            column.show_skipped("The model's settings could not be loaded, so nothing was sent.")
            return
        try:
            self._submit(column, detail, shared)
        except Exception as exc:  # a schema we could not handle must not stop the other models
            log.exception("compare: %s could not be prepared", slug)
            column.show_skipped(f"The request could not be prepared: {exc}")

    def _submit(self, column: CompareColumn, detail: EndpointDetail, shared: SharedValues) -> None:
        plan = plan_input(detail.input_schema, shared)
        column.set_notes(plan.notes)
        if plan.input is None:
            column.show_skipped(plan.problem)
            return
        try:
            job = self._source.submit(detail.slug, plan.input)
        except Exception as exc:
            log.warning("compare: %s was not sent: %s", detail.slug, exc)
            column.show_skipped(f"The task was not sent: {exc}")
            return
        self._by_job[job.local_id] = column
        column.show_job(job, utc_now())
        self._update_ticker()

    # --- updates ---------------------------------------------------------------------------------

    def show_job(self, job: Job) -> None:
        """A job's newest snapshot; only this panel's own jobs change a column."""
        column = self._by_job.get(job.local_id)
        if column is not None:
            column.show_job(job, utc_now())
            self._update_ticker()

    def _on_ticker_timeout(self) -> None:
        now = utc_now()
        for column in self._columns:
            column.refresh_elapsed(now)
        self._update_ticker()

    def _update_ticker(self) -> None:
        running = any(column.is_running for column in self._columns)
        if running and not self._ticker.isActive():
            self._ticker.start()
        elif not running:
            self._ticker.stop()

    def _on_column_use_requested(self, job: Job) -> None:
        self.recall_requested.emit(make_recall(job.endpoint, job.input, "use_all"))

    def _on_task_failed(self, message: str) -> None:
        self.picker.show_note(f"The comparison stopped: {message}", warning=True)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        self.refresh_endpoints()
        super().showEvent(event)
