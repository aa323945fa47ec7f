"""Tests for the image preview: decoding, fit, 100 %, wheel zoom around the cursor, keys.

Decoding runs in a worker thread, so each test awaits it (``load_image``) on the running loop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.conftest import wait_until
from tests.fakes.preview_media import make_png, make_png_header_bomb
from tests.ui.conftest import load_image

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from studio.ui.preview.image_view import ImageView


@pytest.fixture
def view(image_view: ImageView) -> ImageView:
    return image_view


def _expected_fit(view: ImageView, size: QSize) -> float:
    viewport = view.canvas.viewport().size()
    return min(viewport.width() / size.width(), viewport.height() / size.height())


def _wheel(view: ImageView, at: QPoint, notches: int) -> None:
    event = QWheelEvent(
        QPointF(at),
        QPointF(view.canvas.viewport().mapToGlobal(at)),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.canvas.viewport(), event)


@pytest.mark.asyncio
async def test_loads_and_fits_to_window(view: ImageView, tmp_path: Path) -> None:
    assert await load_image(view, make_png(tmp_path / "wide.png", 640, 360))

    assert view.image_size() == QSize(640, 360)
    assert view.info_text().startswith("640 × 360 · PNG · ")
    assert view.is_fit()
    assert view.zoom_factor() == pytest.approx(_expected_fit(view, QSize(640, 360)), rel=1e-3)
    assert view.zoom_factor() < 1.0


@pytest.mark.asyncio
async def test_fit_follows_resize(view: ImageView, qtbot: QtBot, tmp_path: Path) -> None:
    await load_image(view, make_png(tmp_path / "wide.png", 640, 360))
    before = view.zoom_factor()

    view.resize(800, 600)
    await wait_until(lambda: view.zoom_factor() != before)

    assert view.zoom_factor() == pytest.approx(_expected_fit(view, QSize(640, 360)), rel=1e-3)


@pytest.mark.asyncio
async def test_keys_switch_between_actual_size_fit_and_zoom(
    view: ImageView, qtbot: QtBot, tmp_path: Path
) -> None:
    await load_image(view, make_png(tmp_path / "big.png", 1200, 900))
    fit = view.zoom_factor()

    QTest.keyClick(view.canvas, Qt.Key.Key_1)
    assert view.zoom_factor() == pytest.approx(1.0)
    assert not view.is_fit()

    QTest.keyClick(view.canvas, Qt.Key.Key_Plus)
    assert view.zoom_factor() == pytest.approx(1.25)
    QTest.keyClick(view.canvas, Qt.Key.Key_Minus)
    assert view.zoom_factor() == pytest.approx(1.0)

    QTest.keyClick(view.canvas, Qt.Key.Key_F)
    assert view.is_fit()
    assert view.zoom_factor() == pytest.approx(fit)


@pytest.mark.asyncio
async def test_wheel_zooms_around_the_cursor(view: ImageView, tmp_path: Path) -> None:
    await load_image(view, make_png(tmp_path / "big.png", 1200, 900))
    view.canvas.actual_size()
    cursor = QPoint(100, 80)
    under_cursor = view.canvas.mapToScene(cursor)

    _wheel(view, cursor, 2)

    assert view.zoom_factor() == pytest.approx(1.2**2)
    after = view.canvas.mapToScene(cursor)
    # Scroll positions are whole device pixels, so allow one of them in scene units.
    assert after.x() == pytest.approx(under_cursor.x(), abs=1.0)
    assert after.y() == pytest.approx(under_cursor.y(), abs=1.0)

    _wheel(view, cursor, -2)
    assert view.zoom_factor() == pytest.approx(1.0)


@pytest.mark.asyncio
async def test_double_click_toggles_fit_and_actual_size(
    view: ImageView, qtbot: QtBot, tmp_path: Path
) -> None:
    await load_image(view, make_png(tmp_path / "big.png", 1200, 900))

    QTest.mouseDClick(view.canvas.viewport(), Qt.MouseButton.LeftButton)
    assert view.zoom_factor() == pytest.approx(1.0)
    QTest.mouseDClick(view.canvas.viewport(), Qt.MouseButton.LeftButton)
    assert view.is_fit()


@pytest.mark.asyncio
async def test_exif_orientation_is_applied(view: ImageView, tmp_path: Path) -> None:
    path = tmp_path / "rotated.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    Image.new("RGB", (300, 100), (200, 50, 50)).save(path, exif=exif)

    assert await load_image(view, path)

    assert view.image_size() == QSize(100, 300)


@pytest.mark.asyncio
async def test_unreadable_file_shows_a_message(view: ImageView, tmp_path: Path) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n not really")

    assert not await load_image(view, path)

    assert view.image_size().isEmpty()
    assert not view.canvas.isVisible()


@pytest.mark.asyncio
async def test_an_image_too_large_to_decode_is_not_decoded(view: ImageView, tmp_path: Path) -> None:
    path = make_png_header_bomb(tmp_path / "bomb.png")  # only its header: nothing to decode

    assert not await load_image(view, path)

    assert view.image_size().isEmpty()
    assert "too large to preview (15000 × 15000 pixels)" in view.message_text()
