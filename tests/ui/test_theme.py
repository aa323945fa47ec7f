"""Light/dark themes: palettes, live switching, hand-picked colours, the Settings dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QSlider,
    QToolButton,
    QWidget,
)

from studio.core.jobs import Job, JobStatus
from studio.core.session import Settings, load_settings
from studio.ui.banner import Banner, banner_style
from studio.ui.dark_style import DarkEdgesStyle
from studio.ui.icons import capability_icon
from studio.ui.queue.delegate import status_colour
from studio.ui.settings_dialog import SettingsDialog
from studio.ui.theme import (
    ERROR,
    SUCCESS,
    WARNING,
    apply_theme,
    contrast_ratio,
    current_theme,
    dark_palette,
    is_dark,
    pick,
    readable_on,
)
from tests.conftest import wait_until
from tests.ui.studio_harness import running_studio

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

Role = QPalette.ColorRole


@pytest.fixture(autouse=True)
def _theme_restored(restore_theme: QApplication) -> QApplication:
    """Every test here switches themes: the shared fixture puts the app back afterwards."""
    return restore_theme


def _light_palette(app: QApplication) -> QPalette:
    apply_theme(app, "light")
    return QPalette(app.palette())


def test_dark_theme_gives_a_dark_legible_palette(qapp: QApplication) -> None:
    apply_theme(qapp, "dark")
    palette = qapp.palette()
    assert is_dark(palette)
    assert palette.color(Role.Window).lightness() < 80
    assert isinstance(qapp.style(), DarkEdgesStyle)  # Fusion with edges that show
    assert current_theme(qapp) == "dark"
    for text, ground in ((Role.WindowText, Role.Window), (Role.Text, Role.Base)):
        assert contrast_ratio(palette.color(text), palette.color(ground)) >= 7
    assert contrast_ratio(palette.color(Role.PlaceholderText), palette.color(Role.Base)) >= 4.5
    highlight = (palette.color(Role.HighlightedText), palette.color(Role.Highlight))
    assert contrast_ratio(*highlight) >= 4.5


def test_light_theme_brings_back_a_light_palette(qapp: QApplication) -> None:
    apply_theme(qapp, "dark")
    apply_theme(qapp, "light")
    assert not is_dark(qapp.palette())
    assert qapp.palette().color(Role.Window).lightness() > 200


def test_unknown_theme_means_system(qapp: QApplication) -> None:
    apply_theme(qapp, "dark")
    apply_theme(qapp, "purple")
    assert current_theme(qapp) == "system"
    # Offscreen Qt reports no colour scheme, which the system theme takes as light.
    assert not is_dark(qapp.palette())


def test_system_theme_follows_a_colour_scheme_change(qapp: QApplication) -> None:
    apply_theme(qapp, "system")
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert is_dark(qapp.palette())
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not is_dark(qapp.palette())
    apply_theme(qapp, "light")  # an explicit choice ignores the desktop
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not is_dark(qapp.palette())


def test_style_sheet_widgets_take_the_new_palette(qapp: QApplication, qtbot: QtBot) -> None:
    label = QLabel("bold")
    label.setStyleSheet(
        "font-weight: bold;"
    )  # a style sheet freezes the palette it was polished with
    qtbot.addWidget(label)
    label.show()
    apply_theme(qapp, "dark")
    assert label.palette().color(Role.WindowText).lightness() > 200
    apply_theme(qapp, "light")
    assert label.palette().color(Role.WindowText).lightness() < 60


def test_banner_recolours_live(qapp: QApplication, qtbot: QtBot) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_message("Out of credits", level="warning")
    apply_theme(qapp, "dark")
    assert banner.styleSheet() == banner_style("warning", dark=True)[0]
    apply_theme(qapp, "light")
    assert banner.styleSheet() == banner_style("warning", dark=False)[0]
    assert banner.text.styleSheet() == banner_style("warning", dark=False)[1]


def test_a_banner_is_styled_at_its_first_message_in_the_theme_of_then(
    qapp: QApplication, qtbot: QtBot
) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    assert banner.styleSheet() == ""  # hidden, never shown: no style sheets to apply
    apply_theme(qapp, "dark")
    assert banner.styleSheet() == ""
    banner.show_message("Out of credits", level="error")
    assert banner.styleSheet() == banner_style("error", dark=True)[0]
    assert banner.text.styleSheet() == banner_style("error", dark=True)[1]
    banner.hide()
    apply_theme(qapp, "light")  # once styled, it follows the theme, shown or not
    assert banner.styleSheet() == banner_style("error", dark=False)[0]


@pytest.mark.parametrize("dark", [False, True])
def test_banner_text_contrasts_with_its_strip(dark: bool) -> None:
    for level in ("error", "warning", "info"):
        frame, text = banner_style(level, dark)
        background = QColor(frame.split("background: ")[1].split(";")[0])
        colour = QColor(text.removeprefix("color: ").removesuffix(";"))
        assert contrast_ratio(colour, background) >= 7, level


@pytest.mark.parametrize("dark", [False, True])
def test_meaning_colours_read_on_the_window(qapp: QApplication, dark: bool) -> None:
    palette = dark_palette() if dark else _light_palette(qapp)
    for colours in (ERROR, SUCCESS, WARNING):
        assert contrast_ratio(QColor(pick(colours, dark)), palette.color(Role.Window)) >= 4.5


@pytest.mark.parametrize("dark", [False, True])
def test_status_pill_text_contrasts_with_the_pill(qapp: QApplication, dark: bool) -> None:
    palette = dark_palette() if dark else _light_palette(qapp)
    base = palette.color(Role.Base)
    for status in JobStatus:
        colour = status_colour(Job(endpoint="a/b/c", input={}, status=status), palette)
        tint = QColor(colour)
        tint.setAlphaF(48 / 255)  # what the delegate fills the pill with
        pill = _over(tint, base)
        assert contrast_ratio(colour, pill) >= 4.5, status


def _over(top: QColor, ground: QColor) -> QColor:
    alpha = top.alphaF()
    rgb = (QColor.redF, QColor.greenF, QColor.blueF)
    channels = ((channel(top), channel(ground)) for channel in rgb)
    red, green, blue = (a * alpha + b * (1 - alpha) for a, b in channels)
    return QColor.fromRgbF(red, green, blue)


def test_readable_on_moves_away_from_the_background() -> None:
    amber = QColor("#f2c14e")
    on_white = readable_on(amber, QColor("white"))
    on_black = readable_on(QColor("#5b3a00"), QColor("black"))
    assert contrast_ratio(on_white, QColor("white")) >= 4.5
    assert on_white.lightness() < amber.lightness()
    assert contrast_ratio(on_black, QColor("black")) >= 4.5


def test_capability_icons_are_redrawn_for_the_theme(qapp: QApplication) -> None:
    apply_theme(qapp, "light")
    light = capability_icon("image").pixmap(20, 20).toImage()
    apply_theme(qapp, "dark")
    dark = capability_icon("image").pixmap(20, 20).toImage()
    assert light != dark


def test_settings_dialog_offers_and_saves_the_theme(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(theme="dark"), "", "stored in a file")
    qtbot.addWidget(dialog)
    combo = dialog.findChild(QComboBox)
    assert combo is dialog.theme
    assert [combo.itemData(i) for i in range(combo.count())] == ["system", "light", "dark"]
    assert combo.currentData() == "dark"
    combo.setCurrentIndex(combo.findData("light"))
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    args = saved.args
    assert isinstance(args, list)
    assert isinstance(args[0], Settings)
    assert args[0].theme == "light"


@pytest.mark.asyncio
async def test_saving_settings_switches_the_running_app(qapp: QApplication) -> None:
    async with running_studio(settings=Settings(theme="dark"), start=False) as (window, controller):
        assert is_dark(qapp.palette())  # applied before the window was built
        controller.open_settings()
        await wait_until(lambda: window.findChild(SettingsDialog) is not None)
        dialog = window.findChild(SettingsDialog)
        assert dialog is not None
        dialog.theme.setCurrentIndex(dialog.theme.findData("light"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert not is_dark(qapp.palette())
        assert load_settings().theme == "light"
        assert pick(SUCCESS, dark=False) in window.reachability.styleSheet()


def _max_contrast(widget: QWidget, background: QColor) -> float:
    """The strongest contrast any pixel of the widget has with the background colour."""
    image = widget.grab().toImage()
    return max(
        contrast_ratio(image.pixelColor(x, y), background)
        for x in range(image.width())
        for y in range(image.height())
    )


def test_dark_theme_edges_are_visible(qapp: QApplication, qtbot: QtBot) -> None:
    """Unticked check boxes, slider grooves and a checked toggle (the Trash) stand out."""
    apply_theme(qapp, "dark")
    window = qapp.palette().color(Role.Window)
    box = QCheckBox()
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setValue(0)  # no highlighted part: only the groove's own edge
    off, on = QToolButton(), QToolButton()
    for toggle in (off, on):
        toggle.setText("Trash")
        toggle.setCheckable(True)
        toggle.setAutoRaise(False)
    on.setChecked(True)
    for widget in (box, slider, off, on):
        qtbot.addWidget(widget)
        widget.resize(widget.sizeHint())
    assert _max_contrast(box, window) >= 2.0
    assert _max_contrast(slider, window) >= 2.0
    # The checked toggle differs from the unchecked one in more than its text.
    on_image, off_image = on.grab().toImage(), off.grab().toImage()
    pixels = [(x, y) for x in range(on_image.width()) for y in range(on_image.height())]
    differing = [
        xy
        for xy in pixels
        if contrast_ratio(on_image.pixelColor(*xy), off_image.pixelColor(*xy)) >= 1.5
    ]
    assert len(differing) > len(pixels) // 5
