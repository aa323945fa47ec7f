"""A whole cycle without the mouse, against the real app on the simulator: find a model, type a
prompt, generate, watch the queue, look at the output, save it, send it to another model.

Every step is a key pressed on the widget that has the focus (no clicks, no method calls). The
test itself only does what the desktop would: it activates the window when one opens or closes
(the offscreen platform has no window manager to do that)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget

from studio.ui.forms.media_field import MediaField
from tests.conftest import wait_until
from tests.ui.keyboard_helpers import activate, ctrl, focus_lands, focused, press, type_text
from tests.ui.studio_harness import running_studio

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from studio.ui.main_window import MainWindow

NANO = "google/nano-banana/text-to-image"
PROMPT = "a lighthouse at dusk"


@pytest.fixture
def widget_file_dialogs(qapp: QApplication) -> Iterator[None]:
    """Qt's own file dialog (a desktop's native one cannot be driven by key events)."""
    app = qapp
    attribute = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    before = app.testAttribute(attribute)
    app.setAttribute(attribute, True)
    yield
    app.setAttribute(attribute, before)


def inside(container: QWidget) -> bool:
    widget = QApplication.focusWidget()
    return widget is not None and (widget is container or container.isAncestorOf(widget))


def slug_on_page(window: MainWindow) -> str | None:
    return window.endpoint_page.current_slug()


async def back_to(window: MainWindow) -> None:
    """A dialog or popup closed: the desktop gives the window back its focus."""
    await wait_until(lambda: QApplication.activeModalWidget() is None, 10)
    await activate(window)


async def find_and_open(window: MainWindow) -> None:
    """Ctrl+F, type, Enter into the results, Enter to open it with the cursor in its prompt."""
    models, page = window.marketplace, window.endpoint_page
    await wait_until(lambda: models.model.rowCount() > 0, 20)
    ctrl(Qt.Key.Key_F)
    assert focused() is models.search
    type_text("nano banana text to image")
    press(Qt.Key.Key_Return)
    assert focused() is models.list
    press(Qt.Key.Key_Return)
    await wait_until(lambda: slug_on_page(window) == NANO and page.form is not None, 20)
    await focus_lands(lambda: page.form.prompt_editor() if page.form is not None else None)


async def generate_and_watch(window: MainWindow) -> None:
    """Type the prompt, Ctrl+Enter; Ctrl+J to the queue, whose newest task it is; wait."""
    queue, preview = window.queue, window.preview
    type_text(PROMPT)
    ctrl(Qt.Key.Key_Return)
    await wait_until(lambda: queue.view_model.model.rowCount() == 1, 10)
    ctrl(Qt.Key.Key_J)
    assert focused() is queue.list
    job = queue.current_job()
    assert job is not None and job.endpoint == NANO and job.input["prompt"] == PROMPT
    await wait_until(lambda: (j := queue.current_job()) is not None and j.status.is_settled, 60)
    await wait_until(lambda: preview.current_item() is not None, 10)
    await wait_until(lambda: not preview.image_view.is_loading(), 10)
    assert preview.image_view.image_size().width() > 0


def look_at_the_preview(window: MainWindow) -> None:
    """Tab from the queue into the preview; 1 shows the picture at 100 %, F fits it again."""
    preview = window.preview
    for _ in range(10):
        if inside(preview):
            break
        press(Qt.Key.Key_Tab)
    canvas = preview.image_view.canvas
    assert focused() is canvas
    press(Qt.Key.Key_1)
    assert canvas.zoom_factor() == pytest.approx(1.0)
    press(Qt.Key.Key_F)
    assert canvas.is_fit()


async def save_as(window: MainWindow, target: Path) -> None:
    """Ctrl+S opens Save as; the file name is typed over the suggested one; Enter saves."""
    ctrl(Qt.Key.Key_S)
    await wait_until(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog), 10)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QFileDialog)
    await activate(dialog)
    assert isinstance(focused(), QLineEdit)  # the file name, ready to type over
    ctrl(Qt.Key.Key_A)
    type_text(str(target))
    press(Qt.Key.Key_Return)
    await wait_until(lambda: target.is_file() and target.stat().st_size > 0, 10)
    await back_to(window)
    assert inside(window.preview)  # the focus is back where it was


async def send_on(window: MainWindow, search: str) -> None:
    """Ctrl+T, type to find a model, Enter (and the field, when it asks): it opens with the
    picture and the prompt, the cursor in its prompt."""
    flow, page = window.send_to, window.endpoint_page
    assert flow is not None
    ctrl(Qt.Key.Key_T)
    await wait_until(lambda: flow.popup is not None and bool(flow.popup.entries()), 30)
    popup = flow.popup
    assert popup is not None
    await activate(popup)
    assert focused() is popup.search
    type_text(search)
    entry = popup.entries()[0]
    press(Qt.Key.Key_Return)
    if len(entry.fields) > 1:  # "Which field?" (no such entry in today's catalog): the first
        await wait_until(lambda: flow.field_menu is not None and flow.field_menu.isVisible())
        press(Qt.Key.Key_Down)
        press(Qt.Key.Key_Return)

    def placed() -> list[MediaField]:
        form = page.form
        if form is None or slug_on_page(window) != entry.slug:
            return []
        return [f for f in form.findChildren(MediaField) if f.output() is not None]

    await wait_until(lambda: bool(placed()), 30)
    await back_to(window)
    form = page.form
    assert form is not None
    await focus_lands(form.prompt_editor)  # the cursor waits in the new model's prompt
    assert form.value().get("prompt") == PROMPT  # the prompt came along


@pytest.mark.asyncio
async def test_find_prompt_generate_watch_preview_save_and_send_on_by_keys(
    tmp_path: Path, widget_file_dialogs: None
) -> None:
    async with running_studio() as (window, _controller):
        await activate(window)
        await find_and_open(window)
        await generate_and_watch(window)
        look_at_the_preview(window)
        await save_as(window, tmp_path / "keyboard-lighthouse.png")
        await send_on(window, "kling image to video")  # from the preview
        ctrl(Qt.Key.Key_J)
        assert focused() is window.queue.list
        await send_on(window, "first last frame")  # from the queue row this time
