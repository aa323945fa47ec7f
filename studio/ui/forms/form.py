"""SchemaForm: the whole input form of one endpoint, built from its input schema."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from studio.core.chain import InputUse
from studio.core.schema import (
    FieldError,
    FieldKind,
    FieldSpec,
    FormSpec,
    MediaInput,
    compact,
    media_inputs,
)
from studio.ui.background import background, spawn_if_running
from studio.ui.forms.array_fields import ArrayField
from studio.ui.forms.base import FieldWidget, initial_value
from studio.ui.forms.error_slots import ErrorSlots, top_name
from studio.ui.forms.json_field import JsonField
from studio.ui.forms.map_field import ExtraEntries
from studio.ui.forms.media_field import MediaField
from studio.ui.forms.registry import create_field_widget
from studio.ui.forms.rows import FieldRow
from studio.ui.forms.section import CollapsibleSection
from studio.ui.forms.wheel_guard import FORM_MARKER
from studio.ui.keyboard.focus_order import Step, Within, resolve
from studio.ui.plain import ERROR_COLOR, plain_label


class SchemaForm(QWidget):
    """Primary fields up front, the rest in a collapsed "Advanced" section, all in a scroll area.

    Signals:
        changed(): the value changed (an edit, set_value or a reset).

    value() sends only what the user set: optional fields at their default, and unset ones, are
    left out. Errors show under a field once it was edited, or everywhere after
    validate_for_submit(); show_errors() puts server-side errors into the same places.

    The schema's own checks need jsonschema (~70 ms and ~5 MB to import), which a form left as
    it opened never needs: nothing is shown there, and what such a form lacks (required fields)
    is never in Advanced. So the first edit (or a value set from outside) has it imported in a
    worker thread, and the errors it finds show when it is ready; validate_for_submit() and
    errors() check at once, importing it if they must.
    """

    changed = Signal()
    mask_requested = Signal(object, object)  # (the mask's MediaField, its source's value or None)

    def __init__(self, schema: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty(FORM_MARKER, True)
        self._spec = FormSpec.from_schema(schema)
        self._media = media_inputs(schema)
        self._fields: dict[str, FieldWidget] = {}
        self._touched: set[str] = set()
        self._submitted = False
        self._loading = False
        self._external: list[FieldError] = []
        self._errors: list[FieldError] = []
        self._extra: ExtraEntries | None = None
        self._scroll = QScrollArea()
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._scroll)
        self._scroll.setWidget(self._build_content())
        self._refresh_errors()
        self._wire_masks()

    def _build_content(self) -> QWidget:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(14)
        self._form_error = plain_label(color=ERROR_COLOR)
        self._form_error.hide()
        layout.addWidget(self._form_error)
        if self._spec.root.kind is FieldKind.JSON:
            layout.addWidget(self._make_row("", JsonField(self._spec.root)))
        for spec in self._spec.primary_fields:
            layout.addWidget(self._make_row(spec.name, create_field_widget(spec)))
        self.advanced = CollapsibleSection(self.tr("Advanced"))
        for spec in self._spec.advanced_fields:
            self.advanced.content_layout.addWidget(
                self._make_row(spec.name, create_field_widget(spec))
            )
        if self._spec.root.extra is not None:  # the schema allows further top-level keys
            self._extra = ExtraEntries(self._spec.root)
            self._extra.changed.connect(partial(self._on_field_changed, ""))
            self.advanced.content_layout.addWidget(self._extra)
        layout.addWidget(self.advanced)  # first: shown while parentless, it would be a window
        self.advanced.setVisible(bool(self._spec.advanced_fields) or self._extra is not None)
        self.reset_button = QPushButton(self.tr("Reset to defaults"))
        self.reset_button.clicked.connect(self.reset_to_defaults)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.reset_button)
        layout.addLayout(footer)
        layout.addStretch(1)
        return content

    def _make_row(self, name: str, widget: FieldWidget) -> FieldRow:
        self._fields[name] = widget
        widget.changed.connect(partial(self._on_field_changed, name))
        return FieldRow(widget)

    @property
    def spec(self) -> FormSpec:
        """The form's Qt-free spec."""
        return self._spec

    def field(self, name: str) -> FieldWidget | None:
        """The editor of a top-level field."""
        return self._fields.get(name)

    def field_names(self) -> set[str]:
        """The top-level property names the form edits."""
        return {name for name in self._fields if name}

    @property
    def media(self) -> list[MediaInput]:
        """The form's media fields with their roles (studio.core.schema.media_inputs)."""
        return list(self._media)

    def media_field(self, field: str, position: int = 0) -> MediaField | None:
        """The editor of a top-level media field, or of one entry of a media list."""
        widget = self._fields.get(field)
        if isinstance(widget, ArrayField):
            widget = widget.item_field(position) or (
                widget.rows()[position].field if position < len(widget.rows()) else None
            )
        return widget if isinstance(widget, MediaField) else None

    def uses(self) -> list[InputUse]:
        """The library outputs the value holds, by field and position (the job's lineage)."""
        found = []
        for name, widget in self._fields.items():
            if isinstance(widget, MediaField) and (source := widget.output()) is not None:
                found.append(InputUse(name, 0, source.output_id))
            elif isinstance(widget, ArrayField):
                for index, (_segment, item) in enumerate(widget.child_fields()):
                    if isinstance(item, MediaField) and (source := item.output()) is not None:
                        found.append(InputUse(name, index, source.output_id))
        return found

    def local_file_names(self) -> list[str]:
        """The names of the local files the media fields hold, in field order (a queue row
        without a prompt names them)."""
        found = []
        for widget in self._fields.values():
            items: list[FieldWidget] = [widget]
            if isinstance(widget, ArrayField):
                items = [item for _segment, item in widget.child_fields()]
            for item in items:
                if isinstance(item, MediaField) and (path := item.local_file()) is not None:
                    found.append(path.name)
        return found

    def _wire_masks(self) -> None:
        """Mask fields paint over the picture in the first source field."""
        source = next((m for m in self._media if m.role == "source" and m.kind == "image"), None)
        for media in self._media:
            mask = self._fields.get(media.path) if media.role == "mask" else None
            if isinstance(mask, MediaField):
                mask.enable_mask_painting(partial(self._on_mask_paint_requested, mask, source))

    def _on_mask_paint_requested(self, mask: MediaField, source: MediaInput | None) -> None:
        field = self.media_field(source.path) if source is not None else None
        value: Any = None
        if field is not None:
            value = field.local_file() or field.value()
        self.mask_requested.emit(mask, value)

    def prompt_editor(self) -> QWidget | None:
        """The main prompt box (for the page's Ctrl+Enter), if the endpoint has one."""
        widget = self._fields.get("prompt") or next(
            (w for w in self._fields.values() if w.spec.kind is FieldKind.TEXT), None
        )
        return widget.editor() if widget is not None else None

    def tab_steps(self) -> list[Step]:
        """Where Tab goes in the form: the prompt first, then the other fields as shown, then
        Advanced (its toggle, then what it holds) — see studio.ui.keyboard.focus_order."""
        prompt = self.prompt_editor()
        # Looked up, not kept: holding the rows' wrappers crashed a later test in the collector.
        content = self._scroll.widget()
        if content is None:
            return [Within(self.advanced), Within(self)]
        rows = content.findChildren(FieldRow, options=Qt.FindChildOption.FindDirectChildrenOnly)
        first = [r for r in rows if prompt is not None and r.isAncestorOf(prompt)]
        rest = [r for r in rows if r not in first]
        return [*(Within(row) for row in (*first, *rest)), Within(self.advanced), Within(self)]

    def first_editor(self) -> QWidget | None:
        """Where the cursor goes when the form is opened from the keyboard: the prompt, else the
        first field that takes the keyboard."""
        prompt = self.prompt_editor()
        if prompt is not None and prompt.isVisibleTo(self):
            return prompt
        stops = resolve(self.window(), self.tab_steps())
        return next((w for w in stops if w.isVisibleTo(self) and w.isEnabled()), None)

    def ensure_visible(self, widget: QWidget) -> None:
        """Scroll so that `widget` (inside the form) shows, e.g. when Tab arrives from outside."""
        self._scroll.ensureWidgetVisible(widget)

    def value(self) -> dict[str, Any]:
        """The request input: only what the user set."""
        root = self._fields.get("")
        if root is not None:
            value = root.value()
            return value if isinstance(value, dict) else {}
        raw = {name: widget.value() for name, widget in self._fields.items()}
        extra = self._extra.value() if self._extra is not None else None
        return {**compact(self._spec.fields, raw), **(extra or {})}

    def set_value(self, value: dict[str, Any]) -> None:
        """Shows `value`; fields it leaves out go back to their defaults."""
        given = value if isinstance(value, dict) else {}
        self._loading = True
        try:
            for name, widget in self._fields.items():
                widget.set_value(_pick(name, widget.spec, given))
            if self._extra is not None:
                self._extra.set_value({k: v for k, v in given.items() if k not in self._fields})
        finally:
            self._loading = False
        self._refresh_errors()
        self.changed.emit()

    def reset_to_defaults(self) -> None:
        """Every field back to its schema default; forgets touched fields and shown errors."""
        self._touched.clear()
        self._submitted = False
        self._external = []
        self.set_value(self._spec.defaults())

    def errors(self) -> list[FieldError]:
        """Every current problem of the form's value, in display order (shown or not)."""
        return self._errors_found(with_schema=True)

    def _errors_found(self, *, with_schema: bool) -> list[FieldError]:
        """The fields' own problems (a number being typed, a file being read), and the schema's."""
        slots = self._slots()
        local = slots.local_errors()
        if self._extra is not None:
            local += [FieldError("", message) for message in self._extra.local_errors()]
        own_paths = {e.path for e in local}
        found = self._spec.validate(self.value()) if with_schema else []
        return sorted(local + [e for e in found if e.path not in own_paths], key=slots.rank)

    def show_errors(self, errors: list[FieldError]) -> None:
        """Shows errors from elsewhere (e.g. a server 400/422) until their field is edited."""
        self._external = list(errors)
        self._refresh_errors()
        if any(self._in_advanced(e) for e in self._external):
            self.advanced.set_expanded(True)

    def is_busy(self) -> bool:
        """Whether a media field is still reading a file (validate_for_submit() says so)."""
        return any(field.is_busy() for field in self.findChildren(MediaField))

    def validate_for_submit(self) -> bool:
        """Shows every error, opens Advanced if one is inside, focuses the first; True if valid.

        A media field still reading a file counts as an error ("Still reading <name>").
        """
        self._submitted = True
        self._refresh_errors(at_once=True)
        if not self._errors:
            return True
        if any(self._in_advanced(e) for e in self._errors):
            self.advanced.set_expanded(True)
        widget, _ = self._slots().owner(self._errors[0].path)
        if widget is not None:
            widget.focus_editor()
            self._scroll.ensureWidgetVisible(widget.editor())
        return False

    def _slots(self) -> ErrorSlots:
        order = [f.name for f in (*self._spec.primary_fields, *self._spec.advanced_fields)]
        names = [n for n in ("", *order) if n in self._fields]
        extra = self._extra.child_fields() if self._extra is not None else []
        return ErrorSlots([*((name, self._fields[name]) for name in names), *extra])

    def _in_advanced(self, error: FieldError) -> bool:
        name = top_name(error.path)
        further = self._extra is not None and bool(name) and name not in self._fields
        return further or name in {f.name for f in self._spec.advanced_fields}

    def _on_field_changed(self, name: str) -> None:
        if self._loading:
            return
        self._touched.add(name)
        self._external = [e for e in self._external if top_name(e.path) != name or not name]
        self._refresh_errors()
        self.changed.emit()

    def _refresh_errors(self, *, at_once: bool = False) -> None:
        if at_once or self._spec.validator_ready():
            self._errors = self.errors()
        else:
            self._errors = self._errors_found(with_schema=False)
            if not self._untouched():  # untouched, nothing of the schema's would show yet
                self._prepare_validator_in_background()
        self._show_errors()

    def _untouched(self) -> bool:
        return not (self._touched or self._submitted or self._external or self.value())

    def _prepare_validator_in_background(self) -> None:
        """jsonschema imported in a worker thread, then the errors refreshed; at once when no
        event loop runs (a test's plain Qt calls)."""
        key = ("form validator", id(self))
        if background().is_running(key):
            return
        if spawn_if_running(self._prepared_then_refreshed(), key=key) is None:
            self._errors = self.errors()

    async def _prepared_then_refreshed(self) -> None:
        await asyncio.to_thread(self._spec.prepare)
        if shiboken6.isValid(self):  # the form may have been replaced meanwhile
            self._refresh_errors()

    def _show_errors(self) -> None:
        shown = [e for e in self._errors if self._submitted or top_name(e.path) in self._touched]
        shown += [e for e in self._external if e not in shown]
        orphans = self._slots().show(shown)
        self._form_error.setText("\n".join(orphans))
        self._form_error.setVisible(bool(orphans))
        hidden = {e for e in (*self._errors, *self._external) if self._in_advanced(e)}
        self.advanced.set_error_count(len(hidden))


def _pick(name: str, spec: FieldSpec, given: dict[str, Any]) -> Any:
    if not name:
        return given or None
    return given[name] if name in given else initial_value(spec)
