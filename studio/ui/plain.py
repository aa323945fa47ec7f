"""Text that is not ours — names, descriptions and errors from the server, prompts — shown as
plain text everywhere, tooltips included: Qt would otherwise render it as HTML (an
``<img src=file:///…>`` in a description would show a local file)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from studio.ui.theme import ERROR, app_is_dark, pick

ERROR_COLOR = "error"  # plain_label(color=ERROR_COLOR): the theme's error colour


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally (escaped, line breaks kept); "" stays ""."""
    return GuiQt.convertFromPlainText(text) if text else ""


def plain_label(
    text: str = "",
    *,
    wrap: bool = True,
    selectable: bool = False,
    color: str | None = None,
    small: bool = False,
    parent: QWidget | None = None,
) -> QLabel:
    """A label that never interprets its text as HTML."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if wrap:
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    style = [f"color: {_css_colour(color)};"] if color else []
    if small:
        style.append("font-size: 11px;")
    if style:
        label.setStyleSheet(" ".join(style))
    return label


def _css_colour(color: str) -> str:
    return pick(ERROR, app_is_dark()) if color == ERROR_COLOR else color
