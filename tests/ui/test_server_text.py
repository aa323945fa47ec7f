"""Server text is never rich text: HTML in names, descriptions, field help, enum titles and
errors reaches every label and tooltip escaped, never rendered (no <img src=file:///…>)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QWidget
from typing_extensions import override

from studio.core.api import TaskError, TaskStatus, parse_endpoint_detail
from studio.ui.plain import plain_tooltip
from tests.conftest import wait_until
from tests.core.test_tasks_fakes import FakeClient
from tests.fakes.session import FakeBackend
from tests.ui.studio_harness import open_endpoint, running_studio

if TYPE_CHECKING:
    from studio.core.session import Backend, Settings
    from studio.ui.main_window import MainWindow

SLUG = "evil/html/text-to-image"
BOLD = "<b>bold</b>"
IMAGE = "<img src=file:///etc/hosts>"
LINK = "<a href='https://example.com'>link</a>"
MARKUP = (BOLD, IMAGE, LINK)
RAW_TAGS = ("<b>", "<img", "<a ")


def evil_detail() -> dict[str, Any]:
    return {
        "slug": SLUG,
        "name": f"Evil {BOLD}",
        "provider": "evil",
        "model": "html",
        "capability": "image",
        "mode": "text-to-image",
        "tags": ["evil"],
        "description": f"Describes {IMAGE} and {LINK}",
        "input_schema": {
            "type": "object",
            "required": ["prompt"],
            "properties": {
                "prompt": {"type": "string", "description": f"Prompt {BOLD} {IMAGE}"},
                "style": {
                    "type": "string",
                    "enum": ["a", "b"],
                    "x-enum-labels": [f"Style {BOLD}", f"Other {LINK}"],
                    "description": f"Style help {LINK}",
                },
            },
        },
        "output_schema": {},
        "examples": [],
    }


@dataclass
class EvilClient(FakeClient):
    """Serves the evil endpoint; its tasks fail with an HTML error message."""

    @override
    def _complete(self, task_id: str) -> None:
        error = TaskError(code=500, message=f"Failed {BOLD} {IMAGE}")
        self.set_status(task_id, TaskStatus.FAILED, error=error)


def _labels_and_tooltips(window: MainWindow) -> list[tuple[str, QWidget, str]]:
    found: list[tuple[str, QWidget, str]] = []
    for widget in window.findChildren(QWidget):
        if widget.toolTip():
            found.append(("tooltip", widget, widget.toolTip()))
        if isinstance(widget, QLabel) and widget.text():
            found.append(("label", widget, widget.text()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += [("item tooltip", widget, tip) for tip in _model_tooltips(widget.model())]
        if isinstance(widget, QComboBox):
            found += [("item tooltip", widget, tip) for tip in _model_tooltips(widget.model())]
    return found


def _model_tooltips(model: QAbstractItemModel) -> list[str]:
    tips = []
    for row in range(model.rowCount(QModelIndex())):
        tip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
        if isinstance(tip, str) and tip:
            tips.append(tip)
    return tips


def _is_safe(kind: str, widget: QWidget, text: str) -> bool:
    if kind == "label":
        assert isinstance(widget, QLabel)
        return widget.textFormat() is Qt.TextFormat.PlainText or not GuiQt.mightBeRichText(text)
    return not any(tag in text for tag in RAW_TAGS)


def test_plain_tooltip_escapes_markup() -> None:
    tip = plain_tooltip(f"{BOLD}\n{IMAGE}")
    assert "<b>" not in tip and "&lt;b&gt;" in tip and "&lt;img" in tip


@pytest.mark.asyncio
async def test_html_from_the_server_is_shown_escaped_everywhere() -> None:
    client = EvilClient(endpoints=[parse_endpoint_detail(evil_detail())])

    async def open_backend(_settings: Settings, _key: str) -> Backend:
        return FakeBackend(client)

    async with running_studio(open_backend=open_backend) as (window, controller):
        await open_endpoint(controller, SLUG)
        window.endpoint_page.form.set_value({"prompt": "a cat"})  # type: ignore[union-attr]
        window.endpoint_page.generate.click()
        await wait_until(lambda: any(j.error for j in controller.queue.model.jobs()), 10)
        window.banner.show_message(f"Server said {BOLD}", level="error")
        shown = _labels_and_tooltips(window)
        carrying = [(k, w, t) for k, w, t in shown if "bold" in t or "hosts" in t or "link" in t]
        kinds = {kind for kind, _, _ in carrying}
        # The markup reached labels, widget tooltips and item tooltips (the test can fail) …
        assert {"label", "tooltip", "item tooltip"} <= kinds, kinds
        # … and none of them renders it.
        unsafe = [(k, type(w).__name__, t) for k, w, t in carrying if not _is_safe(k, w, t)]
        assert unsafe == []
