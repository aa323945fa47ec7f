"""The translation table: every row's how in colour and words, what each model will receive,
values set by hand (a click opens an editor that fits the field), and a source image a model
cannot accept named in its row before anything is sent."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from studio.core.compare import How
from studio.ui.background import background
from studio.ui.compare.words import HOW_COLOURS
from studio.ui.theme import app_is_dark, pick
from tests.conftest import wait_until
from tests.ui.compare_helpers import I2V, Setup

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from studio.ui.compare.table import TranslationModel

VIDEOS = ("google/veo-3.1/text-to-video", "kuaishou/kling-v3/pro/text-to-video",
          "bytedance/seedance-2.0/fast/text-to-video")  # fmt: skip


@pytest.fixture
def setup(qtbot: QtBot) -> Setup:
    return Setup(qtbot)


def cell(model: TranslationModel, setting: str, column: int) -> QModelIndex:
    return model.index(model.row_of(setting), column)


def video_table(setup: Setup, **choices: object) -> TranslationModel:
    setup.panel.picker.set_task("text-to-video")
    form = setup.panel.form
    form.prompt.setPlainText("waves at night")
    for name, value in choices.items():
        form.choices[name].setCurrentIndex(form.choices[name].findData(value))
    setup.tick(*VIDEOS)
    return setup.panel.table.translation_model


def test_every_row_says_how_in_words_and_colour(setup: Setup) -> None:
    model = video_table(setup, aspect_ratio="21:9", duration_s=10, resolution="4k",
                        generate_audio=False)  # fmt: skip
    assert model.settings() == ["prompt", "aspect_ratio", "duration_s", "resolution",
                                "generate_audio", "__status__"]  # fmt: skip
    texts = {s: [cell(model, s, c).data() for c in range(3)] for s in model.settings()}
    assert texts["aspect_ratio"] == [
        "16:9\nclamped (asked 21:9)",
        "16:9\nclamped (asked 21:9)",
        "21:9\nsent as asked",
    ]
    assert texts["duration_s"] == [
        "8s\nclamped (asked 10 s)",
        "10\nmapped (asked 10 s)",
        "10\nmapped (asked 10 s)",
    ]
    assert texts["resolution"] == ["4k\nsent as asked", "—\ndropped", "720p\nclamped (asked 4k)"]
    assert texts["generate_audio"][0] == "off\nsent as asked"
    assert texts["__status__"] == ["Ready", "Ready", "Ready"]  # fmt: skip
    veo_aspect = cell(model, "aspect_ratio", 0)
    assert veo_aspect.data(Qt.ItemDataRole.UserRole) == How.CLAMPED
    colour = veo_aspect.data(Qt.ItemDataRole.BackgroundRole).color().name()
    assert colour == pick(HOW_COLOURS[How.CLAMPED], app_is_dark())
    tip = veo_aspect.data(Qt.ItemDataRole.ToolTipRole).replace("\xa0", " ")  # plain_tooltip
    assert "the nearest it takes" in tip and "Goes to: aspect_ratio" in tip
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Veo 3.1 Text to Video"
    assert model.headerData(model.row_of("duration_s"), Qt.Orientation.Vertical) == "Duration"


def test_a_default_names_the_value_the_model_will_use(setup: Setup) -> None:
    model = video_table(setup, aspect_ratio="1:1")
    assert cell(model, "aspect_ratio", 0).data() == "16:9\nmodel default (asked 1:1)"
    assert cell(model, "aspect_ratio", 0).data(Qt.ItemDataRole.UserRole) == How.DEFAULT


@pytest.mark.asyncio
async def test_a_value_set_by_hand_is_sent_and_shown_as_such(setup: Setup) -> None:
    model = video_table(setup, duration_s=10)
    veo = cell(model, "duration_s", 0)
    assert model.flags(veo) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(cell(model, "prompt", 0).siblingAtRow(model.row_of("__status__"))) & (
        Qt.ItemFlag.ItemIsEditable)  # fmt: skip
    assert model.setData(veo, "4s")
    veo = cell(model, "duration_s", 0)
    assert veo.data() == "4s\nset by hand (asked 10 s)"
    assert veo.data(Qt.ItemDataRole.UserRole) == How.OVERRIDDEN
    assert cell(model, "duration_s", 1).data() == "10\nmapped (asked 10 s)"  # others unchanged
    assert setup.panel.compare()
    await wait_until(lambda: len(setup.source.submitted) == 3)
    assert setup.job_of(VIDEOS[0]).input["duration"] == "4s"
    assert setup.panel.comparison is not None
    assert setup.panel.comparison.variants[0].overrides == {"duration": "4s"}
    await background().aclose()


def test_an_edit_the_model_refuses_says_why_and_can_be_undone(setup: Setup) -> None:
    model = video_table(setup, duration_s=8)
    model.setData(cell(model, "duration_s", 2), "99")  # Seedance takes "4"…"15" or "auto"
    status = cell(model, "__status__", 2).data()
    assert status.startswith("Not sent: Duration")
    model.clear_override(cell(model, "duration_s", 2))
    assert cell(model, "__status__", 2).data() == "Ready"
    assert cell(model, "duration_s", 2).data(Qt.ItemDataRole.UserRole) == How.MAPPED


def test_a_click_on_a_cell_opens_an_editor_that_fits_the_field(qtbot: QtBot, setup: Setup) -> None:
    model = video_table(setup, aspect_ratio="16:9")
    table = setup.panel.table
    index = cell(model, "aspect_ratio", 1)
    QTest.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    editor = table.indexWidget(index) or table.viewport().findChild(QComboBox)
    assert isinstance(editor, QComboBox)
    assert [editor.itemData(i) for i in range(editor.count())] == ["16:9", "9:16", "1:1"]
    editor.setCurrentIndex(editor.findData("1:1"))
    table.commitData(editor)
    assert cell(model, "aspect_ratio", 1).data() == "1:1\nset by hand (asked 16:9)"


@pytest.mark.asyncio
async def test_a_start_image_a_model_cannot_take_is_named_before_sending(
    setup: Setup, tmp_path: Path
) -> None:
    from PIL import Image

    small = tmp_path / "tiny.webp"
    Image.new("RGB", (240, 200), (10, 120, 200)).save(small, "WEBP")
    setup.panel.picker.set_task("image-to-video")
    setup.panel.form.prompt.setPlainText("go")
    setup.panel.form.slots["image"].load_paths([small])
    await wait_until(lambda: bool(setup.panel.form.slots["image"].files()))
    setup.tick(*I2V)
    model = setup.panel.table.translation_model
    kling = cell(model, "image", 1).data()
    assert "tiny.webp is WEBP; this model takes JPG, JPEG, PNG." in kling
    assert "tiny.webp is 200 px on its short side; this model needs at least 300 px." in kling
    assert cell(model, "__status__", 1).data().startswith("Not sent: tiny.webp is WEBP")
    assert cell(model, "__status__", 0).data() == "Ready"  # Veo states no limits
    assert cell(model, "__status__", 2).data() == "Ready"  # Seedance takes WebP
    assert setup.panel.compare_button.text() == "Compare · 2 videos"
    assert setup.panel.compare()
    await wait_until(lambda: setup.column(I2V[1]).status_label.text() == "Not sent")
    assert "WEBP" in setup.column(I2V[1]).detail_label.text()
    await wait_until(lambda: len(setup.source.submitted) == 2)
    assert {job.endpoint for job in setup.source.submitted} == {I2V[0], I2V[2]}
    await background().aclose()
