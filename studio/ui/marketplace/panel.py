"""The marketplace panel on the window's left: search, capability and tag filters, the list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from studio.ui.icons import capability_icon
from studio.ui.marketplace.delegate import EndpointDelegate
from studio.ui.marketplace.model import KNOWN_CAPABILITIES, EndpointRole, MarketplaceModel
from studio.ui.marketplace.search import MarketplaceFilter
from studio.ui.plain import plain_label
from studio.ui.plural import english_plural
from studio.ui.theme import follow_theme
from studio.ui.viewports import own_viewport

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from studio.core.api import Endpoint


class MarketplacePanel(QWidget):
    """Search box, capability and tag filters, and the endpoint list.

    Signals: endpoint_selected(Endpoint) when the user picks a row; endpoint_activated(Endpoint)
    when they open it to work on it (Enter or a double click): the page puts the cursor in its
    prompt.

    The tag list offers the tags of the chosen capability only; when nothing matches, the list
    says so and offers to clear the filters.

    Keys: Down or Enter in the search box go into the results (the first one when the open
    endpoint is not among them); Up on the first row goes back to the search box.
    """

    endpoint_selected = Signal(object)
    endpoint_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open: Endpoint | None = None  # the endpoint on the page, even when filtered out
        self._quiet = False  # a row chosen by the program, not the user: load nothing
        self.model = MarketplaceModel(self)
        self.proxy = MarketplaceFilter(self)
        self.proxy.set_source_model(self.model)
        self.search = QLineEdit(
            placeholderText=self.tr("Search models, providers, tags…  (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.capability = QComboBox()
        self.tag = QComboBox()
        self.tag.setMinimumContentsLength(8)
        self.list = QListView()
        own_viewport(self.list)
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        self.list.setItemDelegate(EndpointDelegate(self.list))
        self.list.setAlternatingRowColors(False)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self._build_empty_state()
        self._layout()
        self._connect()
        follow_theme(self._on_theme_changed)

    def _on_theme_changed(self, _dark: bool) -> None:
        # Capability icons are drawn for the theme; the combo keeps the ones it was filled with.
        self._refresh_filters()
        self.list.viewport().update()

    def _build_empty_state(self) -> None:
        self.empty = QWidget()
        self.empty_label = plain_label(self.tr("No model matches these filters."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clear_filters = QPushButton(self.tr("Clear filters"))
        self.clear_filters.clicked.connect(self.clear_all_filters)
        column = QVBoxLayout(self.empty)
        column.addStretch(1)
        column.addWidget(self.empty_label)
        column.addWidget(self.clear_filters, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        self.results = QStackedWidget()
        self.results.addWidget(self.list)
        self.results.addWidget(self.empty)

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.capability, 1)
        filters.addWidget(self.tag, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        title = QLabel("<b>" + self.tr("Models") + "</b>")
        layout.addWidget(title)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._on_search_changed)
        self.capability.currentIndexChanged.connect(self._on_capability_changed)
        self.tag.currentIndexChanged.connect(self._on_tag_changed)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list.activated.connect(self._on_list_activated)
        self.search.installEventFilter(self)
        self.list.installEventFilter(self)

    def set_endpoints(self, endpoints: Sequence[Endpoint]) -> None:
        """Replace the catalog, keeping the selected endpoint when it still exists."""
        current = self.current_endpoint()
        if current is not None and all(e.slug != current.slug for e in endpoints):
            current = self._open = None
        self.model.set_endpoints(endpoints)
        self._refresh_filters()
        if current is not None:
            self.select_slug(current.slug, emit=False)

    def current_endpoint(self) -> Endpoint | None:
        """The endpoint the page shows, also while a filter hides its row."""
        index = self.list.currentIndex()
        value: Endpoint | None = index.data(EndpointRole) if index.isValid() else None
        return value or self._open

    def select_slug(self, slug: str, *, emit: bool = True) -> bool:
        row = self.model.row_of(slug)
        if row < 0:
            return False
        proxy_index = self.proxy.map_from_source(self.model.index(row, 0))
        if not proxy_index.isValid():
            self.clear_all_filters()
            proxy_index = self.proxy.map_from_source(self.model.index(row, 0))
        # Never block the selection model's signals here: the view repaints the row it leaves
        # on them, and without that two rows stayed highlighted.
        self._quiet = not emit
        try:
            self.list.setCurrentIndex(proxy_index)
        finally:
            self._quiet = False
        self.list.scrollTo(proxy_index)
        return True

    def clear_all_filters(self) -> None:
        """Search, capability and tag back to "everything" (the open endpoint stays open)."""
        self.search.clear()
        self.capability.setCurrentIndex(0)
        self.tag.setCurrentIndex(0)

    def _refresh_filters(self) -> None:
        endpoints = self.model.endpoints()
        present = {e.capability for e in endpoints}
        caps = [c for c in KNOWN_CAPABILITIES if c in present]
        caps += sorted(present - set(KNOWN_CAPABILITIES))
        self._fill_combo(self.capability, self.tr("All capabilities"), caps, icons=True)
        self._refresh_tags()
        self._update_count()

    def _refresh_tags(self) -> None:
        """The tags of the chosen capability's endpoints (all tags when none is chosen)."""
        capability = str(self.capability.currentData() or "")
        endpoints = self.model.endpoints()
        chosen = [e for e in endpoints if not capability or e.capability == capability]
        tags = sorted({tag for e in chosen for tag in e.tags})
        kept = self.tag.currentData() in tags
        self._fill_combo(self.tag, self.tr("All tags"), tags)
        if not kept and self.proxy.tag():
            self._refilter(lambda: self.proxy.set_tag(""))

    def _fill_combo(
        self,
        combo: QComboBox,
        everything: str,
        values: list[str],
        *,
        icons: bool = False,
    ) -> None:
        selected = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, "")
        for value in values:
            if icons:
                combo.addItem(capability_icon(value), capability_word(value), value)
            else:
                combo.addItem(value, value)
        found = combo.findData(selected) if selected else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown != total:
            text = self.tr("%1 of %n endpoint(s)", "", total).replace("%1", str(shown))
        else:
            text = self.tr("%n endpoint(s)", "", total)
        self.count.setText(english_plural(text, total))
        nothing = shown == 0 and total > 0
        self.results.setCurrentWidget(self.empty if nothing else self.list)

    def _on_search_changed(self, text: str) -> None:
        self._refilter(lambda: self.proxy.set_search(text))

    def _on_capability_changed(self, _row: int) -> None:
        self._refilter(lambda: self.proxy.set_capability(str(self.capability.currentData() or "")))
        self._refresh_tags()

    def _on_tag_changed(self, _row: int) -> None:
        self._refilter(lambda: self.proxy.set_tag(str(self.tag.currentData() or "")))

    def _refilter(self, change: Callable[[], None]) -> None:
        """Filtering never picks another endpoint: the open one stays open, highlighted if shown.

        When the current row is filtered out the view moves its current index to a neighbour;
        that move is not the user's choice, so it must neither load that endpoint nor take focus.
        """
        current = self.current_endpoint()
        self._quiet = True
        try:
            change()
            row = self.model.row_of(current.slug) if current is not None else -1
            index = self.proxy.map_from_source(self.model.index(row, 0)) if row >= 0 else None
            if index is not None and index.isValid():
                self.list.setCurrentIndex(index)
            else:
                self.list.selectionModel().clear()
                self.list.setCurrentIndex(QModelIndex())
        finally:
            self._quiet = False
        self._open = current if current is not None else self._open
        self._update_count()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        endpoint = current.data(EndpointRole) if current.isValid() else None
        if endpoint is not None and not self._quiet:
            self._open = endpoint
            self.endpoint_selected.emit(endpoint)

    def _on_list_activated(self, index: QModelIndex) -> None:
        endpoint = index.data(EndpointRole) if index.isValid() else None
        if endpoint is not None:
            self.endpoint_activated.emit(endpoint)

    def enter_results(self) -> bool:
        """Focus the list (the first row when none of it is current); with no match, the
        "Clear filters" button. False when there is nothing to go to."""
        if self.proxy.rowCount() == 0:
            if self.results.currentWidget() is not self.empty:
                return False
            self.clear_filters.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.proxy.index(0, 0))  # the user's choice: it opens
        self.list.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key, plain = event.key(), not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.search and plain and (key == Qt.Key.Key_Down or enter):
            return self.enter_results()
        at_top = self.list.currentIndex().row() <= 0
        if watched is self.list and plain and key == Qt.Key.Key_Up and at_top:
            self.search.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)


_CAPABILITY_WORDS = {
    "image": str(QT_TRANSLATE_NOOP("MarketplacePanel", "Image")),
    "video": str(QT_TRANSLATE_NOOP("MarketplacePanel", "Video")),
    "audio": str(QT_TRANSLATE_NOOP("MarketplacePanel", "Audio")),
    "transcribe": str(QT_TRANSLATE_NOOP("MarketplacePanel", "Transcribe")),
    "chat": str(QT_TRANSLATE_NOOP("MarketplacePanel", "Chat")),
    "embeddings": str(QT_TRANSLATE_NOOP("MarketplacePanel", "Embeddings")),
}


def capability_word(value: str) -> str:
    """A capability the catalog names ("image") as the filter shows it; unknown ones capitalised."""
    word = _CAPABILITY_WORDS.get(value)
    return QCoreApplication.translate("MarketplacePanel", word) if word else value.capitalize()
