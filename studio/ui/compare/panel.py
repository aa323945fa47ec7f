"""The Compare tab: one intent sent to 2–6 columns (several models, or one model with several seeds
or values), every translation shown before sending, results side by side, a winner kept.

Job changes come in through ``show_job`` (the controller forwards the session's events); the
library is reached only through the session (``CompareSource``), off the GUI thread.

Signals:
    recall_requested(Recall) — "Use this one": open the job in Create with all its parameters.
    output_chosen(Job) — "Use this one": show its output in the preview.
    send_requested(Job) — "Send to…" under a result (the Send to… menu connects here).
    comparison_started(list[str]) — the slugs of a new comparison, in column order.
    comparison_saved(str) — the library holds this comparison's newest state.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from studio.core.compare import (
    MAX_COLUMNS,
    MIN_COLUMNS,
    Comparison,
    Entry,
    Round,
    new_comparison_id,
)
from studio.core.jobs import utc_now
from studio.core.library import RecallMode, make_recall
from studio.core.session import BackendKind
from studio.ui.background import spawn
from studio.ui.compare.details import DetailStore
from studio.ui.compare.intent_form import IntentForm
from studio.ui.compare.picker import ComparePicker
from studio.ui.compare.planner import column_plan, fits, spec_of, variant_key, variant_label
from studio.ui.compare.results import ResultsView
from studio.ui.compare.run import ComparisonRun
from studio.ui.compare.table import ColumnPlan, TranslationTable
from studio.ui.compare.words import fill
from studio.ui.endpoint import RequestDialog
from studio.ui.i18n.core_words import core_text, when_text
from studio.ui.theme import WARNING, follow_theme, pick

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from studio.core.compare import Variant, Verdict
    from studio.core.jobs import Job
    from studio.ui.compare.source import CompareSource


TICK_MS: Final = 1000
REPLAN_MS: Final = 120
CONFIRM_VIDEOS_ABOVE: Final = 4


class ComparePanel(QWidget):
    """See the module docstring for what it does and its signals."""

    recall_requested = Signal(object)
    output_chosen = Signal(object)
    send_requested = Signal(object)
    comparison_started = Signal(list)
    comparison_saved = Signal(str)

    def __init__(self, source: CompareSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.details = DetailStore(source, self)
        self._overrides: dict[str, dict[str, Any]] = {}  # variant_key -> field -> value
        self._plans: list[ColumnPlan] = []
        self._run: ComparisonRun | None = None
        self._round = 0
        self._heads: list[tuple[str, str]] = []
        self._table_shows_round = False
        self._dark = False
        self.confirm_box: QMessageBox | None = None
        self.picker = ComparePicker(self)
        self.form = IntentForm(self)
        self.table = TranslationTable(self)
        self.results = ResultsView(self)
        self.compare_button = QPushButton(self.tr("Compare"), self)
        self.compare_button.setToolTip(self.tr("Send to every column (Ctrl+Enter)"))
        self.compare_button.setDefault(True)
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self._replan_timer = QTimer(self, singleShot=True, interval=REPLAN_MS)
        self._ticker = QTimer(self, interval=TICK_MS)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self._lay_out()
        self._connect()
        follow_theme(self._restyle)
        self.results.set_empty_text(self.tr(
            "Choose what to compare, tick 2–6 models (or one model with several seeds), check "
            "what each will receive in the table, then Compare (Ctrl+Enter).\nEvery job also "
            "lands in the queue and the gallery; the comparison is kept under Gallery › "
            "Comparisons."))  # fmt: skip
        self.refresh_endpoints()

    def _lay_out(self) -> None:
        setup = QWidget(self)
        right = QVBoxLayout()
        right.addWidget(self.form, 1)
        action = QHBoxLayout()
        action.addWidget(self.note, 1)
        action.addWidget(self.compare_button)
        right.addLayout(action)
        row = QHBoxLayout(setup)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.picker, 2)
        row.addLayout(right, 5)
        for widget in (setup, self.table, self.results):
            self.splitter.addWidget(widget)
            self.splitter.setCollapsible(self.splitter.indexOf(widget), False)
        self.splitter.setSizes([250, 190, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def _connect(self) -> None:
        self.picker.changed.connect(self._schedule_replan)
        self.form.changed.connect(self._schedule_replan)
        self.picker.task_combo.currentIndexChanged.connect(self._on_task_changed)
        self.form.submit_requested.connect(self.compare)
        self.compare_button.clicked.connect(self.compare)
        self._replan_timer.timeout.connect(self.replan)
        self.details.arrived.connect(self._schedule_replan)
        self._ticker.timeout.connect(self._on_ticker_timeout)
        model = self.table.translation_model
        model.override_set.connect(self._on_override_set)
        model.override_cleared.connect(self._on_override_cleared)
        results = self.results
        results.verdict_requested.connect(self._on_verdict_requested)
        results.use_requested.connect(self._on_use_requested)
        results.retry_requested.connect(self._on_retry_requested)
        results.request_requested.connect(self._on_request_requested)
        results.send_requested.connect(self.send_requested)
        results.rerun_requested.connect(self.rerun)
        results.round_requested.connect(self.show_round)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(self.tr("Run the comparison"))
            shortcut.activated.connect(self.compare)

    # --- the setup -------------------------------------------------------------------------------

    def refresh_endpoints(self) -> None:
        """Re-read the catalog (also done each time the panel is shown)."""
        self.picker.set_endpoints(list(self._source.endpoints))
        self._schedule_replan()

    def draft_variants(self) -> tuple[tuple[Variant, ...], str]:
        """The columns as set up now, each with the values set by hand in the table."""
        variants, problem = self.picker.variants()
        kept = tuple(replace(v, overrides=self._overrides.get(variant_key(v), {}))
                     for v in variants)  # fmt: skip
        return kept, problem

    def _schedule_replan(self) -> None:
        self._replan_timer.start()

    def replan(self) -> None:
        """Judge every listed model, then rebuild the table from the setup (at once)."""
        self._replan_timer.stop()
        task = self.picker.current_task()
        intent = self.form.intent()
        listed = self.picker.listed()
        self.details.learn(e.slug for e in listed)
        self.picker.set_fits(fits(listed, self.details.details, task, intent))
        variants, problem = self.draft_variants()
        names = {e.slug: e.name or e.slug for e in listed}
        facts, uri_names = self.form.media_facts(), self.form.uri_names()
        self._plans = [
            column_plan(
                self.details.get(v.slug), names.get(v.slug, v.slug), v,
                intent=replace(intent, **dict(v.changes)), facts=facts, names=uri_names,
                unavailable=self.details.unavailable.get(v.slug, ""),
            )
            for v in variants
        ]  # fmt: skip
        self._table_shows_round = False
        self.table.translation_model.set_plans(self._plans)
        self._mark_varied()
        self._update_action(problem)

    def _mark_varied(self) -> None:
        """The setting varied per column is not also set once for all."""
        varied = str(self.picker.vary.currentData()) if self.picker.is_one_model() else ""
        for name, combo in self.form.choices.items():
            combo.setEnabled(name != varied)
            combo.setToolTip(self.tr("Set per column (One model, several values)")
                             if name == varied else "")  # fmt: skip
        self.form.seed.setEnabled(varied != "seed")

    def _update_action(self, problem: str) -> None:
        count = len(self._plans)
        ready = sum(plan.ready for plan in self._plans)
        capability = self.picker.current_task().capability
        self.compare_button.setText(self._button_text(capability, ready))
        missing = self.form.missing()
        if problem:
            note, warn = problem, True
        elif count < MIN_COLUMNS:
            text = self.tr("Tick %1–%2 models (or one model and its values): %3 so far.")
            note, warn = fill(text, MIN_COLUMNS, MAX_COLUMNS, count), False
        elif missing:
            note, warn = self.tr("Add: %1.").replace("%1", ", ".join(missing)), True
        elif ready < count:
            note, warn = self.tr("%n of the columns cannot be sent as set up; the table says "
                                 "why.", "", count - ready), True  # fmt: skip
        else:
            note, warn = self.tr("Each column's job also goes to the queue."), False
        self.show_note(note, warning=warn)
        self.compare_button.setEnabled(MIN_COLUMNS <= count <= MAX_COLUMNS and ready > 0
                                       and not missing and not problem)  # fmt: skip

    def _button_text(self, capability: str, ready: int) -> str:
        if ready == 1:
            return self.tr("Compare · 1 task")
        if capability == "video":
            return self.tr("Compare · %n videos", "", ready)
        if capability == "image":
            return self.tr("Compare · %n images", "", ready)
        if capability == "audio":
            return self.tr("Compare · %n tracks", "", ready)
        return self.tr("Compare · %n transcripts", "", ready)

    def show_note(self, text: str, *, warning: bool = False) -> None:
        self.note.setProperty("warning", warning)
        self.note.setText(text)
        self._restyle(self._dark)

    def _on_task_changed(self) -> None:
        self.form.set_task(self.picker.current_task())

    def _on_override_set(self, column: int, field: str, value: object) -> None:
        variants, _ = self.draft_variants()
        if column < len(variants):
            key = variant_key(variants[column])
            self._overrides.setdefault(key, {})[field] = value
            self.replan()

    def _on_override_cleared(self, column: int, field: str) -> None:
        variants, _ = self.draft_variants()
        if column < len(variants):
            self._overrides.get(variant_key(variants[column]), {}).pop(field, None)
            self.replan()

    # --- comparing -------------------------------------------------------------------------------

    def compare(self) -> bool:
        """Start the comparison as set up; False (with a note) when it cannot start. More than
        four videos are confirmed first."""
        self.replan()
        if not self.compare_button.isEnabled():
            return False
        ready = sum(plan.ready for plan in self._plans)
        if self.picker.current_task().capability == "video" and ready > CONFIRM_VIDEOS_ABOVE:
            self._confirm(ready)
            return True
        self._start()
        return True

    def _confirm(self, videos: int) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Compare"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("This starts %n video tasks at once. Go ahead?", "", videos))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.button(QMessageBox.StandardButton.Yes).setText(
            self.tr("Compare · %n videos", "", videos)
        )
        box.buttonClicked.connect(lambda button: self._on_confirm_clicked(box, button))
        box.finished.connect(box.deleteLater)
        self.confirm_box = box
        box.open()  # never exec(): the event loop must keep running

    def _on_confirm_clicked(self, box: QMessageBox, button: object) -> None:
        self.confirm_box = None
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:  # type: ignore[arg-type]
            self._start()

    def _start(self) -> None:
        task = self.picker.current_task()
        variants, _ = self.draft_variants()
        comparison = Comparison(
            id=new_comparison_id(),
            task=task.key,
            capability=task.capability,
            intent=self.form.intent(),
            variants=variants,
            rounds=(Round(tuple(Entry() for _ in variants), time.time()),),
            created_at=time.time(),
            media_names=self.form.media_names(),
        )
        self._open_run(comparison, self.form.media_facts())
        assert self._run is not None
        self._run.save()
        self._run.start_round(0)
        self.splitter.setSizes([150, 150, 560])
        self.show_note(self.tr("Comparing %n columns. Each job is also in the queue.", "",
                               len(variants)))  # fmt: skip
        self.comparison_started.emit([v.slug for v in variants])

    def _open_run(self, comparison: Comparison, facts: dict[str, Any]) -> None:
        if self._run is not None:
            self._run.closed = True
            self._run.deleteLater()
        run = ComparisonRun(self._source, comparison, self.details.details, facts, self)
        run.changed.connect(self._on_run_changed)
        run.job_changed.connect(self._on_run_job_changed)
        run.details_changed.connect(self._on_run_details_changed)
        run.saved.connect(self.comparison_saved)
        run.failed.connect(lambda message: self.show_note(message, warning=True))
        self._run = run
        names = {e.slug: e.name or e.slug for e in self._source.endpoints}
        self._heads = [(names.get(v.slug, v.slug), variant_label(v)) for v in comparison.variants]
        self.show_round(len(comparison.rounds) - 1)

    @property
    def comparison(self) -> Comparison | None:
        """The comparison shown in the results (None before the first)."""
        return self._run.comparison if self._run is not None else None

    @property
    def run(self) -> ComparisonRun | None:
        return self._run

    def rerun(self) -> None:
        """The same comparison again with new seeds, as a new round."""
        if self._run is not None:
            self._round = self._run.rerun()
            self.show_round(self._round)

    def show_round(self, index: int) -> None:
        run = self._run
        if run is None or not 0 <= index < len(run.comparison.rounds):
            return
        self._round = index
        comparison = run.comparison
        self.results.set_columns(comparison.capability, self._heads)
        self.results.set_round(index, len(comparison.rounds))
        for column in range(len(comparison.variants)):
            self._show_entry(column)
        self._show_round_table()
        self._update_ticker()

    def send_to_wired(self) -> bool:
        """Whether anything listens to send_requested: "Send to…" shows only then."""
        meta = self.metaObject()
        return self.isSignalConnected(meta.method(meta.indexOfSignal("send_requested(PyObject)")))

    def _show_entry(self, column: int) -> None:
        assert self._run is not None
        entry = self._run.comparison.rounds[self._round].entries[column]
        target = self.results.columns()[column]
        target.send_button.setVisible(self.send_to_wired())
        target.set_verdict(entry.verdict)
        job = self._run.job(entry.local_id)
        if job is not None:
            self.results.show_job(column, job, utc_now())
        elif entry.problem:
            target.show_not_sent(core_text(entry.problem))
        elif entry.local_id is not None:
            target.status_label.setText(self.tr("Reading from the library…"))
        else:
            target.show_sending()

    def _show_round_table(self) -> None:
        """The table shows what each column of the shown round received, as it was kept."""
        assert self._run is not None
        comparison = self._run.comparison
        uri_names = self.form.uri_names()
        plans = []
        for column, variant in enumerate(comparison.variants):
            entry = comparison.rounds[self._round].entries[column]
            title = self.results.columns()[column].title_label.text()
            spec = spec_of(self.details.get(variant.slug))
            plans.append(ColumnPlan(title, variant_label(variant), entry.translation,
                                    entry.problem, {}, spec, uri_names))  # fmt: skip
        self._table_shows_round = True
        self.table.translation_model.set_plans(plans)

    # --- following the run -----------------------------------------------------------------------

    def show_job(self, job: Job) -> None:
        """A job's newest snapshot; only this panel's own jobs change a column."""
        if self._run is not None and self._run.show_job(job):
            self._update_ticker()

    def _on_run_changed(self, index: int, column: int) -> None:
        if index < 0:
            self._refresh_verdicts()
        elif index == self._round:
            self._show_entry(column)
            if self._table_shows_round:
                self._show_round_table()
        self._update_ticker()

    def _on_run_job_changed(self, index: int, column: int, job: Job) -> None:
        if index == self._round:
            self.results.columns()[column].send_button.setVisible(self.send_to_wired())
            self.results.show_job(column, job, utc_now())
            self._update_ticker()

    def _on_run_details_changed(self) -> None:
        self._schedule_replan()

    def _refresh_verdicts(self) -> None:
        if self._run is None:
            return
        entries = self._run.comparison.rounds[self._round].entries
        for column, entry in zip(self.results.columns(), entries, strict=False):
            column.set_verdict(entry.verdict)

    def _on_verdict_requested(self, column: int, verdict: Verdict) -> None:
        if self._run is not None:
            self._run.set_verdict(self._round, column, verdict)

    def _on_use_requested(self, job: Job) -> None:
        self.recall_requested.emit(make_recall(job.endpoint, job.input, RecallMode.USE_ALL))
        self.output_chosen.emit(job)

    def _on_retry_requested(self, column: int) -> None:
        if self._run is not None:
            self._run.retry(self._round, column)

    def _on_request_requested(self, column: int) -> None:
        if self._run is None:
            return
        comparison = self._run.comparison
        entry = comparison.rounds[self._round].entries[column]
        job = self._run.job(entry.local_id)
        body = dict(job.input) if job is not None else (
            entry.translation.input if entry.translation is not None else None)  # fmt: skip
        if body is None:
            return
        slug = comparison.variants[column].slug
        info = self._source.backend_info
        # Snippets are for real code: in demo mode they name the real API, not the simulator.
        demo = info is None or info.kind is BackendKind.DEMO
        base = self._source.settings.base_url if demo or info is None else info.base_url
        RequestDialog(base, slug, body, self).show()

    # --- reopening -------------------------------------------------------------------------------

    def open_comparison(self, comparison_id: str) -> None:
        """Show a kept comparison exactly as it was kept (read in the background)."""
        spawn(self.reopen(comparison_id), key=(self, "reopen"),
              on_error=lambda m: self.show_note(m, warning=True))  # fmt: skip

    async def reopen(self, comparison_id: str) -> bool:
        comparison = await self._source.load_comparison(comparison_id)
        if comparison is None:
            self.show_note(self.tr("That comparison is no longer in the library."), warning=True)
            return False
        self._restore_setup(comparison)
        self._open_run(comparison, {})
        assert self._run is not None
        await self._run.load_jobs()
        self.show_note(
            self.tr("Reopened the comparison of %1.").replace(
                "%1", when_text(comparison.created_at)
            )
        )
        return True  # fmt: skip

    def _restore_setup(self, comparison: Comparison) -> None:
        self.picker.set_task(comparison.task)  # the form follows the picker's task
        self.form.set_intent(comparison.intent, comparison.media_names)
        self.picker.set_variants(comparison.variants)
        self._overrides = {
            variant_key(v): dict(v.overrides) for v in comparison.variants if v.overrides
        }
        self.replan()

    # --- clock and looks -------------------------------------------------------------------------

    def _on_ticker_timeout(self) -> None:
        self.results.refresh_elapsed(utc_now())
        self._update_ticker()

    def _update_ticker(self) -> None:
        running = self._run is not None and self._run.is_running()
        if running and not self._ticker.isActive():
            self._ticker.start()
        elif not running:
            self._ticker.stop()

    def _restyle(self, dark: bool) -> None:
        self._dark = dark
        warn = bool(self.note.property("warning"))
        self.note.setStyleSheet(f"color: {pick(WARNING, dark)};" if warn else "")

    @override
    def showEvent(self, event: QShowEvent) -> None:
        self.refresh_endpoints()
        super().showEvent(event)
