"""The marketplace list: a real item model, capability/tag/text filters, selection signals."""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from studio.core.api import Endpoint, parse_endpoint
from studio.ui.marketplace import MarketplaceModel, MarketplacePanel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.modeltest import ModelTester
    from pytestqt.qtbot import QtBot


def catalog_endpoints() -> list[Endpoint]:
    text = resources.files("studio").joinpath("data/catalog.json").read_text(encoding="utf-8")
    return [parse_endpoint(item) for item in json.loads(text)]


def test_model_passes_qtmodeltester(qtmodeltester: ModelTester, qapp: QApplication) -> None:
    model = MarketplaceModel()
    model.set_endpoints(catalog_endpoints())
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert model.rowCount() == 35


def test_filters_by_capability_tag_and_words(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    panel = MarketplacePanel()
    qtbot.addWidget(panel)
    panel.set_endpoints(catalog_endpoints())
    qtmodeltester.check(panel.proxy)  # type: ignore[no-untyped-call]
    capabilities = [panel.capability.itemData(i) for i in range(panel.capability.count())]
    assert (
        capabilities[:5] == ["", "image", "video", "audio", "transcribe"] or "image" in capabilities
    )
    panel.capability.setCurrentIndex(panel.capability.findData("audio"))
    assert panel.proxy.rowCount() == 1
    panel.capability.setCurrentIndex(0)
    panel.tag.setCurrentIndex(panel.tag.findData("veo"))
    assert 0 < panel.proxy.rowCount() < 35
    panel.tag.setCurrentIndex(0)
    panel.search.setText("kuaishou PRO")  # provider + words, any case, any order
    rows = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert rows and all("Pro" in name for name in rows)
    assert "of 35" in panel.count.text()
    panel.search.setText("no such model at all")
    assert panel.proxy.rowCount() == 0


def test_selecting_a_row_emits_the_endpoint(qtbot: QtBot) -> None:
    panel = MarketplacePanel()
    qtbot.addWidget(panel)
    panel.set_endpoints(catalog_endpoints())
    panel.search.setText("whisper")
    with qtbot.waitSignal(panel.endpoint_selected) as signal:
        assert panel.select_slug("google/veo-3.1/text-to-video")
    assert signal.args[0].slug == "google/veo-3.1/text-to-video"
    assert panel.search.text() == ""  # the hidden row was revealed by clearing the filter
    # Refreshing the catalog keeps the selection.
    panel.set_endpoints(catalog_endpoints())
    current = panel.current_endpoint()
    assert current is not None and current.slug == "google/veo-3.1/text-to-video"


def test_typing_a_search_never_switches_the_open_endpoint(qtbot: QtBot) -> None:
    panel = MarketplacePanel()
    qtbot.addWidget(panel)
    panel.set_endpoints(catalog_endpoints())
    panel.select_slug("google/veo-3.1/text-to-video")
    chosen: list[str] = []
    panel.endpoint_selected.connect(lambda endpoint: chosen.append(endpoint.slug))
    panel.show()
    panel.search.setFocus()
    for text in ("s", "se", "seed", "seedance"):  # Veo's row disappears after the first letters
        panel.search.setText(text)
    assert chosen == []
    current = panel.current_endpoint()
    assert current is not None and current.slug == "google/veo-3.1/text-to-video"
    assert not panel.list.currentIndex().isValid()  # nothing highlighted that is not open
    panel.search.clear()  # back in view: highlighted again, still without reloading
    assert panel.list.currentIndex().data() == "Veo 3.1 Text to Video"
    assert chosen == []


def test_arrow_keys_browse_models(qtbot: QtBot) -> None:
    panel = MarketplacePanel()
    qtbot.addWidget(panel)
    panel.set_endpoints(catalog_endpoints())
    panel.show()
    panel.select_slug("google/veo-3.1/text-to-video")
    panel.list.setFocus()
    with qtbot.waitSignal(panel.endpoint_selected) as signal:
        qtbot.keyClick(panel.list, Qt.Key.Key_Down)  # type: ignore[no-untyped-call]
    assert signal.args[0].slug != "google/veo-3.1/text-to-video"
