"""Light and dark themes: follow the system colour scheme or force one, on every platform.

``apply_theme`` switches the whole application (and re-polishes widgets that have a style
sheet, which Qt would leave in the old palette); widgets with hand-picked colours register with
``follow_theme`` to re-pick them after every switch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from studio.core.session import THEMES
from studio.ui.dark_style import DarkEdgesStyle

if TYPE_CHECKING:
    from collections.abc import Callable

_THEME_PROPERTY = "studio_theme"
_NATIVE_STYLE_PROPERTY = "studio_native_style"
_FOLLOWING_PROPERTY = "studio_follows_scheme"
_SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}

# Text colours with a meaning, as (on light, on dark); each passes WCAG AA on its Window colour.
ERROR = ("#b3261e", "#ff8a80")
SUCCESS = ("#1b7a4b", "#6fd39b")
WARNING = ("#8a5300", "#ffc857")

_R = QPalette.ColorRole
_DARK_COLOURS: dict[QPalette.ColorRole, str] = {
    _R.Window: "#2b2d31",
    _R.WindowText: "#e8e9eb",
    _R.Base: "#1e1f22",
    _R.AlternateBase: "#303237",
    _R.ToolTipBase: "#3a3d43",
    _R.ToolTipText: "#e8e9eb",
    _R.PlaceholderText: "#9499a1",
    _R.Text: "#e8e9eb",
    _R.Button: "#37393e",
    _R.ButtonText: "#e8e9eb",
    _R.BrightText: "#ff8a80",
    _R.Light: "#4b4e55",
    _R.Midlight: "#3e4147",
    _R.Mid: "#26282c",
    _R.Dark: "#1a1b1e",
    _R.Shadow: "#0b0c0d",
    _R.Highlight: "#3574d4",
    _R.HighlightedText: "#ffffff",
    _R.Link: "#79b8ff",
    _R.LinkVisited: "#c5a3ff",
    _R.Accent: "#3574d4",
}
_DARK_DISABLED: dict[QPalette.ColorRole, str] = {
    _R.WindowText: "#7c8088",
    _R.Text: "#7c8088",
    _R.ButtonText: "#7c8088",
    _R.PlaceholderText: "#5f636a",
    _R.Base: "#25272a",
    _R.Button: "#303236",
    _R.Highlight: "#4b4e55",
    _R.HighlightedText: "#b0b3b8",
}


def is_dark(palette: QPalette) -> bool:
    """True when the palette draws light text on a dark window."""
    window = palette.color(QPalette.ColorRole.Window).lightness()
    return window < palette.color(QPalette.ColorRole.WindowText).lightness()


def app_is_dark() -> bool:
    """is_dark() of the application palette (a plain light palette before the app exists)."""
    return is_dark(QGuiApplication.palette())


def pick(colours: tuple[str, str], dark: bool) -> str:
    """The light or the dark variant of a (light, dark) colour pair."""
    return colours[1] if dark else colours[0]


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio of two opaque colours, from 1 (same) to 21 (black on white)."""
    low, high = sorted((_luminance(first), _luminance(second)))
    return (high + 0.05) / (low + 0.05)


def _luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def readable_on(colour: QColor, background: QColor, minimum: float = 4.5) -> QColor:
    """colour, darkened on a light background or lightened on a dark one until it contrasts."""
    result = QColor(colour)
    lighten = background.lightness() < 128
    for _ in range(24):  # each step moves 10 %; 24 reach black or white from anywhere
        if contrast_ratio(result, background) >= minimum:
            break
        result = result.lighter(110) if lighten else result.darker(110)
    return result


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK_COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def current_theme(app: QApplication) -> str:
    value = app.property(_THEME_PROPERTY)
    return value if isinstance(value, str) and value in THEMES else "system"


def apply_theme(app: QApplication, theme: str) -> None:
    """Use theme ("system", "light" or "dark"; anything else means "system") from now on."""
    theme = theme if theme in THEMES else "system"
    app.setProperty(_THEME_PROPERTY, theme)
    if not isinstance(app.property(_NATIVE_STYLE_PROPERTY), str):
        app.setProperty(_NATIVE_STYLE_PROPERTY, app.style().name())
    hints = app.styleHints()
    if not app.property(_FOLLOWING_PROPERTY):
        app.setProperty(_FOLLOWING_PROPERTY, True)
        hints.colorSchemeChanged.connect(_on_color_scheme_changed)
    # Tells the platform (title bars, native dialogs) where it can; offscreen and bare X ignore it.
    if theme == "system":
        hints.unsetColorScheme()
    else:
        hints.setColorScheme(_SCHEMES[theme])
    dark = theme == "dark" or (theme == "system" and hints.colorScheme() == Qt.ColorScheme.Dark)
    _use_palette(app, dark)


def _on_color_scheme_changed(scheme: Qt.ColorScheme) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication) and current_theme(app) == "system":
        _use_palette(app, scheme == Qt.ColorScheme.Dark)


def _use_palette(app: QApplication, dark: bool) -> None:
    """Dark: Fusion with our palette, which works everywhere. Light: the native look."""
    if dark:
        if not isinstance(app.style(), DarkEdgesStyle):
            app.setStyle(DarkEdgesStyle())
        app.setPalette(dark_palette())
    else:
        native = app.property(_NATIVE_STYLE_PROPERTY)
        _set_style(app, native if isinstance(native, str) else "fusion")
        app.setPalette(QPalette())  # an empty palette resets to the style's or platform's own
        if is_dark(app.palette()):  # a dark desktop theme we could not switch off
            _set_style(app, "fusion")
            app.setPalette(app.style().standardPalette())
    _repolish_style_sheets(app)
    _SIGNALS.changed.emit(is_dark(app.palette()))


def _set_style(app: QApplication, name: str) -> None:
    if app.style().name().lower() != name.lower():
        app.setStyle(name)


class _ThemeSignals(QObject):
    changed = Signal(bool)  # is the new palette dark


_SIGNALS = _ThemeSignals()


def follow_theme(restyle: Callable[[bool], None]) -> None:
    """Call restyle(is_dark) now and after every theme change; use a QObject's method."""
    restyle(app_is_dark())
    _SIGNALS.changed.connect(restyle)


def _repolish_style_sheets(app: QApplication) -> None:
    """Widgets with a style sheet keep the palette they were polished with; polish them again."""
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)
