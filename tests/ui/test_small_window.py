"""At 1024×700 (and 1280×800) the Generate row reads whole: nothing cut off, nothing elided."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, QRect

from tests.conftest import wait_until
from tests.ui.studio_harness import running_studio
from tests.ui.test_endpoint_page import detail

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from studio.ui.main_window import MainWindow


def rect_in_window(window: MainWindow, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


@pytest.mark.asyncio
@pytest.mark.parametrize(("width", "height"), [(1024, 700), (1280, 800)])
@pytest.mark.parametrize("slug", ["google/veo-3.1/text-to-video", "openai/whisper-v3/transcribe"])
async def test_generate_and_new_seed_fit(width: int, height: int, slug: str) -> None:
    async with running_studio(start=False) as (window, _controller):
        page = window.endpoint_page
        page.show_endpoint(detail(slug))
        page.random_seed.setVisible(True)  # as on a model with a seed
        page.batch.setValue(page.batch.maximum())  # the longest label: "Generate · 16 …"
        window.resize(width, height)
        await wait_until(lambda: window.size().width() == width and page.generate.isVisible())
        await wait_until(lambda: page.generate.width() >= page.generate.sizeHint().width())
        assert window.size().height() == height
        for widget in (page.generate, page.random_seed, page.batch, page.show_request):
            assert window.rect().contains(rect_in_window(window, widget)), widget
            assert widget.width() >= widget.minimumSizeHint().width()
        assert page.generate.text().startswith("Generate · 16 ")
