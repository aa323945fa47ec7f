"""Focus follows the work: Tab order, Enter and Down from the search, Enter on a model, the
keys that go to the prompt, the queue and the gallery's search — all with key events only."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QToolButton, QWidget
from typing_extensions import override

from studio.ui.keyboard.focus_order import takes_tab
from tests.conftest import wait_until
from tests.ui.keyboard_helpers import (
    activate,
    ctrl,
    focus_lands,
    focused,
    press,
    tab_cycle,
    type_text,
)
from tests.ui.studio_harness import open_endpoint, running_studio

if TYPE_CHECKING:
    from studio.ui.main_window import MainWindow

NANO = "google/nano-banana/text-to-image"
VEO = "google/veo-3.1/text-to-video"
WHISPER = "openai/whisper-v3/transcribe"


def prompt_of(window: MainWindow) -> QWidget | None:
    form = window.endpoint_page.form
    return form.prompt_editor() if form is not None else None


def form_of(window: MainWindow, slug: str) -> bool:
    page = window.endpoint_page
    return page.detail is not None and page.detail.slug == slug and page.form is not None


@pytest.mark.asyncio
async def test_the_cursor_starts_in_the_prompt() -> None:
    async with running_studio() as (window, _controller):
        await activate(window)
        await focus_lands(lambda: prompt_of(window))


@pytest.mark.asyncio
async def test_tab_goes_search_models_prompt_fields_advanced_generate_queue() -> None:
    async with running_studio() as (window, controller):
        await activate(window)
        await open_endpoint(controller, NANO)
        ctrl(Qt.Key.Key_F)
        models, page = window.marketplace, window.endpoint_page
        assert focused() is models.search
        stops = tab_cycle()
        form = page.form
        assert form is not None and form.prompt_editor() is not None
        assert stops[:3] == [models.search, models.list, form.prompt_editor()]
        toggle = form.advanced.findChild(QToolButton)
        assert toggle is not None
        advanced = stops.index(toggle)
        fields = stops[2:advanced]
        assert all(form.isAncestorOf(widget) for widget in fields)
        assert len(fields) >= 3  # prompt, aspect ratio, images… before Advanced
        controls = page.controls
        assert stops[advanced + 1 : advanced + 3] == [controls.generate, controls.batch]
        assert stops.index(window.queue.list) > stops.index(controls.show_request)
        # The less used stops come after the queue and preview; then the cycle starts again.
        later = [window.modes.tabBar(), models.capability, models.tag]
        assert [stops.index(w) for w in later] == sorted(stops.index(w) for w in later)
        assert stops.index(window.modes.tabBar()) > stops.index(window.queue.list)
        # Shift+Tab walks the same way back.
        assert list(reversed(tab_cycle(backwards=True)[1:])) == stops[1:]
        # Qt's own focus chain is left alone: the tab widgets still hand focus to their bars.
        assert window.modes.focusProxy() is window.modes.tabBar()
        assert page.tabs.focusProxy() is page.tabs.tabBar()


@pytest.mark.asyncio
async def test_the_order_holds_for_a_form_built_later() -> None:
    async with running_studio() as (window, controller):
        await activate(window)
        await open_endpoint(controller, NANO)
        models = window.marketplace
        ctrl(Qt.Key.Key_F)
        type_text("veo 3.1 text to video")
        press(Qt.Key.Key_Down)  # into the results: the first match opens
        assert focused() is models.list
        await wait_until(lambda: form_of(window, VEO) or models.current_endpoint() is None, 20)
        slug = models.current_endpoint().slug  # type: ignore[union-attr]
        await wait_until(lambda: form_of(window, slug), 20)
        assert focused() is models.list  # building the form never took the keyboard away
        press(Qt.Key.Key_Tab)
        assert focused() is prompt_of(window)
        press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert focused() is models.list


@pytest.mark.asyncio
async def test_down_enter_and_up_move_between_search_and_results() -> None:
    async with running_studio() as (window, controller):
        await activate(window)
        await open_endpoint(controller, NANO)
        models = window.marketplace
        ctrl(Qt.Key.Key_F)
        press(Qt.Key.Key_Return)
        assert focused() is models.list
        assert models.current_endpoint() is not None
        assert models.current_endpoint().slug == NANO  # type: ignore[union-attr]
        models.list.setCurrentIndex(models.proxy.index(0, 0))
        press(Qt.Key.Key_Up)  # on the first row: back to the search box
        assert focused() is models.search
        type_text("zzz no such model")
        press(Qt.Key.Key_Down)  # nothing matches: the way out is "Clear filters"
        assert focused() is models.clear_filters
        press(Qt.Key.Key_Space)
        assert models.search.text() == ""
        assert models.proxy.rowCount() == models.model.rowCount()


@pytest.mark.asyncio
async def test_enter_on_a_model_puts_the_cursor_in_its_prompt() -> None:
    async with running_studio() as (window, controller):
        await activate(window)
        await open_endpoint(controller, NANO)
        ctrl(Qt.Key.Key_F)
        type_text("veo 3.1 text to video")
        press(Qt.Key.Key_Return)
        assert focused() is window.marketplace.list
        press(Qt.Key.Key_Return)  # before its form is even built
        slug = window.marketplace.current_endpoint().slug  # type: ignore[union-attr]
        await wait_until(lambda: form_of(window, slug), 20)
        await focus_lands(lambda: prompt_of(window))
        type_text("a paper boat")
        page = window.endpoint_page
        assert page.form is not None
        assert page.form.value().get("prompt") == "a paper boat"


@pytest.mark.asyncio
async def test_enter_on_a_model_without_a_prompt_goes_to_its_first_field() -> None:
    async with running_studio() as (window, controller):
        await activate(window)
        await open_endpoint(controller, NANO)
        ctrl(Qt.Key.Key_F)
        type_text("whisper")
        press(Qt.Key.Key_Return)
        press(Qt.Key.Key_Return)
        await wait_until(lambda: form_of(window, WHISPER), 20)
        form = window.endpoint_page.form
        assert form is not None and form.prompt_editor() is None
        widget = await focus_lands(form.first_editor)
        assert form.isAncestorOf(widget) and takes_tab(widget)


@pytest.mark.asyncio
async def test_keys_to_the_prompt_the_queue_and_the_gallery_search() -> None:
    async with running_studio() as (window, controller):
        await activate(window)
        await open_endpoint(controller, NANO)
        ctrl(Qt.Key.Key_J)
        assert focused() is window.queue.list
        ctrl(Qt.Key.Key_P)
        assert focused() is prompt_of(window)
        ctrl(Qt.Key.Key_G)
        assert window.modes.currentWidget() is window.gallery
        assert focused() is window.gallery.filter_bar.search
        type_text("s")  # typed into the search: the grid's S (star) does not fire
        assert window.gallery.filter_bar.search.text() == "s"
        ctrl(Qt.Key.Key_F)
        assert window.modes.currentWidget() is window.main_splitter
        assert focused() is window.marketplace.search
        ctrl(Qt.Key.Key_P)
        assert QApplication.focusWidget() is prompt_of(window)


class _WindowsShown(QObject):
    """Notes every widget shown as a window of its own."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.shown.append(type(watched).__name__)
        return False


@pytest.mark.asyncio
async def test_no_window_flashes_up_while_the_app_starts_and_builds_forms(
    qapp: QApplication,
) -> None:
    # A parentless widget made visible is a window: on a desktop it flashes up and takes the
    # focus from the prompt (the form's Advanced section and the gallery's buttons did).
    spy = _WindowsShown()
    qapp.installEventFilter(spy)
    try:
        async with running_studio() as (window, controller):
            for slug in (VEO, WHISPER, NANO):
                await open_endpoint(controller, slug)
            await activate(window)
    finally:
        qapp.removeEventFilter(spy)
    assert spy.shown == ["MainWindow"]
