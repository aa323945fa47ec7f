"""The multi-line editor for prompts and long texts, with a character counter when capped."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QWidget
from typing_extensions import override

from studio.ui.forms.base import HELP_COLOR, FieldWidget
from studio.ui.forms.scalar_fields import blank_is_unset
from studio.ui.plain import plain_label

if TYPE_CHECKING:
    from studio.core.schema import FieldSpec

_MAIN_PROMPT_LINES = 5
_OTHER_LINES = 3


class TextField(FieldWidget):
    """A plain-text box; Tab moves focus instead of typing a tab."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._edit = QPlainTextEdit()
        self._edit.setTabChangesFocus(True)
        lines = _MAIN_PROMPT_LINES if spec.name == "prompt" else _OTHER_LINES
        height = self._edit.fontMetrics().lineSpacing() * lines + 14
        self._edit.setFixedHeight(height)
        example = next((e for e in spec.examples if isinstance(e, str)), None)
        if example:
            self._edit.setPlaceholderText(self.tr("e.g. %1").replace("%1", example))
        self._edit.textChanged.connect(self._on_text_changed)
        self.body.addWidget(self._edit)
        self._counter = plain_label(color=HELP_COLOR, small=True)
        self._counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._counter.setVisible(spec.text.max_length is not None)
        self.body.addWidget(self._counter)
        self.reset()

    @override
    def value(self) -> Any:
        return blank_is_unset(self.spec, self._edit.toPlainText())

    @override
    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if text != self._edit.toPlainText():
            self._edit.setPlainText(text)
        self._update_counter()

    @override
    def editor(self) -> QWidget:
        return self._edit

    def _on_text_changed(self) -> None:
        self._update_counter()
        self.changed.emit()

    def _update_counter(self) -> None:
        limit = self.spec.text.max_length
        if limit is not None:
            self._counter.setText(f"{len(self._edit.toPlainText())} / {limit}")
