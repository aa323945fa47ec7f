"""The field widget contract (value, set_value, changed, show_error) and a plain-label helper."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from studio.core.schema import MISSING, FieldSpec, field_default
from studio.ui.i18n.core_words import core_text
from studio.ui.i18n.field_words import field_title
from studio.ui.plain import ERROR_COLOR, plain_label

# Markers, resolved when a label is made: errors take the theme's error red (legible on light and
# dark grounds), help text the palette's placeholder colour (which the stylesheet keeps following).
HELP_COLOR = "palette(placeholder-text)"


def initial_value(spec: FieldSpec) -> Any:
    """What a field holds before the user touches it: its default, else unset (None)."""
    value = field_default(spec)
    return None if value is MISSING else value


class FieldWidget(QWidget):
    """Base of every field editor.

    Signals:
        changed(): the value changed (user edit or set_value).

    Subclasses put their editors into `self.body` and implement value()/set_value(). `value()`
    returns None for "unset". `show_title` is False when the editor shows the title itself.
    """

    changed = Signal()
    show_title = True

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(4)
        outer.addLayout(self.body)
        self._error_label = plain_label(color=ERROR_COLOR, small=True)
        self._error_label.setObjectName("fieldError")
        self._error_label.hide()
        outer.addWidget(self._error_label)

    def value(self) -> Any:
        """The edited value, None when unset."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Shows `value` (None → the unset/default state)."""
        raise NotImplementedError

    def title(self) -> str:
        """The field's title as its row shows it."""
        return field_title(self.spec.title)

    def reset(self) -> None:
        """Back to what the schema shows initially."""
        self.set_value(initial_value(self.spec))

    def show_error(self, message: str | None) -> None:
        """Shows `message` under the editor, or hides the error when None."""
        self._error_label.setText(core_text(message) if message else "")
        self._error_label.setVisible(bool(message))

    def error_text(self) -> str | None:
        """The error currently shown, if any."""
        return self._error_label.text() if self._error_label.isVisibleTo(self) else None

    def local_errors(self) -> list[str]:
        """Problems the schema cannot see (text that is not JSON, an unreadable file)."""
        return []

    def child_fields(self) -> list[tuple[str, FieldWidget]]:
        """Nested field widgets with their path segment (containers only)."""
        return []

    def editor(self) -> QWidget:
        """The main input widget (focused on errors; the prompt box for the page's shortcuts)."""
        return self

    def focus_editor(self) -> None:
        """Gives keyboard focus to the editor."""
        self.editor().setFocus(Qt.FocusReason.OtherFocusReason)
