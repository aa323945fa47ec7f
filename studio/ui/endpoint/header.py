"""The endpoint page's read-only parts: the header (name, slug, model · provider, tags,
description, all as plain text) and the Examples tab."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studio.ui.icons import capability_icon
from studio.ui.plain import plain_label
from studio.ui.theme import follow_theme

if TYPE_CHECKING:
    from studio.core.api import EndpointDetail


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
            self._layout.addWidget(
                plain_label(self.tr("This endpoint has no examples."), selectable=True)
            )
        for number, example in enumerate(examples, start=1):
            input_value = example.get("input", example)
            text = QPlainTextEdit(json.dumps(input_value, indent=2, ensure_ascii=False))
            text.setReadOnly(True)
            text.setMaximumHeight(160)
            use = QPushButton(self.tr("Use example %1").replace("%1", str(number)))
            use.clicked.connect(lambda _=False, v=input_value: self.example_chosen.emit(dict(v)))
            self._layout.addWidget(text)
            self._layout.addWidget(use, 0, Qt.AlignmentFlag.AlignRight)
        self._layout.addStretch(1)
