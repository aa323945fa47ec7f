"""Child: type "veo fast" into the real MarketplacePanel over 10,000 endpoints, and into a baseline.

Per keystroke the time runs from the key press (``QTest.keyClick`` on the search box, so the
panel's own textChanged handling runs) until the list has repainted: the events are processed
until the viewport has painted after the key and the loop is idle again. A key after which the
view does not repaint within ``NO_PAINT_S`` (nothing visible changed) is timed to the first idle.
Baseline: a QLineEdit driving a QSortFilterProxyModel (one case-insensitive regular expression
requiring every word) over a QStringListModel of the same search texts, in a uniform QListView
of the same size. Repetitions alternate studio and baseline; the box is cleared between them
(not timed).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import (
    QAbstractEventDispatcher,
    QEventLoop,
    QRegularExpression,
    QSortFilterProxyModel,
    QStringListModel,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QVBoxLayout, QWidget

from bench.children.qt_tools import PaintWatch, write_result
from studio.core.api import Endpoint, parse_endpoint
from studio.ui.marketplace import MarketplacePanel
from studio.ui.theme import apply_theme

if TYPE_CHECKING:
    from collections.abc import Callable

TYPED: Final = "veo fast"
SIZE: Final = (320, 860)  # about the marketplace's share of the studio window
NO_PAINT_S: Final = 0.25
CATALOG: Final = Path(__file__).resolve().parents[2] / "studio" / "data" / "catalog.json"


def synthetic_endpoints(count: int) -> list[Endpoint]:
    """count endpoints: the shipped catalog's, repeated with numbered models and names."""
    entries: list[dict[str, Any]] = json.loads(CATALOG.read_text(encoding="utf-8"))
    endpoints = []
    for index in range(count):
        entry = dict(entries[index % len(entries)])
        batch = index // len(entries)
        entry["slug"] = f"{entry['slug']}-{batch}"
        entry["name"] = f"{entry.get('name') or entry['slug']} {batch}"
        entry["model"] = f"{entry.get('model', '')}-{batch}"
        entry.pop("input_schema", None)
        entry.pop("output_schema", None)
        entry.pop("examples", None)
        endpoints.append(parse_endpoint(entry))
    return endpoints


def search_text(endpoint: Endpoint) -> str:
    fields = (endpoint.name, endpoint.slug, endpoint.model, endpoint.provider)
    return " ".join((*fields, *endpoint.tags, endpoint.description)).casefold()


class Baseline(QWidget):
    """The floor: Qt's own proxy filtering, no Python per row."""

    def __init__(self, texts: list[str]) -> None:
        super().__init__()
        self.search = QLineEdit()
        self.source = QStringListModel(texts, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.list = QListView()
        self.list.setUniformItemSizes(True)
        self.list.setModel(self.proxy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        self.search.textChanged.connect(self._on_search_text_changed)

    def _on_search_text_changed(self, text: str) -> None:
        pattern = "^" + "".join(f"(?=.*{re.escape(word)})" for word in text.split())
        self.proxy.setFilterRegularExpression(
            QRegularExpression(pattern, QRegularExpression.PatternOption.CaseInsensitiveOption)
        )


def settle(viewport: QWidget, act: Callable[[], None]) -> float:
    """Seconds from act() until the viewport repainted and the loop is idle (see module doc)."""
    watch = PaintWatch(viewport)
    dispatcher = QAbstractEventDispatcher.instance()
    flags = QEventLoop.ProcessEventsFlag.AllEvents
    began = time.perf_counter()
    act()
    idle_at: float | None = None  # the first moment the loop had nothing to do
    while True:
        busy = dispatcher.processEvents(flags)
        now = time.perf_counter()
        if watch.painted.is_set() and not busy:
            return watch.painted_at - began
        if not busy and idle_at is None:
            idle_at = now
        # Not the last idle moment: an animation elsewhere (the search box's clear button fades
        # in for ~200 ms after the first letter) keeps waking the loop, unrelated to the key.
        if idle_at is not None and now - began > NO_PAINT_S:
            watch.deleteLater()
            return idle_at - began


def type_text(search: QLineEdit, viewport: QWidget) -> list[float]:
    """Milliseconds per keystroke of TYPED, after clearing the box (untimed)."""
    settle(viewport, search.clear)
    search.setFocus()
    return [
        1000 * settle(viewport, lambda key=key: QTest.keyClick(search, key))  # type: ignore[misc]
        for key in TYPED
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--endpoints", type=int, default=10_000)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    apply_theme(app, "system")
    endpoints = synthetic_endpoints(args.endpoints)
    panel = MarketplacePanel()
    panel.set_endpoints(endpoints)
    baseline = Baseline([search_text(e) for e in endpoints])
    for widget in (panel, baseline):
        widget.resize(*SIZE)
        widget.show()
    runs: dict[str, list[list[float]]] = {"studio": [], "baseline": []}
    shown: dict[str, list[int]] = {"studio": [], "baseline": []}
    for rep in range(args.reps):
        order = ("studio", "baseline") if rep % 2 == 0 else ("baseline", "studio")
        for kind in order:
            box, view = (panel.search, panel.list) if kind == "studio" else (
                baseline.search, baseline.list)  # fmt: skip
            runs[kind].append(type_text(box, view.viewport()))
            shown[kind].append(view.model().rowCount())
    write_result(args.out, {"keys": list(TYPED), "runs": runs, "matches": shown})
    panel.close()
    baseline.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
