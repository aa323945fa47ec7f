"""Lists (add, remove, reorder within minItems/maxItems; media lists take dropped files) and
tuples (`prefixItems`, with the further items their schema allows)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget
from typing_extensions import override

from studio.core.schema import FieldKind, FieldSpec
from studio.ui.forms.base import HELP_COLOR, FieldWidget
from studio.ui.forms.media_field import MediaField, mime_has_media, mime_sources
from studio.ui.forms.registry import create_field_widget
from studio.ui.plain import plain_label

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from studio.core.chain import Source


class ItemRow(QWidget):
    """One list entry: its number, its editor and the move/remove buttons."""

    def __init__(self, field: FieldWidget, owner: ArrayField) -> None:
        super().__init__()
        self.field = field
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.number = plain_label(color=HELP_COLOR, small=True)
        self.number.setWordWrap(False)
        self.number.setFixedWidth(18)
        layout.addWidget(self.number)
        layout.addWidget(field, 1)
        self.up = tool_button(
            "↑", QCoreApplication.translate("Forms", "Move up"), lambda: owner.move_item(self, -1)
        )
        self.down = tool_button(
            "↓", QCoreApplication.translate("Forms", "Move down"), lambda: owner.move_item(self, 1)
        )
        self.remove = tool_button(
            "✕", QCoreApplication.translate("Forms", "Remove"), lambda: owner.remove_item(self)
        )
        for button in (self.up, self.down, self.remove):
            layout.addWidget(button)


def discard_row(layout: QVBoxLayout, row: QWidget) -> None:
    """Takes a row out at once (deleteLater alone would leave it painted until the next loop)."""
    layout.removeWidget(row)
    row.hide()
    row.setParent(None)
    row.deleteLater()


def _is_free(field: FieldWidget) -> bool:
    """An entry a dropped file may fill: unset and not busy reading one already."""
    return field.value() is None and not (isinstance(field, MediaField) and field.is_busy())


def tool_button(text: str, tip: str, slot: Any) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAutoRaise(True)
    button.clicked.connect(slot)
    return button


class ArrayField(FieldWidget):
    """Empty entries are skipped in value(); an empty list is unset."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._item_spec = spec.item or FieldSpec(name=spec.name, kind=FieldKind.JSON, title="Item")
        self._is_media = self._item_spec.kind is FieldKind.MEDIA
        self._rows: list[ItemRow] = []
        self._first_number = 1
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(4)
        self.body.addLayout(self._rows_layout)
        self._add = QPushButton(
            add_label(self._item_spec.media.value if self._item_spec.media else "")
        )
        self._add.clicked.connect(self._on_add_clicked)
        footer = QHBoxLayout()
        footer.addWidget(self._add)
        footer.addStretch(1)
        self.body.addLayout(footer)
        self.setAcceptDrops(self._is_media)
        self.reset()

    def rows(self) -> list[ItemRow]:
        """The entries in order."""
        return list(self._rows)

    def number_from(self, first: int) -> None:
        """Numbers the entries from `first` on, as "#3" (the further items of a tuple)."""
        self._first_number = first
        self._refresh_buttons()

    def add_item(self, value: Any) -> FieldWidget | None:
        """Appends an entry (None when maxItems is reached)."""
        if not self._can_add():
            return None
        self._append_row(value)
        self._refresh_buttons()
        self.changed.emit()
        return self._rows[-1].field

    def _on_add_clicked(self) -> None:
        # The user clicked to type next (the new entry sits right above this button).
        field = self.add_item(None)
        if field is not None:
            field.focus_editor()

    def remove_item(self, row: ItemRow) -> None:
        """Removes an entry unless that would go below minItems."""
        if row not in self._rows or len(self._rows) <= (self.spec.min_items or 0):
            return
        self._rows.remove(row)
        discard_row(self._rows_layout, row)
        self._refresh_buttons()
        self.changed.emit()

    def move_item(self, row: ItemRow, delta: int) -> None:
        """Moves an entry up (-1) or down (+1)."""
        index = self._rows.index(row)
        target = index + delta
        if not 0 <= target < len(self._rows):
            return
        self._rows.insert(target, self._rows.pop(index))
        self._rows_layout.removeWidget(row)
        self._rows_layout.insertWidget(target, row)
        self._refresh_buttons()
        self.changed.emit()

    @override
    def value(self) -> Any:
        values = [v for v in (row.field.value() for row in self._rows) if v is not None]
        if values:
            return values
        # A required list that may be empty is sent as []; otherwise empty means unset.
        return [] if self.spec.required and not self.spec.min_items else None

    @override
    def set_value(self, value: Any) -> None:
        for row in self._rows:
            discard_row(self._rows_layout, row)
        self._rows = []
        items = list(value) if isinstance(value, list) else []
        wanted = max(len(items), self.spec.min_items or 0, 1 if self._is_media else 0)
        limit = max(len(items), self.spec.max_items if self.spec.max_items is not None else wanted)
        for index in range(min(wanted, limit)):
            self._append_row(items[index] if index < len(items) else None)
        self._refresh_buttons()
        self.changed.emit()

    def _append_row(self, value: Any) -> None:
        field = create_field_widget(self._item_spec)
        field.set_value(value)
        field.changed.connect(self.changed)
        row = ItemRow(field, self)
        self._rows.append(row)
        self._rows_layout.addWidget(row)

    @override
    def child_fields(self) -> list[tuple[str, FieldWidget]]:
        filled = [row.field for row in self._rows if row.field.value() is not None]
        return [(str(index), field) for index, field in enumerate(filled)]

    @override
    def local_errors(self) -> list[str]:
        # Unset entries have no error slot of their own (e.g. a file still being read).
        unset = [row.field for row in self._rows if row.field.value() is None]
        return [message for field in unset for message in field.local_errors()]

    @override
    def editor(self) -> QWidget:
        return self._rows[0].field.editor() if self._rows else self._add

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._is_media and mime_has_media(event.mimeData()):
            event.acceptProposedAction()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        if self._is_media and self.add_sources(mime_sources(event.mimeData())):
            event.acceptProposedAction()

    def add_sources(self, sources: list[str]) -> int:
        """Fills empty media entries, then new ones, with dropped files/URLs; returns how many."""
        taken = 0
        for source in sources:
            empty = next((r.field for r in self._rows if _is_free(r.field)), None)
            target = empty or self.add_item(None)
            if not isinstance(target, MediaField):
                break
            target.set_value(source)
            taken += 1
        return taken

    def add_outputs(self, sources: Sequence[Source]) -> int:
        """Fills empty media entries, then new ones, with library outputs; returns how many."""
        taken = 0
        for source in sources:
            empty = next((r.field for r in self._rows if _is_free(r.field)), None)
            target = empty or self.add_item(None)
            if not isinstance(target, MediaField):
                break
            if target.set_output(source):
                taken += 1
        return taken

    def item_field(self, position: int) -> FieldWidget | None:
        """The editor of the entry at this position among the filled ones (as sent)."""
        filled = [field for _index, field in self.child_fields()]
        return filled[position] if 0 <= position < len(filled) else None

    def _can_add(self) -> bool:
        return self.spec.max_items is None or len(self._rows) < self.spec.max_items

    def _refresh_buttons(self) -> None:
        removable = len(self._rows) > (self.spec.min_items or 0)
        for index, row in enumerate(self._rows):
            number = index + self._first_number
            row.number.setText(f"{number}." if self._first_number == 1 else f"#{number}")
            row.up.setEnabled(index > 0)
            row.down.setEnabled(index < len(self._rows) - 1)
            row.remove.setEnabled(removable)
        self._add.setEnabled(self._can_add())


class TupleField(FieldWidget):
    """One editor per `prefixItems` entry, in order, then a list of the further items the schema
    allows (`additionalItems`, or `items` beside `prefixItems`); unset when everything is empty."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._fields: list[FieldWidget] = []
        for part in spec.prefix_items:
            field = create_field_widget(part)
            field.changed.connect(self.changed)
            row = QHBoxLayout()
            number = plain_label(part.title, color=HELP_COLOR, small=True)
            number.setWordWrap(False)
            row.addWidget(number)
            row.addWidget(field, 1)
            self.body.addLayout(row)
            self._fields.append(field)
        self._rest: ArrayField | None = None
        if spec.item is not None:
            rest = replace(spec, kind=FieldKind.ARRAY, required=False, min_items=None)
            self._rest = ArrayField(replace(rest, max_items=_rest_limit(spec)))
            self._rest.number_from(len(spec.prefix_items) + 1)
            self._rest.changed.connect(self.changed)
            self.body.addWidget(self._rest)
        self.reset()

    def rest(self) -> ArrayField | None:
        """The list of items after the fixed ones, when the schema allows more."""
        return self._rest

    @override
    def value(self) -> Any:
        values = [field.value() for field in self._fields]
        more = self._rest.value() if self._rest is not None else None
        if more:
            return [*values, *more]
        return values if any(v is not None for v in values) else None

    @override
    def set_value(self, value: Any) -> None:
        items = value if isinstance(value, list) else []
        for index, field in enumerate(self._fields):
            field.set_value(items[index] if index < len(items) else None)
        if self._rest is not None:
            self._rest.set_value(items[len(self._fields) :])

    @override
    def child_fields(self) -> list[tuple[str, FieldWidget]]:
        fixed = [(str(index), field) for index, field in enumerate(self._fields)]
        if self._rest is None:
            return fixed
        offset = len(self._fields)
        return fixed + [(str(offset + int(i)), f) for i, f in self._rest.child_fields()]

    @override
    def editor(self) -> QWidget:
        return self._fields[0].editor() if self._fields else self


def _rest_limit(spec: FieldSpec) -> int | None:
    """How many items may follow the fixed ones (maxItems counts the whole tuple)."""
    if spec.max_items is None:
        return None
    return max(0, spec.max_items - len(spec.prefix_items))


def add_label(media: str) -> str:
    """The "+ Add …" button of a list: what one more item is."""
    labels = {
        "image": QCoreApplication.translate("Forms", "+ Add image"),
        "video": QCoreApplication.translate("Forms", "+ Add video"),
        "audio": QCoreApplication.translate("Forms", "+ Add audio"),
        "file": QCoreApplication.translate("Forms", "+ Add file"),
    }
    return labels.get(media) or QCoreApplication.translate("Forms", "+ Add item")
