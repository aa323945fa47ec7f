"""The middle of the window: one endpoint's header, its schema form, schema and examples tabs.

Signals:
    generate_requested(str slug, list[dict] inputs, str webhook_url, list[InputUse] uses) —
        Generate was pressed and the form is valid; one input per task of the batch, and the
        library outputs the form holds (each task's lineage).
    mask_requested(MediaField mask, object source) — "Paint mask…" in the form: the field to
        fill and the value of the picture to paint over (a Path, a data/URL string or None).
    show_request_requested(str slug, dict body) — "Show request" was pressed.
    form_replaced(str what, dict previous) — Reset or an example replaced what the user had.
"""

from __future__ import annotations

import json
import random
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from studio.core.api import run_body
from studio.core.schema import FieldError, carry_over
from studio.ui.forms import SchemaForm
from studio.ui.icons import capability_icon
from studio.ui.plain import plain_label
from studio.ui.theme import ERROR, follow_theme, pick

if TYPE_CHECKING:
    from collections.abc import Callable

    from studio.core.api import EndpointDetail

SEED_MAX = 2**31 - 1


class EndpointHeader(QWidget):
    """Name, slug, model · provider, tags and the description, all as plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel()
        self.name = plain_label(wrap=False, selectable=True)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name.setFont(font)
        self.slug = plain_label(wrap=False, selectable=True)
        self.slug.setStyleSheet("font-family: monospace;")
        self.meta = plain_label(selectable=True)
        self.description = plain_label(selectable=True)
        top = QHBoxLayout()
        top.addWidget(self.icon)
        top.addWidget(self.name, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.slug)
        layout.addWidget(self.meta)
        layout.addWidget(self.description)
        self._capability = ""
        follow_theme(self._redraw_icon)

    def _redraw_icon(self, _dark: bool = False) -> None:
        """Icons are drawn for the current palette, so a theme switch needs a fresh one."""
        if self._capability:
            self.icon.setPixmap(capability_icon(self._capability, 24).pixmap(24, 24))

    def show_endpoint(self, detail: EndpointDetail) -> None:
        self._capability = detail.capability
        self._redraw_icon()
        self.name.setText(detail.name or detail.slug)
        self.slug.setText(detail.slug)
        parts = [detail.model, detail.provider, detail.capability, detail.mode]
        meta = " · ".join(p for p in parts if p)
        if detail.tags:
            # Non-breaking hyphens: a tag like "gemini-2.5-flash-image" never wraps mid-word.
            tags = [tag.replace("-", "\u2011") for tag in detail.tags]
            meta += "    #" + "  #".join(tags)
        self.meta.setText(meta)
        self.description.setText(detail.description)


class ExamplesTab(QWidget):
    """Each example's JSON with a "Use this example" button."""

    example_chosen = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._inner = QWidget()
        self._layout = QVBoxLayout(self._inner)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def show_examples(self, examples: tuple[dict[str, Any], ...]) -> None:
        while (item := self._layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        if not examples:
            self._layout.addWidget(plain_label("This endpoint has no examples.", selectable=True))
        for number, example in enumerate(examples, start=1):
            input_value = example.get("input", example)
            text = QPlainTextEdit(json.dumps(input_value, indent=2, ensure_ascii=False))
            text.setReadOnly(True)
            text.setMaximumHeight(160)
            use = QPushButton(f"Use example {number}")
            use.clicked.connect(lambda _=False, v=input_value: self.example_chosen.emit(dict(v)))
            self._layout.addWidget(text)
            self._layout.addWidget(use, 0, Qt.AlignmentFlag.AlignRight)
        self._layout.addStretch(1)


class EndpointPage(QWidget):
    """Header + tabs; owns the SchemaForm of the current endpoint and the Generate controls."""

    generate_requested = Signal(str, list, str, list)
    mask_requested = Signal(object, object)
    show_request_requested = Signal(str, dict)
    form_replaced = Signal(str, dict)  # (what replaced it, the previous value) — for Undo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: EndpointDetail | None = None
        self.form: SchemaForm | None = None
        self.header = EndpointHeader()
        self.tabs = QTabWidget()
        self.form_holder = QStackedWidget()
        self.schema_view = QPlainTextEdit(readOnly=True)
        self.examples = ExamplesTab()
        self.tabs.addTab(self.form_holder, "Form")
        self.tabs.addTab(self.schema_view, "Schema")
        self.tabs.addTab(self.examples, "Examples")
        self.placeholder = plain_label("Pick a model on the left to start.", selectable=True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form_holder.addWidget(self.placeholder)
        self._build_controls()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.controls)
        self.examples.example_chosen.connect(self._on_example_chosen)
        self._set_enabled(False)

    def _restyle_webhook_error(self, dark: bool) -> None:
        self.webhook_error.setStyleSheet(f"color: {pick(ERROR, dark)};")

    def _build_controls(self) -> None:
        self.controls = QWidget()
        self.webhook = QLineEdit(placeholderText="Webhook URL (optional): https://…")
        self.webhook.setToolTip(
            "Your own server receives the finished task as a POST. The studio keeps polling anyway."
        )
        self.webhook_error = plain_label(selectable=True)
        self.webhook_error.hide()
        follow_theme(self._restyle_webhook_error)
        self.batch = QSpinBox(minimum=1, maximum=16, value=1, prefix="× ")
        self.batch.setToolTip("How many tasks to submit with these settings")
        self.random_seed = QCheckBox("New seed each run")
        self.random_seed.setToolTip("Give every task of the batch a fresh random seed")
        self.reset = QPushButton("Reset")
        self.reset.setToolTip("Every field back to its default (can be undone)")
        self.show_request = QPushButton("Show request")
        self.generate = QPushButton("Generate")
        self.generate.setDefault(True)
        self.generate.setToolTip("Submit (Ctrl+Enter)")
        self.generate.setMinimumWidth(120)
        self.generate.setStyleSheet("QPushButton { font-weight: bold; padding: 6px 16px; }")
        row = QHBoxLayout()
        row.addWidget(self.reset)
        row.addWidget(self.show_request)
        row.addStretch(1)
        row.addWidget(self.random_seed)
        row.addWidget(self.batch)
        row.addWidget(self.generate)
        self.request_options = QToolButton()
        self.request_options.setText("Advanced request options")
        self.request_options.setCheckable(True)
        self.request_options.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.request_options.setArrowType(Qt.ArrowType.RightArrow)
        self.request_options.setAutoRaise(True)
        self.request_options.toggled.connect(self._on_request_options_toggled)
        self.webhook.hide()
        layout = QVBoxLayout(self.controls)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.request_options, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.webhook)
        layout.addWidget(self.webhook_error)
        layout.addLayout(row)
        self.show_request.clicked.connect(self._on_show_request_clicked)
        self.reset.clicked.connect(self._on_reset_clicked)
        self.generate.clicked.connect(self.submit)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)

    def _on_request_options_toggled(self, shown: bool) -> None:
        self.request_options.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.webhook.setVisible(shown)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.generate, self.show_request, self.reset, self.batch, self.webhook):
            widget.setEnabled(enabled)

    def show_loading(self, name: str) -> None:
        self.placeholder.setText(f"Loading {name}…")
        self.form_holder.setCurrentWidget(self.placeholder)
        self._set_enabled(False)

    def show_failure(self, message: str) -> None:
        self.placeholder.setText(message)
        self.form_holder.setCurrentWidget(self.placeholder)
        self._set_enabled(False)

    def show_endpoint(self, detail: EndpointDetail, initial: dict[str, Any] | None = None) -> None:
        """Build the form; keep the previous form's fitting values unless `initial` is given."""
        previous = self.form.value() if self.form is not None else {}
        self.detail = detail
        self.header.show_endpoint(detail)
        form = SchemaForm(dict(detail.input_schema))
        form.reset_button.hide()  # the page's own Reset can be undone
        form.mask_requested.connect(self.mask_requested)
        if initial is not None:
            form.set_value(initial)
        elif previous:
            form.set_value({**form.value(), **carry_over(previous, form.spec)})
        if self.form is not None:
            self.form_holder.removeWidget(self.form)
            self.form.deleteLater()
        self.form = form
        self.form_holder.addWidget(form)
        self.form_holder.setCurrentWidget(form)
        schemas = {"input_schema": detail.input_schema, "output_schema": detail.output_schema}
        self.schema_view.setPlainText(json.dumps(schemas, indent=2, ensure_ascii=False))
        self.examples.show_examples(detail.examples)
        self.random_seed.setVisible("seed" in form.field_names())
        self._set_enabled(True)
        prompt = form.prompt_editor()
        if prompt is not None:
            prompt.installEventFilter(self)  # text boxes eat Ctrl+Enter before shortcuts see it
            focus = QApplication.focusWidget()
            if focus is None or focus is self or self.isAncestorOf(focus):
                prompt.setFocus()  # never take the keyboard from the model list or search box

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

    def set_form_value(self, value: dict[str, Any]) -> None:
        if self.form is not None:
            self.form.set_value(value)
            self.tabs.setCurrentIndex(0)

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
            raise ValueError("The webhook URL must be an http:// or https:// address.")
        return text

    def batch_inputs(self) -> list[dict[str, Any]]:
        """One input per task; with "New seed each run" every task gets its own seed."""
        assert self.form is not None
        value = self.form.value()
        inputs = []
        for _ in range(self.batch.value()):
            item = dict(value)
            if self.random_seed.isVisible() and self.random_seed.isChecked():
                item["seed"] = random.randint(0, SEED_MAX)
            inputs.append(item)
        return inputs

    def submit(self) -> None:
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
        self.generate_requested.emit(
            self.detail.slug, self.batch_inputs(), webhook or "", self.form.uses()
        )

    def _on_example_chosen(self, value: dict[str, Any]) -> None:
        self._replace_form(
            f"example {self._example_number(value)}", lambda: self.set_form_value(value)
        )

    def _example_number(self, value: dict[str, Any]) -> int:
        examples = self.detail.examples if self.detail is not None else ()
        inputs = [dict(example.get("input", example)) for example in examples]
        return inputs.index(value) + 1 if value in inputs else 1

    def _on_reset_clicked(self) -> None:
        if self.form is not None:
            self._replace_form("defaults", self.form.reset_to_defaults)

    def _replace_form(self, what: str, change: Callable[[], None]) -> None:
        """Apply change; when it overwrote something the user had set, offer it back."""
        if self.form is None:
            return
        previous = self.form.value()
        change()
        if previous and previous != self.form.value():
            self.form_replaced.emit(what, previous)

    def _on_show_request_clicked(self) -> None:
        if self.detail is None or self.form is None:
            return
        try:
            webhook = self.webhook_url()
        except ValueError:
            webhook = None
        self.show_request_requested.emit(self.detail.slug, run_body(self.form.value(), webhook))
