"""The wheel scrolls a form past unfocused spin boxes, combos, sliders; focused ones use it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QScrollBar, QSpinBox, QWidget

from studio.ui.forms import SchemaForm
from studio.ui.forms.array_fields import ArrayField
from studio.ui.forms.choice_fields import PresetField
from studio.ui.forms.number_field import NumberField
from studio.ui.forms.scalar_fields import EnumField

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

T = TypeVar("T")
PART = {"type": "object", "properties": {"steps": {"type": "integer", "default": 5}}}
SIZE = {
    "default": "auto",
    "anyOf": [
        {"enum": ["auto", "square_hd"]},
        {
            "type": "object",
            "properties": {
                "width": {"type": "integer", "minimum": 64, "maximum": 4096, "default": 1024},
                "height": {"type": "integer", "minimum": 64, "maximum": 4096, "default": 1024},
            },
        },
    ],
}
# Primary fields, then (in Advanced) text fields: the form scrolls once Advanced is open.
SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "aspect_ratio": {"enum": ["1:1", "16:9", "9:16"], "default": "1:1"},
        "num_images": {"type": "integer", "minimum": 1, "maximum": 4, "default": 1},
        "duration": {"type": "integer", "default": 4},
        "image_size": SIZE,
        "parts": {"type": "array", "items": PART},
        **{f"note_{index}": {"type": "string"} for index in range(30)},
    },
}


def make_form(qtbot: QtBot) -> SchemaForm:
    form = SchemaForm(SCHEMA)
    qtbot.addWidget(form)
    form.resize(420, 320)
    form.show()
    qtbot.waitExposed(form)
    with qtbot.waitActive(form):
        form.activateWindow()
    form.advanced.set_expanded(True)
    qtbot.waitUntil(lambda: scroll_bar(form).maximum() > 0)
    return form


def scroll_bar(form: SchemaForm) -> QScrollBar:
    area = form.findChild(QScrollArea)
    assert area is not None
    return area.verticalScrollBar()


def scroll_bar_value(form: SchemaForm) -> int:
    return scroll_bar(form).value()


def wheel_down(widget: QWidget, notches: int = 1) -> None:
    """Turns the wheel towards the user (a negative `notches` turns it away)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def focus_elsewhere(form: SchemaForm) -> None:
    """Activating the window focuses the first editor; move focus away from the editors."""
    form.reset_button.setFocus(Qt.FocusReason.OtherFocusReason)
    assert form.reset_button.hasFocus()


def field_of(form: SchemaForm, name: str, kind: type[T]) -> T:
    found = form.field(name)
    assert isinstance(found, kind)
    return found


def editors(form: SchemaForm) -> dict[str, QWidget]:
    ratio = field_of(form, "aspect_ratio", EnumField)
    count = field_of(form, "num_images", NumberField)
    length = field_of(form, "duration", NumberField)
    size = field_of(form, "image_size", PresetField)
    slider, spin = count.slider(), length.spin_box()
    assert slider is not None and spin is not None
    return {"combo": ratio.editor(), "slider": slider, "spin": spin, "preset": size.combo()}


@pytest.mark.parametrize("kind", ["combo", "slider", "spin", "preset"])
def test_wheel_over_an_unfocused_editor_scrolls_the_form(qtbot: QtBot, kind: str) -> None:
    form = make_form(qtbot)
    focus_elsewhere(form)
    before = form.value()
    start = scroll_bar_value(form)
    editor = editors(form)[kind]
    assert not editor.hasFocus()
    wheel_down(editor)
    assert form.value() == before
    assert scroll_bar_value(form) > start


@pytest.mark.parametrize("kind", ["combo", "slider", "spin", "preset"])
def test_wheel_over_a_focused_editor_changes_its_value(qtbot: QtBot, kind: str) -> None:
    form = make_form(qtbot)
    before = form.value()
    editor = editors(form)[kind]
    editor.setFocus(Qt.FocusReason.MouseFocusReason)
    assert editor.hasFocus()
    start = scroll_bar_value(form)
    # Down moves a slider towards its minimum, where this one already is.
    wheel_down(editor, -1 if kind == "slider" else 1)
    assert form.value() != before
    assert scroll_bar_value(form) == start


def test_editors_take_focus_by_click_or_tab_but_not_by_wheel(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    for editor in editors(form).values():
        assert editor.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_editors_created_later_are_guarded(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    parts = field_of(form, "parts", ArrayField)
    added = parts.add_item(None)
    assert isinstance(added, QWidget)
    size = field_of(form, "image_size", PresetField)
    size.combo().setCurrentIndex(size.combo().count() - 1)  # "Custom…" reveals width/height
    qtbot.waitUntil(lambda: size.custom_field().isVisible())
    focus_elsewhere(form)
    spins = [*added.findChildren(QSpinBox), *size.custom_field().findChildren(QSpinBox)]
    assert len(spins) == 3
    before = form.value()
    for spin in spins:
        start = scroll_bar_value(form)
        wheel_down(spin)
        assert scroll_bar_value(form) > start
    assert form.value() == before


def test_a_lone_field_keeps_the_usual_wheel(qtbot: QtBot) -> None:
    form = SchemaForm(SCHEMA)
    ratio = field_of(form, "aspect_ratio", EnumField)
    combo = ratio.editor()
    assert isinstance(combo, QComboBox)
    combo.setParent(None)  # outside any SchemaForm: Qt's own behaviour
    qtbot.addWidget(combo)
    qtbot.addWidget(form)
    wheel_down(combo)
    assert combo.currentIndex() == 1
