"""Composition root: settings → backend → runner → view-models → window; start-up, shutdown.

Nothing else wires objects together. One qasync loop runs for the life of the process.

Start-up is on the clock (issue 12). ``main`` imports only what the window's frame needs, shows
the frame (``MainWindow()``: title, tabs, status bar, "Starting…") and lets it paint; then
``run_studio`` imports the rest of the app and ``build_studio`` fills the window. The Compare and
Gallery tabs are built, and their modules imported, the first time they are shown or asked for
(``_build_compare``/``_build_gallery``, given to the window).
"""

from __future__ import annotations

import asyncio
import linecache
import logging
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from typing_extensions import override

from studio import __version__
from studio.core.session import configure_logging, load_settings
from studio.ui import i18n
from studio.ui.collector import MainThreadCollector
from studio.ui.gil import favour_gui_thread
from studio.ui.heap import limit_arenas
from studio.ui.icons import app_icon
from studio.ui.main_window import MainWindow
from studio.ui.raster import paint_on_gui_thread
from studio.ui.theme import apply_theme

if TYPE_CHECKING:
    from collections.abc import Sequence

    from studio.core.session import BackendOpener, Session
    from studio.ui.chain.send_to import SendToFlow
    from studio.ui.compare import ComparePanel, ComparisonsView
    from studio.ui.controller import StudioController
    from studio.ui.endpoint.loader import EndpointLoader
    from studio.ui.gallery import GalleryPanel
    from studio.ui.queue import QueueView

log = logging.getLogger("studio.app")


def open_window() -> MainWindow:
    """The main window's frame, in the theme of the settings (applied before any widget exists,
    so all start in it); ``build_studio`` fills it."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_theme(app, load_settings().theme)
    return MainWindow()


def build_studio(
    *, open_backend: BackendOpener | None = None, window: MainWindow | None = None
) -> tuple[MainWindow, StudioController]:
    """Every long-lived object of the app, connected; nothing started yet.

    ``open_backend`` replaces how the session opens its backend (tests give a scripted one);
    ``window`` is a frame from ``open_window`` already on screen (a new one is opened without).
    """
    # Not at the top: the window's frame paints before these are imported (see the docstring).
    from studio.core.library import open_library
    from studio.core.session import Backend, KeyStore, Session
    from studio.core.thumbnailer import shared_thumbnailer
    from studio.ui.controller import StudioController
    from studio.ui.endpoint.loader import EndpointLoader
    from studio.ui.preview import PreviewPane
    from studio.ui.queue import QueueView, QueueViewModel
    from studio.ui.recall import RecallFlow
    from studio.ui.thumbnails import ThumbnailLoader

    if window is None:
        window = open_window()
    settings = load_settings()
    # Checked, and rebuilt when damaged: the app always starts (see library.open_library).
    library, recovery = open_library(outputs_root=settings.outputs_dir())
    session = Session(
        library,
        settings,
        KeyStore(),
        open_backend=open_backend or Backend.open,
        recovery=recovery,
        finish=shared_thumbnailer().finish_file,  # out of the window's process
    )
    queue = QueueViewModel(session)
    queue_view = QueueView(queue)
    queue_view.list.thumbnails = ThumbnailLoader(queue_view)  # the gallery shares it when built
    window.fill(queue_view, PreviewPane())
    loader = EndpointLoader(session, window.endpoint_page)
    recall = RecallFlow(window, loader, session)
    controller = StudioController(window, queue, session, loader, recall)
    send_to = _wire_creative_loop(window, session, loader, queue_view)
    _LazyTabs(controller, send_to)
    queue_view.job_selected.connect(controller.select_job)
    queue_view.open_requested.connect(controller.open_job_output)
    queue_view.recall_requested.connect(recall.recall_job)
    return window, controller


class _LazyTabs:
    """Builds the Compare and Gallery tabs the first time they are shown or asked for, and
    wires them to the rest (and to each other, whichever comes first)."""

    def __init__(self, controller: StudioController, send_to: SendToFlow) -> None:
        self._window = controller.window
        self._session = controller.session
        self._controller = controller
        self._recall = controller.recall
        self._send_to = send_to
        self._comparisons: ComparisonsView | None = None
        self._window.set_compare(self.build_compare)
        self._window.set_gallery(self.build_gallery)

    def build_compare(self) -> ComparePanel:
        from studio.ui.compare import ComparePanel  # not at start-up: see the module docstring

        compare = ComparePanel(self._session)
        compare.recall_requested.connect(self._recall.apply_recall)
        # "Use this one" shows its output too.
        compare.output_chosen.connect(self._controller.select_job)
        compare.send_requested.connect(lambda job: self._send_to.send_job(job.local_id))
        compare.comparison_saved.connect(self._refresh_comparisons)
        return compare

    def _refresh_comparisons(self) -> None:
        if self._comparisons is not None:
            self._comparisons.refresh()

    def build_gallery(self) -> GalleryPanel:
        from studio.ui.compare import ComparisonsView  # not at start-up: see the module docstring
        from studio.ui.gallery import GalleryPanel

        session, send_to = self._session, self._send_to
        # One thumbnail cache for the gallery and the queue's rows (which has it from the start).
        gallery = GalleryPanel(session.library, loader=self._window.queue.list.thumbnails)
        self._comparisons = ComparisonsView(session)
        gallery.add_view(QApplication.translate("Gallery", "Comparisons"), self._comparisons)
        gallery.set_comparison_lookup(session.comparison_of_job)
        self._comparisons.open_requested.connect(self._reopen)
        gallery.comparison_requested.connect(self._reopen)
        gallery.recall_requested.connect(self._recall.apply_recall)
        gallery.send_requested.connect(send_to.send_outputs)
        gallery.extend_requested.connect(send_to.extend_shot_of_outputs)
        gallery.frames_requested.connect(send_to.pick_frame_of_outputs)
        gallery.lineage_of = session.lineage
        gallery.grid.drag_started.connect(lambda: send_to.watch_drops(True))
        gallery.grid.drag_finished.connect(lambda: send_to.watch_drops(False))
        return gallery

    def _reopen(self, comparison_id: str) -> None:
        self._window.show_compare()
        compare = self._window.compare
        if compare is not None:
            compare.open_comparison(comparison_id)


def _wire_creative_loop(
    window: MainWindow, session: Session, loader: EndpointLoader, queue_view: QueueView
) -> SendToFlow:
    """Send to…, Extend shot, frames and masks from the Create tab's outputs (the gallery's are
    wired when it is built)."""
    from studio.ui.chain.mask_painter import MaskFlow
    from studio.ui.chain.send_to import SendToFlow

    preview = window.preview
    flow = SendToFlow(window, session, loader)
    window.send_to = flow
    masks = MaskFlow(window)
    window.masks = masks
    window.endpoint_page.mask_requested.connect(masks.paint)
    queue_view.send_requested.connect(flow.send_job)
    queue_view.extend_requested.connect(flow.extend_shot_of_file)
    queue_view.frames_requested.connect(flow.pick_frame_of_file)
    preview.send_requested.connect(flow.send_file)
    preview.extend_requested.connect(flow.extend_shot_of_file)
    preview.frames_requested.connect(flow.pick_frame_of_file)
    queue_view.list.drag_started.connect(lambda: flow.watch_drops(True))
    queue_view.list.drag_finished.connect(lambda: flow.watch_drops(False))
    return flow


async def run_studio(app: QApplication, window: MainWindow) -> int:
    """Fills the window once its frame has painted, starts the session, runs until closed."""
    from studio.ui.background import spawn, use_worker_threads
    from studio.ui.collector import settle_after_start
    from studio.ui.readahead import read_ahead_media

    use_worker_threads()

    closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def finish() -> None:
        if not closed.done():
            closed.set_result(None)

    window.closing.connect(finish)
    app.aboutToQuit.connect(finish)
    _close_on_signals(window)
    await first_paint(window)
    await show_models_early(window)
    window, controller = build_studio(window=window)
    _watch_marketplace_for_bench(window)  # when show_models_early had none to show

    async def start() -> None:
        await controller.start()
        settle_after_start()
        await read_ahead_media()  # the first media shown loads them (see studio.ui.readahead)

    spawn(start(), key="start")
    await closed
    await controller.aclose()
    log.info("shut down cleanly")
    return 0


async def show_models_early(window: MainWindow) -> None:
    """The marketplace with the last known models (or the bundled snapshot), painted before the
    rest of the app is imported and built: they can be looked through at once."""
    from studio.core.session import DEFAULT_BASE_URL, last_known_endpoints

    default = load_settings().base_url == DEFAULT_BASE_URL
    try:
        endpoints = await asyncio.to_thread(last_known_endpoints, snapshot=default)
    except Exception:  # the session reads them again, and says what is wrong
        log.exception("the last known models could not be read early")
        return
    if not endpoints:
        return
    window.show_models(endpoints)
    _watch_marketplace_for_bench(window)
    await first_paint(window.marketplace.list.viewport())


FIRST_PAINT_WAIT_S = 0.5  # a window never exposed (minimised, some compositors) must still fill


async def first_paint(window: QWidget) -> None:
    """Returns once the window has painted (or after FIRST_PAINT_WAIT_S)."""
    painted: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    watcher = _PaintWatcher(window, painted)
    try:
        await asyncio.wait_for(asyncio.shield(painted), FIRST_PAINT_WAIT_S)
    except TimeoutError:
        log.info("the window did not paint within %.1f s; building it anyway", FIRST_PAINT_WAIT_S)
    finally:
        window.removeEventFilter(watcher)
        watcher.deleteLater()


class _PaintWatcher(QObject):
    def __init__(self, window: QWidget, painted: asyncio.Future[None]) -> None:
        super().__init__(window)
        self._painted = painted
        window.installEventFilter(self)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted.done():
            # A zero timer fires once the repaint pass this event belongs to has finished.
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        if not self._painted.done():
            self._painted.set_result(None)


def _close_on_signals(window: MainWindow) -> None:
    """SIGINT/SIGTERM close the window like the user would (simulator stopped, state saved)."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: QTimer.singleShot(0, window.close))
    # Python runs signal handlers only when it gets control; a slow timer makes sure it does.
    ticker = QTimer(window)
    ticker.timeout.connect(lambda: None)
    ticker.start(250)


def _watch_paints_for_bench(window: MainWindow) -> None:
    """`make bench` only: STUDIO_BENCH_MARKS=path notes the frame's first paint and, once the
    window is filled, the marketplace's (studio.ui.bench_marks)."""
    marks = os.environ.get("STUDIO_BENCH_MARKS")
    if marks:
        from studio.ui.bench_marks import PaintMarks

        PaintMarks(window, Path(marks))


def _watch_marketplace_for_bench(window: MainWindow) -> None:
    if os.environ.get("STUDIO_BENCH_MARKS"):
        from studio.ui.bench_marks import PaintMarks

        marks = window.findChild(PaintMarks)
        if marks is not None:
            marks.watch_marketplace()


def language_override(argv: Sequence[str]) -> str | None:
    """``--lang zh_CN`` / ``--lang=en`` on the command line, which beats Settings and the system."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(argv) if argv is not None else sys.argv
    # PySide6 read the source of every module imported above; ~11 MB (see studio.ui.collector).
    linecache.clearcache()
    log_path = configure_logging()
    log.info("Mountsea Studio %s starting; log at %s", __version__, log_path)
    QApplication.setApplicationName("Mountsea Studio")
    QApplication.setOrganizationName("Mountsea")
    QApplication.setApplicationVersion(__version__)
    paint_on_gui_thread()  # before the application: Qt reads it once (see studio.ui.raster)
    limit_arenas()  # before any thread allocates (see studio.ui.heap)
    app = QApplication(args)
    favour_gui_thread()  # workers give the GUI thread the interpreter first (see studio.ui.gil)
    i18n.install(app, language_override(args[1:]) or load_settings().language)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)  # the close coroutine decides when we are done
    MainThreadCollector(app)  # garbage collection only on the GUI thread (see collector)
    window = open_window()
    _watch_paints_for_bench(window)
    window.show()
    import qasync  # after show(): the frame's first paint waits for nothing it does not need

    code: int = qasync.run(run_studio(app, window))
    return code
