"""The middle of the window: one endpoint's header, its schema form, schema and examples tabs,
and the Generate controls.

Signals:
    generate_requested(str slug, list[dict] inputs, str webhook_url, list[InputUse] uses) —
        Generate was pressed and the form is valid; one input per task of the batch, and the
        library outputs the form holds (each task's lineage).
    mask_requested(MediaField mask, object source) — "Paint mask…" in the form: the field to
        fill and the value of the picture to paint over (a Path, a data/URL string or None).
    show_request_requested(str slug, dict body) — "Show request" was pressed.
    form_replaced(str slug, str message, dict previous) — Reset or an example replaced what the
        user had on that endpoint; `message` says what the form holds now (for an Undo banner).
    endpoint_switched(str slug) — another endpoint is on the page now; what belonged to the one
        before (an Undo, a message about it) is stale.
    carry_offered(str slug, str source, list titles, dict values) — values of the endpoint before
        (`source`, its name) would fit this one but were not carried over by themselves: they come
        from another capability (an image prompt is rarely a music prompt), or this endpoint's
        own draft holds something else there. `titles` names the fields; carry_in() takes them.
    draft_changed(str slug, dict value) — the form's value changed (drafts are kept per endpoint).
"""

from __future__ import annotations

import json
import random
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QPlainTextEdit,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from studio.core.api import run_body
from studio.core.schema import FieldError, carry_over
from studio.ui.endpoint.controls import GenerateControls
from studio.ui.endpoint.header import EndpointHeader, ExamplesTab
from studio.ui.forms import SchemaForm
from studio.ui.plain import plain_label

if TYPE_CHECKING:
    from collections.abc import Callable

    from studio.core.api import EndpointDetail
    from studio.ui.keyboard.focus_order import Step

SEED_MAX = 2**31 - 1
_COUNT_FIELDS = ("num_images",)  # how many outputs one task makes, when the form says


class EndpointPage(QWidget):
    """Header + tabs; owns the SchemaForm of the current endpoint and the Generate controls."""

    generate_requested = Signal(str, list, str, list)
    mask_requested = Signal(object, object)
    show_request_requested = Signal(str, dict)
    form_replaced = Signal(str, str, dict)
    endpoint_switched = Signal(str)
    carry_offered = Signal(str, str, list, dict)
    draft_changed = Signal(str, dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: EndpointDetail | None = None
        self.form: SchemaForm | None = None
        self.confirm_box: QMessageBox | None = None
        self._focus_wanted: str | None = None  # the slug whose form takes the cursor when built
        self.header = EndpointHeader()
        self.tabs = QTabWidget()
        self.form_holder = QStackedWidget()
        self.schema_view = QPlainTextEdit(readOnly=True)
        self.examples = ExamplesTab()
        self.tabs.addTab(self.form_holder, self.tr("Form"))
        self.tabs.addTab(self.schema_view, self.tr("Schema"))
        self.tabs.addTab(self.examples, self.tr("Examples"))
        self.placeholder = plain_label(self.tr("Pick a model on the left to start."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form_holder.addWidget(self.placeholder)
        self.controls = GenerateControls()
        self._alias_controls()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.controls)
        self._connect()
        self.controls.set_enabled(False)

    def _alias_controls(self) -> None:
        """The controls' widgets, reachable as the page's own (tests and the tour use them)."""
        c = self.controls
        self.webhook, self.webhook_error, self.request_options = (
            c.webhook,
            c.webhook_error,
            c.request_options,
        )
        self.batch, self.random_seed, self.generate = c.batch, c.random_seed, c.generate
        self.reset, self.show_request = c.reset, c.show_request

    def _connect(self) -> None:
        self.examples.example_chosen.connect(self._on_example_chosen)
        self.show_request.clicked.connect(self._on_show_request_clicked)
        self.reset.clicked.connect(self._on_reset_clicked)
        self.generate.clicked.connect(self.submit)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(self.tr("Generate"))
            shortcut.activated.connect(self.submit)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)

    def show_loading(self, name: str) -> None:
        self.placeholder.setText(self.tr("Loading %1…").replace("%1", name))
        self.form_holder.setCurrentWidget(self.placeholder)
        self.controls.set_enabled(False)

    def show_failure(self, message: str) -> None:
        self._focus_wanted = None
        self.placeholder.setText(message)
        self.form_holder.setCurrentWidget(self.placeholder)
        self.controls.set_enabled(False)

    def show_endpoint(
        self,
        detail: EndpointDetail,
        initial: dict[str, Any] | None = None,
        draft: dict[str, Any] | None = None,
    ) -> None:
        """Build the form of `detail`.

        It shows `initial` when given (a recall, an undo); else the endpoint's own `draft`, and
        what fits of the form before fills the fields the draft leaves unset — by itself within a
        capability, on the user's word otherwise (see `carry_offered`). The same endpoint again
        (a fresher detail) keeps what the form holds.
        """
        before, previous_form = self.detail, self.form
        previous = previous_form.value() if previous_form is not None else {}
        switching = before is None or before.slug != detail.slug
        self.detail = detail
        self.header.show_endpoint(detail)
        form = SchemaForm(dict(detail.input_schema))
        form.reset_button.hide()  # the page's own Reset can be undone
        self._install_form(form)
        if switching:
            self.endpoint_switched.emit(detail.slug)
        form.mask_requested.connect(self.mask_requested)
        if initial is not None:
            form.set_value(initial)
        elif not switching:
            form.set_value({**form.value(), **carry_over(previous, form.spec)})
        else:
            form.set_value(draft or {})
            self._carry_over(before, previous, form)
        form.changed.connect(self._on_form_changed)
        self._show_tabs(detail)
        self.controls.show_endpoint(detail.slug, detail.capability, "seed" in form.field_names())
        self.controls.set_enabled(True)
        self._on_form_changed()
        if previous_form is not None:
            self.form_holder.removeWidget(previous_form)
            previous_form.deleteLater()
        self._focus_prompt(form)

    def _install_form(self, form: SchemaForm) -> None:
        self.form = form
        self.form_holder.addWidget(form)
        self.form_holder.setCurrentWidget(form)

    def _carry_over(
        self, source: EndpointDetail | None, previous: dict[str, Any], form: SchemaForm
    ) -> None:
        """Fill what this endpoint's draft leaves unset with the fitting values of the form before
        (same capability only); offer the rest instead of overwriting."""
        if source is None or self.detail is None:
            return
        own = form.value()
        fitting = {k: v for k, v in carry_over(previous, form.spec).items() if own.get(k) != v}
        same_capability = source.capability == self.detail.capability
        fills = {k: v for k, v in fitting.items() if same_capability and k not in own}
        offers = {k: v for k, v in fitting.items() if k not in fills}
        if fills:
            form.set_value({**own, **fills})
        if offers:
            titles = [spec.title for spec in form.spec.fields if spec.name in offers]
            name = source.name or source.slug
            self.carry_offered.emit(self.detail.slug, name, titles, offers)

    def carry_in(self, slug: str, values: dict[str, Any]) -> dict[str, Any] | None:
        """Put offered `values` into the form of `slug`; the value before (for Undo), or None
        when another endpoint is on the page by now."""
        if self.form is None or self.current_slug() != slug:
            return None
        before = self.form.value()
        self.form.set_value({**before, **values})
        return before

    def _show_tabs(self, detail: EndpointDetail) -> None:
        schemas = {"input_schema": detail.input_schema, "output_schema": detail.output_schema}
        self.schema_view.setPlainText(json.dumps(schemas, indent=2, ensure_ascii=False))
        self.examples.show_examples(detail.examples)

    def _focus_prompt(self, form: SchemaForm) -> None:
        prompt = form.prompt_editor()
        if prompt is not None:
            prompt.installEventFilter(self)  # text boxes eat Ctrl+Enter before shortcuts see it
        assert self.detail is not None
        wanted, self._focus_wanted = self._focus_wanted == self.detail.slug, None
        focus = QApplication.focusWidget()
        # Never take the keyboard from the model list or search box unless asked (Enter there).
        if wanted or focus is None or focus is self or self.isAncestorOf(focus):
            self._put_cursor_in(form)

    def focus_form(self, slug: str | None = None) -> None:
        """The cursor into the prompt (else the first field) of `slug`'s form (default: the
        endpoint on the page): now if that form is on show, else as soon as it is built."""
        target = slug or self.current_slug()
        if target is None:
            return
        shown = self.form is not None and self.form_holder.currentWidget() is self.form
        if shown and self.current_slug() == target and self.form is not None:
            self._focus_wanted = None
            self.tabs.setCurrentIndex(0)
            self._put_cursor_in(self.form)
        else:
            self._focus_wanted = target

    def _put_cursor_in(self, form: SchemaForm) -> None:
        editor = form.first_editor()
        if editor is None:
            return
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(editor, QPlainTextEdit):
            editor.moveCursor(QTextCursor.MoveOperation.End)  # typing goes on from the draft

    def tab_steps(self) -> list[Step]:
        """Tab inside the page: the form (prompt first), then Generate and its options."""
        c = self.controls
        form = self.form.tab_steps() if self.form is not None else []
        controls = [c.generate, c.batch, c.random_seed, c.reset, c.show_request]
        return [*form, *controls, c.request_options, c.webhook]

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Tab from outside the form (e.g. back from Generate) scrolls the field into view.
        if new is not None and self.form is not None and self.form.isAncestorOf(new):
            self.form.ensure_visible(new)

    def _on_form_changed(self) -> None:
        if self.form is None or self.detail is None:
            return
        counts = [self.form.field(name) for name in _COUNT_FIELDS]
        per_task = next((f.value() for f in counts if f is not None), None)
        self.controls.set_outputs_per_task(per_task if isinstance(per_task, int) else 1)
        self.draft_changed.emit(self.detail.slug, self.form.value())

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(
            event, QKeyEvent
        ):
            submit_keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if event.key() in submit_keys and ctrl:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.submit()
                return True
        return super().eventFilter(watched, event)

    def set_form_value(self, value: dict[str, Any], slug: str | None = None) -> None:
        """Show `value` in the form; with `slug`, only while that endpoint is on the page."""
        if self.form is None or (slug is not None and self.current_slug() != slug):
            return
        self.form.set_value(value)
        self.tabs.setCurrentIndex(0)

    def current_slug(self) -> str | None:
        return self.detail.slug if self.detail is not None else None

    def show_server_errors(self, errors: list[FieldError]) -> None:
        if self.form is not None:
            self.form.show_errors(errors)
            self.tabs.setCurrentIndex(0)

    def webhook_url(self) -> str | None:
        """The webhook URL, or None when empty; raises ValueError when it is not http(s)."""
        text = self.webhook.text().strip()
        if not text:
            return None
        url = QUrl(text, QUrl.ParsingMode.StrictMode)
        if not url.isValid() or url.scheme() not in ("http", "https") or not url.host():
            raise ValueError(self.tr("The webhook URL must be an http:// or https:// address."))
        return text

    def batch_inputs(self) -> list[dict[str, Any]]:
        """One input per task; with "New seed each run" every task gets its own seed."""
        assert self.form is not None
        value = self.form.value()
        inputs = []
        for _ in range(self.controls.task_count()):
            item = dict(value)
            if self.random_seed.isVisibleTo(self) and self.random_seed.isChecked():
                item["seed"] = random.randint(0, SEED_MAX)
            inputs.append(item)
        return inputs

    def submit(self) -> None:
        """Generate: check the webhook and the form; many video tasks at once ask first."""
        if self.detail is None or self.form is None or not self.generate.isEnabled():
            return
        self.tabs.setCurrentIndex(0)
        try:
            webhook = self.webhook_url()
        except ValueError as exc:
            self.webhook_error.setText(str(exc))
            self.webhook_error.show()
            self.request_options.setChecked(True)
            self.webhook.setFocus()
            return
        self.webhook_error.hide()
        if not self.form.validate_for_submit():
            return
        slug, inputs, uses = self.detail.slug, self.batch_inputs(), self.form.uses()
        if self.controls.asks_first():
            self._confirm(lambda: self.generate_requested.emit(slug, inputs, webhook or "", uses))
        else:
            self.generate_requested.emit(slug, inputs, webhook or "", uses)

    def _confirm(self, start: Callable[[], None]) -> None:
        """Ask before starting many video tasks (a window-modal box opened with open())."""
        what = self.controls.outputs_text()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Start %1?").replace("%1", what))
        box.setText(
            self.tr("Start %1 at once? Each is a separate task, slow to make and billed.").replace(
                "%1", what
            )
        )
        go = box.addButton(
            self.tr("Start %1").replace("%1", what), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(go)
        go.clicked.connect(start)
        box.finished.connect(box.deleteLater)
        self.confirm_box = box
        box.open()

    def _on_example_chosen(self, value: dict[str, Any]) -> None:
        number = str(self._example_number(value))
        message = self.tr("The form now holds example %1.").replace("%1", number)
        self._replace_form(message, lambda: self.set_form_value(value))

    def _example_number(self, value: dict[str, Any]) -> int:
        examples = self.detail.examples if self.detail is not None else ()
        inputs = [dict(example.get("input", example)) for example in examples]
        return inputs.index(value) + 1 if value in inputs else 1

    def _on_reset_clicked(self) -> None:
        if self.form is not None:
            message = self.tr("The form is back at its defaults.")
            self._replace_form(message, self.form.reset_to_defaults)

    def _replace_form(self, message: str, change: Callable[[], None]) -> None:
        """Apply change; when it overwrote something the user had set, offer it back."""
        if self.form is None or self.detail is None:
            return
        previous = self.form.value()
        change()
        if previous and previous != self.form.value():
            self.form_replaced.emit(self.detail.slug, message, previous)

    def _on_show_request_clicked(self) -> None:
        if self.detail is None or self.form is None:
            return
        try:
            webhook = self.webhook_url()
        except ValueError:
            webhook = None
        self.show_request_requested.emit(self.detail.slug, run_body(self.form.value(), webhook))
