"""A labelled field: title with a required marker, the editor, then the help text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from studio.ui.forms.base import HELP_COLOR, FieldWidget
from studio.ui.plain import ERROR_COLOR, plain_label, plain_tooltip


class FieldRow(QWidget):
    """Wraps one FieldWidget; descriptions come from the server, so every label is plain text."""

    def __init__(self, field: FieldWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        spec = field.spec
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        if field.show_title:
            layout.addLayout(self._header())
        layout.addWidget(field)
        if spec.description:
            self.help_label = plain_label(spec.description, color=HELP_COLOR, small=True)
            layout.addWidget(self.help_label)
        if spec.description:
            field.editor().setToolTip(plain_tooltip(spec.description))

    def _header(self) -> QHBoxLayout:
        spec = self.field.spec
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(3)
        title = self.field.title()
        if spec.deprecated:
            title = QCoreApplication.translate("Forms", "%1 (deprecated)").replace("%1", title)
        self.title_label = plain_label(title)
        self.title_label.setStyleSheet("font-weight: 600;")
        self.title_label.setWordWrap(False)
        self.title_label.setBuddy(self.field.editor())
        header.addWidget(self.title_label)
        if spec.required:
            star = plain_label("*", color=ERROR_COLOR)
            star.setToolTip(QCoreApplication.translate("Forms", "Required"))
            header.addWidget(star)
        header.addStretch(1)
        return header
