"""Start-up (issue 12): what the first window needs only, the catalog at once, tabs on first use.

No timings here (``python -m bench`` measures them): these check the means — which modules the
window imports, that the bundled catalog shows before any backend answers, that Compare and
Gallery are built when first shown and still work.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QLabel

from studio.app import first_paint, open_window, show_models_early
from studio.core.api import parse_endpoint_detail
from studio.core.session import CatalogChanged
from studio.core.session._catalog_cache import bundled_snapshot
from tests.conftest import wait_until
from tests.core.test_tasks_fakes import FakeClient
from tests.fakes.session import FakeBackend
from tests.ui.studio_harness import running_studio

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from studio.core.session import Backend, Settings

NOT_AT_START = (
    "numpy",
    "av",
    "PIL",
    "jsonschema",
    "keyring",
    "PySide6.QtMultimedia",
    "studio.ui.compare",
    "studio.ui.gallery",
    "studio.ui.chain.frame_picker",
)
# Nor what the frame (``MainWindow()`` before ``fill``) needs none of: it paints first.
NOT_BEFORE_THE_FRAME = (
    "httpx",
    "studio.core.api._client",
    "studio.core.jobs._runner",
    "studio.core.library",
    "studio.core.session._session",
    "studio.ui.endpoint",
    "studio.ui.marketplace",
    "studio.ui.preview",
    "studio.ui.queue",
)


def test_the_app_module_imports_only_what_the_frame_needs() -> None:
    heavy = [*NOT_AT_START, *NOT_BEFORE_THE_FRAME]
    script = (
        "import json, sys; import studio.app; "
        f"print(json.dumps([name for name in {heavy!r} if name in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(done.stdout) == []


@pytest.mark.asyncio
async def test_the_frame_paints_then_is_filled_in_place(qtbot: QtBot) -> None:
    frame = open_window()
    qtbot.addWidget(frame)
    tabs = ["Create", "Compare", "Gallery"]
    assert [frame.modes.tabText(i) for i in range(frame.modes.count())] == tabs
    starting = frame.modes.currentWidget()
    assert isinstance(starting, QLabel) and starting.text() == "Starting…"
    # The menus are there (nothing moves when it is filled) but wait for what they act on.
    assert not frame.generate_action.isEnabled() and not frame.search_action.isEnabled()
    assert frame.quit_action.isEnabled()
    frame.show()
    await first_paint(frame)
    async with running_studio(start=False, window=frame) as (window, _controller):
        assert window is frame
        assert window.modes.currentWidget() is window.main_splitter
        assert [window.modes.tabText(i) for i in range(window.modes.count())] == tabs
        assert window.marketplace.isVisible() and window.endpoint_page.isVisible()
        assert window.generate_action.isEnabled() and window.search_action.isEnabled()
        with pytest.raises(RuntimeError):
            window.fill(window.queue, window.preview)


@pytest.mark.asyncio
async def test_the_last_known_models_show_before_the_rest_is_built(qtbot: QtBot) -> None:
    frame = open_window()
    qtbot.addWidget(frame)
    frame.show()
    await first_paint(frame)
    await show_models_early(frame)  # a new home: the bundled snapshot's models
    early = frame.marketplace
    page = frame.modes.currentWidget()
    assert page is not None and page.isAncestorOf(early)  # in the Create tab's place
    tabs = [frame.modes.tabText(i) for i in range(frame.modes.count())]
    assert tabs == ["Create", "Compare", "Gallery"]
    starting = [label for label in page.findChildren(QLabel) if label.text() == "Starting…"]
    assert len(starting) == 1 and starting[0].isVisible()  # beside the models
    assert starting[0].width() > early.width()
    assert early.isVisible() and early.model.rowCount() == len(bundled_snapshot())
    assert not frame.generate_action.isEnabled()  # the rest is not built yet
    async with running_studio(start=False, window=frame) as (window, _controller):
        assert window.marketplace is early  # the same list, now beside the form
        assert window.modes.currentWidget() is window.main_splitter
        assert window.main_splitter.widget(0) is early and early.isVisible()
        assert window.generate_action.isEnabled()


@pytest.mark.asyncio
async def test_the_bundled_catalog_shows_before_the_backend_opens() -> None:
    opened = asyncio.Event()
    release = asyncio.Event()
    client = FakeClient(endpoints=[parse_endpoint_detail(item) for item in bundled_snapshot()])

    async def open_backend(_settings: Settings, _key: str) -> Backend:
        opened.set()
        await release.wait()
        return FakeBackend(client)

    async with running_studio(open_backend=open_backend, start=False) as (window, controller):
        events = controller.session.events()
        starting = asyncio.ensure_future(controller.start())
        try:
            await asyncio.wait_for(opened.wait(), 10)
            first = await asyncio.wait_for(anext(events), 10)
            assert isinstance(first, CatalogChanged) and first.from_cache
            await wait_until(lambda: window.marketplace.model.rowCount() == 35, 10)
            # The first image model opens from the snapshot's detail: a form, no waiting.
            await wait_until(lambda: window.endpoint_page.form is not None, 10)
            assert controller.session.backend is None
        finally:
            release.set()
            await starting
            events.close()
        assert controller.session.backend is not None  # the live catalog (the same) follows
        assert window.marketplace.model.rowCount() == 35 and window.endpoint_page.form is not None


@pytest.mark.asyncio
async def test_compare_and_gallery_are_built_when_first_shown() -> None:
    async with running_studio(start=False) as (window, _controller):
        assert window.built_compare is None and window.built_gallery is None
        window.modes.setCurrentIndex(window.modes.count() - 1)  # the user clicks "Gallery"
        gallery = window.built_gallery
        assert gallery is not None and window.modes.currentWidget() is gallery
        assert window.modes.tabText(window.modes.currentIndex()) == "Gallery"
        window.show_compare()
        compare = window.built_compare
        assert compare is not None and window.modes.currentWidget() is compare
        assert [window.modes.tabText(i) for i in range(window.modes.count())] == [
            "Create",
            "Compare",
            "Gallery",
        ]
        window.show_gallery()
        assert window.modes.currentWidget() is gallery
