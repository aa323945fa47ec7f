"""The marketplace list: a real item model, capability/tag/text filters, selection signals."""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from studio.core.api import Endpoint, parse_endpoint
from studio.ui.marketplace import MarketplaceModel, MarketplacePanel
from studio.ui.marketplace.delegate import EndpointDelegate
from studio.ui.marketplace.model import EndpointRole
from studio.ui.theme import contrast_ratio

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.modeltest import ModelTester
    from pytestqt.qtbot import QtBot


VEO = "google/veo-3.1/text-to-video"
IMAGE = "google/nano-banana/text-to-image"


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


def test_a_program_choice_moves_the_one_highlight_without_loading(qtbot: QtBot) -> None:
    panel = MarketplacePanel()
    qtbot.addWidget(panel)
    panel.set_endpoints(catalog_endpoints())
    panel.show()
    with qtbot.waitSignal(panel.endpoint_selected):
        panel.select_slug(IMAGE)  # the user's pick
    chosen: list[str] = []
    panel.endpoint_selected.connect(lambda endpoint: chosen.append(endpoint.slug))
    deselected: list[str] = []
    panel.list.selectionModel().selectionChanged.connect(
        lambda _new, old: deselected.extend(i.data() for i in old.indexes())
    )
    assert panel.select_slug(VEO, emit=False)  # e.g. "Use all" of a Veo output
    # The view repaints the row it leaves on this signal: blocked, two rows stayed highlighted.
    assert deselected == ["Nano Banana Text to Image"]
    selected = panel.list.selectionModel().selectedIndexes()
    assert [index.data() for index in selected] == ["Veo 3.1 Text to Video"]
    assert chosen == []


def test_tags_are_those_of_the_chosen_capability(qtbot: QtBot) -> None:
    panel = MarketplacePanel()
    qtbot.addWidget(panel)
    panel.set_endpoints(catalog_endpoints())
    tags = [panel.tag.itemData(i) for i in range(1, panel.tag.count())]
    assert "veo" in tags and "music" in tags
    panel.tag.setCurrentIndex(panel.tag.findData("veo"))
    panel.capability.setCurrentIndex(panel.capability.findData("audio"))
    tags = [panel.tag.itemData(i) for i in range(1, panel.tag.count())]
    assert "music" in tags and "veo" not in tags
    assert panel.tag.currentIndex() == 0  # "veo" left the list, so the filter left too
    assert panel.proxy.rowCount() == 1
    panel.tag.setCurrentIndex(panel.tag.findData("music"))
    panel.capability.setCurrentIndex(0)
    assert panel.tag.currentData() == "music"  # still offered: kept


def test_an_empty_result_offers_to_clear_the_filters(qtbot: QtBot) -> None:
    panel = MarketplacePanel()
    qtbot.addWidget(panel)
    panel.set_endpoints(catalog_endpoints())
    panel.show()
    assert not panel.clear_filters.isVisible()
    panel.capability.setCurrentIndex(panel.capability.findData("audio"))
    panel.search.setText("veo")
    assert panel.proxy.rowCount() == 0
    assert panel.clear_filters.isVisible() and panel.empty_label.isVisible()
    panel.clear_filters.click()
    assert panel.search.text() == "" and panel.capability.currentIndex() == 0
    assert panel.proxy.rowCount() == 35 and panel.list.isVisible()


@pytest.mark.parametrize("capability", ["video", "transcribe"])
def test_icons_stay_visible_on_the_selection_highlight(qtbot: QtBot, capability: str) -> None:
    panel = MarketplacePanel()
    qtbot.addWidget(panel)
    endpoints = [e for e in catalog_endpoints() if e.capability == capability]
    panel.set_endpoints(endpoints)
    panel.resize(300, 300)
    panel.show()
    panel.select_slug(endpoints[0].slug, emit=False)
    image = panel.list.viewport().grab().toImage()
    row = panel.list.visualRect(panel.list.currentIndex())
    highlight = panel.list.palette().color(QPalette.ColorRole.Highlight)
    # The 20 px icon sits 8 px in from the row's left edge, centred vertically.
    top, left = row.center().y() - 10, row.left() + 8
    pixels = [image.pixelColor(left + x, top + y) for x in range(20) for y in range(20)]
    distinct = [p for p in pixels if contrast_ratio(p, highlight) >= 2.0]
    assert len(distinct) > len(pixels) // 3


def _shown_slugs(panel: MarketplacePanel) -> list[str]:
    rows = range(panel.proxy.rowCount())
    return [panel.proxy.index(row, 0).data(EndpointRole).slug for row in rows]


def _expected_slugs(endpoints: list[Endpoint], text: str, capability: str = "") -> set[str]:
    """The rows a plain search over every endpoint finds (words in any case, any order)."""
    words = text.casefold().split()
    found = set()
    for endpoint in endpoints:
        if capability and endpoint.capability != capability:
            continue
        fields = (endpoint.name, endpoint.slug, endpoint.model, endpoint.provider)
        haystack = " ".join((*fields, *endpoint.tags, endpoint.description)).casefold()
        if all(word in haystack for word in words):
            found.add(endpoint.slug)
    return found


def test_typing_narrowing_and_widening_finds_what_a_fresh_search_finds(qtbot: QtBot) -> None:
    panel = MarketplacePanel()
    qtbot.addWidget(panel)
    endpoints = catalog_endpoints()
    panel.set_endpoints(endpoints)
    steps = ["v", "vi", "vid", "vide", "video", "video ", "video t", "video te", "video t",
             "video", "ideo", "video image", "image video", "ima", "", "kling pro", "pro kling",
             "pro"]  # fmt: skip
    for text in steps:
        panel.search.setText(text)
        assert set(_shown_slugs(panel)) == _expected_slugs(endpoints, text), text
    panel.capability.setCurrentIndex(panel.capability.findData("video"))
    for text in ("pro", "pr", "text", "text to"):
        panel.search.setText(text)
        assert set(_shown_slugs(panel)) == _expected_slugs(endpoints, text, "video"), text
    assert len(_shown_slugs(panel)) == len(set(_shown_slugs(panel)))  # no row twice


def test_rows_named_after_the_words_come_first(qtbot: QtBot) -> None:
    def endpoint(slug: str, name: str, description: str) -> Endpoint:
        return parse_endpoint(
            {"slug": slug, "name": name, "capability": "image", "description": description}
        )

    panel = MarketplacePanel()
    qtbot.addWidget(panel)
    panel.set_endpoints(
        [
            endpoint("a/upscale", "Upscale", "Sharpens a frame made by Zeta."),
            endpoint("b/zeta", "Zeta Image", "Pictures."),
            endpoint("c/other", "Other", "Nothing to see."),
            endpoint("d/zeta-fast", "Zeta Fast", "Quicker pictures."),
        ]
    )
    panel.search.setText("zeta")
    assert _shown_slugs(panel) == ["b/zeta", "d/zeta-fast", "a/upscale"]
    panel.search.setText("")
    assert _shown_slugs(panel) == ["a/upscale", "b/zeta", "c/other", "d/zeta-fast"]


def test_rows_are_written_once_and_copied_until_they_change(qtbot: QtBot) -> None:
    """Typing repaints the list at every key, mostly with rows drawn before: their writing is
    drawn once; selecting one (new colours) draws that row again, and it still reads right."""
    panel = MarketplacePanel()
    qtbot.addWidget(panel)
    endpoints = catalog_endpoints()
    panel.set_endpoints(endpoints)
    panel.resize(320, 400)
    panel.show()
    delegate = panel.list.itemDelegate()
    assert isinstance(delegate, EndpointDelegate)
    first = panel.list.viewport().grab().toImage()
    assert delegate.rows_kept() > 3
    panel.search.setText("veo")
    panel.list.viewport().grab()
    kept = delegate.rows_kept()
    panel.search.clear()
    again = panel.list.viewport().grab().toImage()
    assert delegate.rows_kept() == kept  # the rows of the first screen, copied
    assert again == first
    panel.select_slug(endpoints[0].slug, emit=False)
    panel.list.viewport().grab()
    assert delegate.rows_kept() == kept + 1  # the selected look of that row
