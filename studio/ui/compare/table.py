"""The translation table: a row per setting, a column per model, each cell saying what that model
will receive and how (in words and colour); a click on a cell sets that model's value by hand.

Signals of TranslationModel:
    override_set(int column, str field, object value) — a cell was edited.
    override_cleared(int column, str field) — "Use the translated value" on an edited cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)
from typing_extensions import override

from studio.core.compare import How, can_override
from studio.core.schema import FieldKind
from studio.ui.compare.words import (
    HOW_COLOURS,
    PROBLEM_COLOURS,
    asked_text,
    how_word,
    setting_label,
    value_text,
)
from studio.ui.i18n.core_words import core_text
from studio.ui.plain import plain_tooltip
from studio.ui.theme import ERROR, SUCCESS, app_is_dark, pick
from studio.ui.viewports import own_viewport

if TYPE_CHECKING:
    from collections.abc import Mapping

    from PySide6.QtCore import QAbstractItemModel, QPoint
    from PySide6.QtWidgets import QStyleOptionViewItem

    from studio.core.compare import Translation, TranslationRow
    from studio.core.schema import FieldSpec, FormSpec

    _Index = QModelIndex | QPersistentModelIndex

STATUS_ROW: Final = "__status__"
_ORDER: Final = (
    "prompt", "negative_prompt", "aspect_ratio", "duration_s", "resolution", "seed",
    "num_outputs", "generate_audio", "image", "end_image", "reference_images", "video", "audio",
)  # fmt: skip


@dataclass(frozen=True)
class ColumnPlan:
    """What one column will send (or did send), for the table and the column header.

    `translation` None: the model's settings are not loaded. `status` "" means ready to send;
    otherwise why not. `problems` are what the model will not accept about a file, by setting.
    """

    title: str
    label: str = ""
    translation: Translation | None = None
    status: str = ""
    problems: Mapping[str, str] = field(default_factory=dict)
    spec: FormSpec | None = None
    names: Mapping[str, str] = field(default_factory=dict)  # data URI -> file name

    @property
    def ready(self) -> bool:
        return (
            self.translation is not None
            and self.translation.input is not None
            and (not self.status)
        )

    def row(self, setting: str) -> TranslationRow | None:
        if self.translation is None:
            return None
        return next((row for row in self.translation.rows if row.setting == setting), None)


class TranslationModel(QAbstractTableModel):
    """Settings × models; see the module docstring for signals."""

    override_set = Signal(int, str, object)
    override_cleared = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns: list[ColumnPlan] = []
        self._settings: list[str] = []
        self.editable = True

    def set_plans(self, columns: list[ColumnPlan]) -> None:
        settings = {row.setting for c in columns if c.translation for row in c.translation.rows}
        self.beginResetModel()
        self._columns = list(columns)
        self._settings = [*sorted(settings, key=_rank), STATUS_ROW]
        self.endResetModel()

    def plans(self) -> list[ColumnPlan]:
        return list(self._columns)

    def settings(self) -> list[str]:
        return list(self._settings)

    def row_of(self, setting: str) -> int:
        return self._settings.index(setting)

    def translation_row(self, index: _Index) -> TranslationRow | None:
        if not index.isValid():
            return None
        return self._columns[index.column()].row(self._settings[index.row()])

    def field_spec(self, index: _Index) -> FieldSpec | None:
        row = self.translation_row(index)
        spec = self._columns[index.column()].spec if index.isValid() else None
        if row is None or row.field is None or spec is None:
            return None
        return spec.field(row.field)

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._settings)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's
        return 0 if parent.isValid() else len(self._columns)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._columns):
                return None
            column = self._columns[section]
            text = f"{column.title}\n{column.label}" if column.label else column.title
            return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if not 0 <= section < len(self._settings):
            return None
        setting = self._settings[section]
        return self.tr("Sends") if setting == STATUS_ROW else setting_label(setting)

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        row = self.translation_row(index)
        editable = self.editable and self._columns[index.column()].spec is not None
        if row is not None and editable and can_override(row):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        setting = self._settings[index.row()]
        if setting == STATUS_ROW:
            return self._status_data(column, role)
        row = column.row(setting)
        problem = column.problems.get(setting, "")
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell_text(column, row, problem)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cell_tooltip(row, problem)
        if role == Qt.ItemDataRole.BackgroundRole:
            colours = PROBLEM_COLOURS if problem else HOW_COLOURS.get(row.how) if row else None
            return QBrush(QColor(pick(colours, app_is_dark()))) if colours else None
        if role == Qt.ItemDataRole.EditRole:
            return row.sent if row is not None else None
        if role == Qt.ItemDataRole.UserRole:
            return row.how if row is not None else None
        return None

    def _cell_text(self, column: ColumnPlan, row: TranslationRow | None, problem: str) -> str:
        if row is None:
            return "" if column.translation is not None else self.tr("…")
        value = "—" if row.how is How.DROPPED else value_text(row.sent, column.names)
        if row.how is How.DEFAULT and row.sent is None:
            value = self.tr("the model decides")
        text = f"{value}\n{how_word(row.how)}"
        if row.how in (How.MAPPED, How.CLAMPED, How.DEFAULT, How.OVERRIDDEN):
            asked = asked_text(row.setting, row.requested, column.names)
            text += self.tr(" (asked %1)").replace("%1", asked)
        return f"{text}\n⚠ {problem}" if problem else text

    def _cell_tooltip(self, row: TranslationRow | None, problem: str) -> str:
        if row is None:
            return ""
        parts = [row.note]
        if row.field:
            parts.append(self.tr("Goes to: %1").replace("%1", row.field))
        if problem:
            parts.append(problem)
        if can_override(row) and self.editable:
            parts.append(self.tr("Click to set this model's value by hand."))
        return plain_tooltip("\n".join(parts))

    def _status_data(self, column: ColumnPlan, role: int) -> Any:
        if column.translation is None:
            text = column.status or self.tr("Loading the model's settings…")
        elif column.ready:
            text = self.tr("Ready")
        else:
            text = self.tr("Not sent: %1").replace(
                "%1", column.status or core_text(column.translation.problem)
            )
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if role == Qt.ItemDataRole.ForegroundRole and column.translation is not None:
            return QBrush(QColor(pick(SUCCESS if column.ready else ERROR, app_is_dark())))
        return None

    @override
    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.translation_row(index)
        if role != Qt.ItemDataRole.EditRole or row is None or row.field is None:
            return False
        self.override_set.emit(index.column(), row.field, value)
        return True

    def clear_override(self, index: _Index) -> None:
        row = self.translation_row(index)
        if row is not None and row.field is not None and row.how is How.OVERRIDDEN:
            self.override_cleared.emit(index.column(), row.field)


def _rank(setting: str) -> int:
    return _ORDER.index(setting) if setting in _ORDER else len(_ORDER)


class OverrideDelegate(QStyledItemDelegate):
    """An editor that fits the field: a list for choices, spin boxes for numbers, text else."""

    @override
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        model = index.model()
        spec = model.field_spec(index) if isinstance(model, TranslationModel) else None
        kind = spec.kind if spec is not None else FieldKind.STRING
        if spec is not None and (kind is FieldKind.ENUM or kind is FieldKind.BOOLEAN):
            combo = QComboBox(parent)
            choices = spec.enum if kind is FieldKind.ENUM else (True, False)
            labels = spec.enum_labels or tuple(value_text(c) for c in choices)
            for choice, label in zip(choices, labels, strict=False):
                combo.addItem(str(label), choice)
            return combo
        if spec is not None and kind is FieldKind.INTEGER:
            spin = QSpinBox(parent)
            low, high = spec.bounds.inclusive(True)
            spin.setRange(int(low if low is not None else -(2**31)), int(high or 2**31 - 1))
            return spin
        if spec is not None and kind is FieldKind.NUMBER:
            number = QDoubleSpinBox(parent)
            low, high = spec.bounds.inclusive(False)
            number.setRange(low if low is not None else -1e9, high if high is not None else 1e9)
            number.setDecimals(3)
            return number
        return QLineEdit(parent)

    @override
    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QSpinBox) and isinstance(value, int | float):
            editor.setValue(int(value))
        elif isinstance(editor, QDoubleSpinBox) and isinstance(value, int | float):
            editor.setValue(float(value))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    @override
    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        value: Any
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QSpinBox | QDoubleSpinBox):
            value = editor.value()
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            return
        if value != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, value, Qt.ItemDataRole.EditRole)


class TranslationTable(QTableView):
    """The table view: cells wrap, a click edits, the context menu undoes an edit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        own_viewport(self)
        self.translation_model = TranslationModel(self)
        self.setModel(self.translation_model)
        self.setItemDelegate(OverrideDelegate(self))
        self.setWordWrap(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(140)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_context_menu_requested)
        self.translation_model.modelReset.connect(self.resizeRowsToContents)

    def _on_context_menu_requested(self, position: QPoint) -> None:
        index = self.indexAt(position)
        row = self.translation_model.translation_row(index)
        if row is None or row.how is not How.OVERRIDDEN:
            return
        menu = QMenu(self)
        action = menu.addAction(self.tr("Use the translated value"))
        action.triggered.connect(lambda: self.translation_model.clear_override(index))
        menu.popup(self.viewport().mapToGlobal(position))
