"""The fallback editor: a text box holding JSON, for anything the registry does not know."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QWidget
from typing_extensions import override

from studio.ui.forms.base import FieldWidget

if TYPE_CHECKING:
    from studio.core.schema import FieldSpec


class JsonField(FieldWidget):
    """Empty means unset; text that does not parse is reported as a local error."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._edit = QPlainTextEdit()
        self._edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._edit.setTabChangesFocus(True)
        self._edit.setPlaceholderText(self.tr('JSON, e.g. {"key": "value"}'))
        self._edit.setFixedHeight(self._edit.fontMetrics().lineSpacing() * 4 + 14)
        self._edit.textChanged.connect(self.changed)
        self.body.addWidget(self._edit)
        self.reset()

    def _parsed(self) -> tuple[Any, str | None]:
        text = self._edit.toPlainText().strip()
        if not text:
            return None, None
        try:
            return json.loads(text), None
        except json.JSONDecodeError as error:
            text = QCoreApplication.translate("Forms", "Not valid JSON: %1 (line %2, column %3)")
            text = text.replace("%1", error.msg).replace("%2", str(error.lineno))
            return None, text.replace("%3", str(error.colno))

    @override
    def value(self) -> Any:
        return self._parsed()[0]

    @override
    def set_value(self, value: Any) -> None:
        text = "" if value is None else json.dumps(value, indent=2, ensure_ascii=False)
        self._edit.setPlainText(text)

    @override
    def local_errors(self) -> list[str]:
        problem = self._parsed()[1]
        return [problem] if problem else []

    @override
    def editor(self) -> QWidget:
        return self._edit
