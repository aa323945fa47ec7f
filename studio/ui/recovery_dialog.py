"""The dialog after start-up repaired a damaged library: what happened, what came back, where the
damaged file is.

Signals:
    folder_requested(str path) — "Show the damaged file" was pressed: open this folder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from studio.ui.plain import plain_label

if TYPE_CHECKING:
    from studio.core.library import RecoveryReport


class RecoveryDialog(QDialog):
    """Modeless words about a repair; opened with ``open()``, never ``exec()``."""

    folder_requested = Signal(str)

    def __init__(self, report: RecoveryReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        repaired = report.error is None
        self.setWindowTitle(
            self.tr("Library repaired") if repaired else self.tr("Library not repaired")
        )
        self.setMinimumWidth(520)
        title = plain_label(
            self.tr("Your library was damaged and has been rebuilt.")
            if repaired
            else self.tr("Your library was damaged and could not be rebuilt.")
        )
        title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.body = plain_label("\n\n".join(report.summary()), selectable=True)
        icon = QLabel()
        style = self.style()
        which = QStyle.StandardPixmap.SP_MessageBoxWarning
        icon.setPixmap(style.standardIcon(which).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(self.body, 1)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addLayout(text, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        if report.moved_to:
            show = self.buttons.addButton(
                self.tr("Show the damaged file"), QDialogButtonBox.ButtonRole.ActionRole
            )
            show.clicked.connect(self._on_show_clicked)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.buttons)

    def _on_show_clicked(self) -> None:
        self.folder_requested.emit(str(self.report.moved_to[0].parent))
