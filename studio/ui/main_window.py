"""The main window: marketplace | endpoint page | queue over preview, menus and the status bar.

Built in two steps so the window paints before most of the app is imported (start-up, issue 12):
``MainWindow()`` is the frame (title, tabs, status bar, its saved size) with "Starting…" where the
Create tab goes; ``fill(queue, preview)`` builds the Create tab, the menus and the keys. The app
shows the frame, lets it paint, then imports the rest and fills it (``studio.app``).

The Compare and Gallery tabs are built the first time they are shown or asked for
(``compare``/``gallery``), from builders the app gives (``set_compare``/``set_gallery``): the
window paints without them (start-up, issue 12). ``built_compare``/``built_gallery`` are None
until then.

Signals:
    settings_requested(), refresh_requested(), cancel_all_requested(), log_folder_requested(),
    closing() — the window is closing; the app shuts down.
    file_dropped(str path) — a file was dropped on the window: recall its parameters.
"""

from __future__ import annotations

import platform
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QByteArray, Qt, Signal, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from studio import __version__
from studio.ui.chain.outputs_drag import dragged_outputs
from studio.ui.i18n.core_words import core_text
from studio.ui.icons import app_icon
from studio.ui.keyboard import KeyboardActions, create_tab_steps, guard_typing, next_stop
from studio.ui.theme import ERROR, SUCCESS, app_is_dark, follow_theme, pick
from studio.ui.window_state import window_state_store

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from studio.core.api import Endpoint
    from studio.core.session import BackendInfo
    from studio.ui.banner import Banner
    from studio.ui.chain.mask_painter import MaskFlow
    from studio.ui.chain.send_to import SendToFlow
    from studio.ui.compare import ComparePanel
    from studio.ui.endpoint.page import EndpointPage
    from studio.ui.gallery import GalleryPanel
    from studio.ui.marketplace.panel import MarketplacePanel
    from studio.ui.preview import PreviewPane
    from studio.ui.queue.view import QueueView


class MainWindow(QMainWindow):
    """Lays out the panels it is given; the controller does the talking to the backend."""

    settings_requested = Signal()
    refresh_requested = Signal()
    cancel_all_requested = Signal()
    log_folder_requested = Signal()
    closing = Signal()
    file_dropped = Signal(str)  # a local file dropped anywhere no child took it

    # Made by fill(): the frame paints before their modules are imported.
    marketplace: MarketplacePanel
    banner: Banner
    endpoint_page: EndpointPage
    queue: QueueView
    preview: PreviewPane
    main_splitter: QSplitter
    right_splitter: QSplitter

    def __init__(self) -> None:
        """The frame: what paints first. ``fill`` builds the rest."""
        super().__init__()
        self.setWindowTitle(self.tr("Mountsea Studio"))
        self.setWindowIcon(app_icon())
        self._gallery: GalleryPanel | None = None
        self._build_gallery: Callable[[], GalleryPanel] | None = None
        self._gallery_page = QWidget()  # the Gallery tab until the gallery is built
        self._compare: ComparePanel | None = None
        self._build_compare: Callable[[], ComparePanel] | None = None
        self._compare_page = QWidget()  # the Compare tab until Compare is built
        self.send_to: SendToFlow | None = None  # Send to…, frames, Extend shot (set by the app)
        self.masks: MaskFlow | None = None
        self.backend_label = QLabel()
        self.backend_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reachability = QLabel()
        self.reachability.setTextFormat(Qt.TextFormat.PlainText)
        self.demo_badge = QLabel(self.tr("  DEMO · local simulator  "))
        self.demo_badge.setToolTip(
            self.tr(
                "No API key is set: generations run on the built-in simulator. "
                "Add a key in Settings."
            )
        )
        self.demo_badge.hide()
        self._reachable = True
        self._filled = False
        self._starting_label = QLabel(self.tr("Starting…"))
        self._starting_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._starting_page: QWidget = self._starting_label  # the Create tab until it is filled
        self.modes = QTabWidget()
        self.modes.setDocumentMode(True)
        self.modes.addTab(self._starting_page, self.tr("Create"))
        self.modes.addTab(self._compare_page, self.tr("Compare"))
        self.modes.addTab(self._gallery_page, self.tr("Gallery"))
        self.setCentralWidget(self.modes)
        self._build_menus()
        # Shown in the frame so nothing moves when it is filled, but they act on what fill builds.
        self._until_filled = [a for a in self.findChildren(QAction) if a is not self.quit_action]
        for action in self._until_filled:
            action.setEnabled(False)
        self.statusBar().addPermanentWidget(self.reachability)
        self.statusBar().addPermanentWidget(self.backend_label)
        self.show_backend(None)
        self._restore_geometry()

    def show_models(self, endpoints: Sequence[Endpoint]) -> None:
        """Before ``fill``: the marketplace with these models (the last known ones) beside
        "Starting…", to look through while the rest of the app is imported and built."""
        from studio.ui.marketplace.panel import MarketplacePanel

        if self._filled or self._starting_page is not self._starting_label:
            return
        self.marketplace = MarketplacePanel()
        self.marketplace.set_endpoints(endpoints)
        early = QSplitter(Qt.Orientation.Horizontal)
        early.addWidget(self.marketplace)
        # The tab lets go of "Starting…" before the splitter takes it (a tab whose page is
        # taken away closes by itself).
        self._replace_create_page(early)
        early.addWidget(self._starting_label)
        self._starting_label.show()  # the tab hid it when it stopped being the current page
        early.setStretchFactor(0, 0)
        early.setStretchFactor(1, 1)
        early.setSizes([260, max(self.width() - 260, 1)])

    def _replace_create_page(self, page: QWidget) -> QWidget:
        """The Create tab's page becomes page (it stays the current tab); returns the old one."""
        old, self._starting_page = self._starting_page, page
        self.modes.insertTab(0, page, self.tr("Create"))
        self.modes.setCurrentIndex(0)
        self.modes.removeTab(1)
        return old

    def fill(self, queue: QueueView, preview: PreviewPane) -> None:
        """The Create tab (marketplace | endpoint page | queue over preview), menus and keys."""
        # Imported here, not at the top: the frame paints first (see the module docstring).
        from studio.ui.banner import Banner
        from studio.ui.endpoint.page import EndpointPage
        from studio.ui.marketplace.panel import MarketplacePanel

        if self._filled:
            raise RuntimeError("the window is filled once")
        self._filled = True
        if self._starting_page is self._starting_label:  # else show_models made it
            self.marketplace = MarketplacePanel()
        self.banner = Banner()
        self.endpoint_page = EndpointPage()
        self.queue = queue
        self.preview = preview
        self._build_splitters()
        self.generate_action.triggered.connect(self.endpoint_page.submit)
        for action in self._until_filled:
            action.setEnabled(True)
        self._wire_keyboard()
        self.menuBar().setCornerWidget(self.demo_badge)
        self._restore_splitters(self._splitters())
        self.setAcceptDrops(True)
        follow_theme(self._restyle)

    def _restyle(self, dark: bool) -> None:
        # Amber with dark text reads on either theme; the dark one is a little less glaring.
        badge = "#e0ad3a" if dark else "#f2c14e"
        self.demo_badge.setStyleSheet(
            f"background: {badge}; color: #2e2100; border-radius: 8px; font-weight: bold;"
        )
        colour = pick(SUCCESS if self._reachable else ERROR, dark)
        self.reachability.setStyleSheet(f"color: {colour};")

    def _build_splitters(self) -> None:
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.banner)
        middle_layout.addWidget(self.endpoint_page, 1)
        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.addWidget(self.queue)
        self.right_splitter.addWidget(self.preview)
        self.right_splitter.setSizes([300, 500])
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(self.marketplace)
        self.main_splitter.addWidget(middle)
        self.main_splitter.addWidget(self.right_splitter)
        # The form and its Generate row come first: on a narrow (1024 px) window the queue and
        # preview give way before the page does.
        self.main_splitter.setSizes([260, 620, 520])
        for index, stretch in enumerate((0, 2, 1)):
            self.main_splitter.setCollapsible(index, False)
            self.main_splitter.setStretchFactor(index, stretch)
        # The Create tab takes the place "Starting…" held.
        self._replace_create_page(self.main_splitter).deleteLater()  # "Starting…" and all
        self.modes.currentChanged.connect(self._on_modes_current_changed)
        # Dragging an output over the Create tab switches to it, to drop it on a field there.
        self.modes.tabBar().setChangeCurrentOnDrag(True)
        self.modes.tabBar().setAcceptDrops(True)

    def set_compare(self, build: Callable[[], ComparePanel]) -> None:
        """How the Compare tab (one prompt, several models side by side) is built, on first use."""
        self._build_compare = build

    def set_gallery(self, build: Callable[[], GalleryPanel]) -> None:
        """How the Gallery tab is built, on first use."""
        self._build_gallery = build

    @property
    def compare(self) -> ComparePanel | None:
        """The Compare tab's panel, built now if it was not yet (None without a builder)."""
        if self._compare is None and self._build_compare is not None:
            self._compare = self._build_compare()
            self._swap_in(self._compare_page, self._compare)
        return self._compare

    @property
    def built_compare(self) -> ComparePanel | None:
        """The Compare panel if it has been built; never builds it."""
        return self._compare

    @property
    def gallery(self) -> GalleryPanel:
        """The Gallery tab's panel, built now if it was not yet."""
        if self._gallery is None:
            if self._build_gallery is None:
                raise RuntimeError("the window has no gallery (set_gallery was not called)")
            self._gallery = self._build_gallery()
            self._swap_in(self._gallery_page, self._gallery)
            self._restore_splitters(self._gallery.splitters())
        return self._gallery

    def has_gallery(self) -> bool:
        """Whether the window has a Gallery tab (built or still to build)."""
        return self._gallery is not None or self._build_gallery is not None

    @property
    def built_gallery(self) -> GalleryPanel | None:
        """The gallery if it has been built; never builds it."""
        return self._gallery

    def _swap_in(self, page: QWidget, panel: QWidget) -> None:
        """The built panel takes its placeholder's place (and stays current if that was)."""
        index = self.modes.indexOf(page)
        bar = self.modes.tabBar()
        behaviour = bar.selectionBehaviorOnRemove()
        # Inserted just before the placeholder, the panel is the tab on its left.
        bar.setSelectionBehaviorOnRemove(QTabBar.SelectionBehavior.SelectLeftTab)
        self.modes.insertTab(index, panel, self.modes.tabText(index))
        self.modes.removeTab(index + 1)
        bar.setSelectionBehaviorOnRemove(behaviour)
        page.deleteLater()

    def _on_modes_current_changed(self, index: int) -> None:
        page = self.modes.widget(index)
        if page is not None and page is self._gallery_page and self._gallery is None:
            _ = self.gallery
        elif page is not None and page is self._compare_page and self._compare is None:
            _ = self.compare

    def show_create(self) -> None:
        self.modes.setCurrentWidget(self.main_splitter)

    def show_compare(self) -> None:
        self.modes.setCurrentWidget(
            self._compare if self._compare is not None else self._compare_page
        )

    def show_gallery(self) -> None:
        self.modes.setCurrentWidget(
            self._gallery if self._gallery is not None else self._gallery_page
        )

    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.settings_action = self._action(self.tr("&Settings…"), "Ctrl+,")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = menu.addMenu(self.tr("&View"))
        self.search_action = self._action(self.tr("&Search models"), QKeySequence.StandardKey.Find)
        self.refresh_action = self._action(
            self.tr("&Refresh catalog"), QKeySequence.StandardKey.Refresh
        )
        self.create_action = self._action(self.tr("&Create"), "Ctrl+1")
        self.compare_action = self._action(self.tr("C&ompare"), "Ctrl+2")
        self.gallery_action = self._action(self.tr("&Gallery"), "Ctrl+3")
        view_menu.addAction(self.create_action)
        view_menu.addAction(self.compare_action)
        view_menu.addAction(self.gallery_action)
        view_menu.addSeparator()
        view_menu.addAction(self.search_action)
        view_menu.addAction(self.refresh_action)
        self.keys = KeyboardActions(self)
        view_menu.addActions([self.keys.prompt, self.keys.queue, self.keys.gallery_search])
        file_menu.insertAction(self.settings_action, self.keys.save_output)
        file_menu.insertSeparator(self.settings_action)
        queue_menu = menu.addMenu(self.tr("&Queue"))
        self.generate_action = self._action(self.tr("&Generate"), "Ctrl+Return")
        self.generate_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.cancel_all_action = self._action(
            self.tr("Cancel all &running"), "Ctrl+Shift+Backspace"
        )
        queue_menu.addAction(self.generate_action)
        queue_menu.addAction(self.cancel_all_action)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.keys.shortcuts)
        log_action = self._action(self.tr("Open &log folder"))
        about_action = self._action(self.tr("&About Mountsea Studio"))
        help_menu.addAction(log_action)
        help_menu.addAction(about_action)
        self.settings_action.triggered.connect(self.settings_requested)
        self.quit_action.triggered.connect(self.close)
        self.search_action.triggered.connect(self._on_search_triggered)
        self.create_action.triggered.connect(self.show_create)
        self.compare_action.triggered.connect(self.show_compare)
        self.gallery_action.triggered.connect(self.show_gallery)
        self.refresh_action.triggered.connect(self.refresh_requested)
        self.cancel_all_action.triggered.connect(self.cancel_all_requested)
        log_action.triggered.connect(self.log_folder_requested)
        about_action.triggered.connect(self._on_about_triggered)

    def _wire_keyboard(self) -> None:
        """Typing stays in text fields; Enter on a model puts the cursor in its prompt; the
        cursor starts in the prompt once the first form is built."""
        guard_typing(self)
        self.marketplace.endpoint_activated.connect(
            lambda endpoint: self.endpoint_page.focus_form(endpoint.slug)
        )
        self.endpoint_page.setFocus()

    @override
    def focusNextPrevChild(self, next: bool) -> bool:
        # Worked out at each Tab, so forms and rows added since keep the order of the work.
        target = next_stop(self, create_tab_steps(self), next)
        if target is None:  # the focus is outside the Create tab's order: Qt's own chain
            return super().focusNextPrevChild(next)
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True

    def _on_search_triggered(self) -> None:
        self.show_create()
        self.marketplace.search.setFocus()
        self.marketplace.search.selectAll()

    def about_text(self) -> str:
        return (
            f"Mountsea Studio {__version__}\n\n"
            f"Qt {qVersion()} · PySide6 {pyside_version} · Python {platform.python_version()}\n\n"
            + self.tr("Images, video, music and transcripts through the Mountsea API.")
        )

    def _on_about_triggered(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("About Mountsea Studio"), "", parent=self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.about_text())
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.open()  # never exec(): the qasync loop must keep running

    def show_backend(self, info: BackendInfo | None, problem: str | None = None) -> None:
        """Status bar: which backend, and whether it answers."""
        if info is None:
            self.backend_label.setText(self.tr("Starting…"))
            self.reachability.setText("")
            self.demo_badge.hide()
            return
        self.backend_label.setText(core_text(info.label))
        is_demo = info.kind.value == "demo"
        self.demo_badge.setVisible(is_demo)
        self.setWindowTitle(
            self.tr("Mountsea Studio — Demo") if is_demo else self.tr("Mountsea Studio")
        )
        self._reachable = not problem
        self.reachability.setText(
            self.tr("● Unreachable: %1").replace("%1", problem)
            if problem
            else self.tr("● Connected")
        )
        self._restyle(app_is_dark())

    def _restore_geometry(self) -> None:
        geometry = window_state_store().value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)

    @staticmethod
    def _restore_splitters(splitters: dict[str, QSplitter]) -> None:
        store = window_state_store()
        for name, splitter in splitters.items():
            state = store.value(f"splitter/{name}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)

    def _splitters(self) -> dict[str, QSplitter]:
        """The splitters whose sizes are kept (the gallery's once it is built)."""
        gallery = self._gallery.splitters() if self._gallery is not None else {}
        return {"main": self.main_splitter, "right": self.right_splitter, **gallery}

    def save_state(self) -> None:
        store = window_state_store()
        store.setValue("geometry", self.saveGeometry())
        splitters = self._splitters() if self._filled else {}
        for name, splitter in splitters.items():
            store.setValue(f"splitter/{name}", splitter.saveState())
        store.sync()

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        # The studio's own outputs are sent on (Send to…), never recalled by a stray drop.
        ours = dragged_outputs(event.mimeData()) is not None
        if any(url.isLocalFile() for url in event.mimeData().urls()) and not ours:
            event.acceptProposedAction()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        if dragged_outputs(event.mimeData()) is not None:
            return
        local = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if local:
            event.acceptProposedAction()
            self.file_dropped.emit(local[0])

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.closing.emit()
        super().closeEvent(event)
