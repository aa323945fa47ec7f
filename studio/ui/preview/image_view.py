"""Image preview: the zoomable canvas plus a bar with fit / 100 % / zoom buttons and image facts.

Pictures are decoded in a worker thread (see studio.core.media), which hands back plain pixel bytes;
the pixmap is made here, on the GUI thread. A newer load() drops the decode still running.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import math
import threading
from enum import Enum, auto
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.core import media
from studio.ui.background import spawn_if_running
from studio.ui.pixels import pixmap_of
from studio.ui.plain import plain_tooltip
from studio.ui.preview.image_canvas import KEY_STEP, ImageCanvas

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from studio.core.media import DecodeResult

    _Work = Callable[[Callable[[], bool]], DecodeResult | None]

_log = logging.getLogger(__name__)

# A decode quicker than this never shows "Loading…" (stepping through outputs would flicker).
LOADING_DELAY_MS = 150
LOADING_TEXT = str(QT_TRANSLATE_NOOP("ImageView", "Loading…"))
# Zoomed in this much past the pixmap's own resolution, a sharper decode is asked for.
DETAIL_MARGIN = 1.05


class _Detail(Enum):
    """Whether a sharper decode of the picture shown is worth asking for."""

    NOT_NEEDED = auto()  # shown at full resolution, or nothing shown
    WANTED = auto()  # shown reduced; zooming in past its resolution asks for more
    ASKED = auto()  # asked for, or done as far as it goes, or failed: not again


class ImageView(QWidget):
    """One image at a time, with its pixel size, format and file size in the bottom bar.

    Signals:
        load_finished(bool): the picture asked for by the latest load() is shown (True), or a
            message says why it cannot be (False). Not emitted for a load that a newer one dropped.
    """

    load_finished = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = ImageCanvas(self)
        self._message = QLabel(self)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.canvas)
        self._stack.addWidget(self._message)
        self._zoom_label = QLabel(self)
        self._info_label = QLabel(self)
        self._info_label.setTextFormat(Qt.TextFormat.PlainText)
        # Never wider than the room left: "1024 × 1024 · PNG · 1.2 MB" kept a 1024-pixel
        # window from fitting once a picture was shown. Cut on the left; the tooltip has it all.
        self._info_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._info_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self._stack, 1)
        layout.addLayout(self._build_bar())
        self._loading_timer = QTimer(self)
        self._loading_timer.setSingleShot(True)
        self._loading_timer.setInterval(LOADING_DELAY_MS)
        self._loading_timer.timeout.connect(self._on_loading_timer_timeout)
        self.canvas.zoom_changed.connect(self._on_canvas_zoom_changed)
        self._image_size = QSize()
        self._path: Path | None = None
        self._loading = False
        self._detail = _Detail.NOT_NEEDED
        self._generation = 0
        self._task: asyncio.Task[object] | None = None
        self._stop: threading.Event | None = None

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 2)
        for text, tip, slot in (
            (self.tr("Fit"), self.tr("Fit to window (F)"), self.canvas.fit),
            ("1:1", self.tr("Actual size, 100 % (1)"), self.canvas.actual_size),
            ("−", self.tr("Zoom out (-)"), self._zoom_out),
            ("+", self.tr("Zoom in (+)"), self._zoom_in),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            bar.addWidget(button)
        self._zoom_label.setMinimumWidth(self._zoom_label.fontMetrics().horizontalAdvance("3200 %"))
        bar.addWidget(self._zoom_label)
        bar.addStretch(1)
        bar.addWidget(self._info_label, 100)
        return bar

    def _set_info(self, text: str) -> None:
        self._info_label.setText(text)
        self._info_label.setToolTip(plain_tooltip(text) if text else "")

    # -- public API ----------------------------------------------------------------------------

    def load(self, path: Path) -> None:
        """Start decoding `path` in a worker thread; load_finished tells when it is shown, or
        why it cannot be. A decode still running for an earlier load() is dropped."""
        self.clear()
        self._path = path
        self._loading = True
        self._loading_timer.start()
        work = functools.partial(media.decode_preview, path, self._screen_box())
        self._run(work, self._on_preview_decoded)

    def clear(self) -> None:
        self._drop_decode()
        self.canvas.clear_image()
        self._image_size = QSize()
        self._path = None
        self._detail = _Detail.NOT_NEEDED
        self._set_info("")
        self._zoom_label.clear()
        self._stack.setCurrentWidget(self.canvas)

    def is_loading(self) -> bool:
        """A load() is still decoding its picture."""
        return self._loading

    def image_size(self) -> QSize:
        """The picture's own size (after EXIF rotation); empty when nothing is shown."""
        return QSize(self._image_size)

    def zoom_factor(self) -> float:
        return self.canvas.zoom_factor()

    def info_text(self) -> str:
        """The bar's summary, e.g. "1024 × 768 · PNG · 1.2 MB"."""
        return self._info_label.text()

    def message_text(self) -> str:
        """The text shown instead of a picture ("Loading…", or why it cannot be shown); ""."""
        return self._message.text() if self._stack.currentWidget() is self._message else ""

    def is_fit(self) -> bool:
        return self.canvas.is_fit()

    # -- decoding ------------------------------------------------------------------------------

    def _run(self, work: _Work, done: Callable[[DecodeResult], None]) -> None:
        """Run `work` in a worker thread under the UI's task owner, then `done` on its result
        if nothing newer was asked for meanwhile."""
        stop = threading.Event()
        generation = self._generation
        self._stop = stop
        self._task = spawn_if_running(
            self._decode(work, stop, generation, done),
            key=(self, "decode"),
            on_error=functools.partial(self._on_decode_error, generation),
        )
        if self._task is None:
            self._show_failure(self.tr("The image preview needs the application's event loop."))

    async def _decode(
        self,
        work: _Work,
        stop: threading.Event,
        generation: int,
        done: Callable[[DecodeResult], None],
    ) -> None:
        try:
            # The worker gets a path and returns plain data; it never touches a Qt object.
            result = await asyncio.to_thread(work, stop.is_set)
        except asyncio.CancelledError:
            stop.set()  # the thread stops at its next check instead of decoding for nobody
            raise
        if result is None or not self._is_current(generation):
            return
        self._task = self._stop = None
        done(result)

    def _is_current(self, generation: int) -> bool:
        return shiboken6.isValid(self) and generation == self._generation

    def _drop_decode(self) -> None:
        self._generation += 1
        self._loading = False
        self._loading_timer.stop()
        if self._stop is not None:
            self._stop.set()
        if self._task is not None:
            self._task.cancel()
        self._task = self._stop = None

    def _on_preview_decoded(self, result: DecodeResult) -> None:
        self._loading = False
        self._loading_timer.stop()
        if isinstance(result, media.DecodeFailure):
            self._show_failure(result.message)
            return
        self._image_size = QSize(result.source_width, result.source_height)
        self._detail = _Detail.WANTED if result.reduced else _Detail.NOT_NEEDED
        self._stack.setCurrentWidget(self.canvas)
        self.canvas.set_picture(pixmap_of(result), self._image_size, has_alpha=result.has_alpha)
        self._set_info(media.describe_decoded(result))
        self.load_finished.emit(True)

    def _on_detail_decoded(self, result: DecodeResult) -> None:
        if isinstance(result, media.DecodeFailure):
            _log.info("no sharper decode: %s", result.message)
            return
        self.canvas.replace_pixmap(pixmap_of(result))
        if result.reduced:
            described = media.describe_decoded(result)
            shown = self.tr("shown at %1 × %2").replace("%1", str(result.width))
            self._set_info(f"{described} · {shown.replace('%2', str(result.height))}")

    def _on_decode_error(self, generation: int, message: str) -> None:
        if not self._is_current(generation):
            return
        if self.canvas.has_image():  # only the sharper decode failed: keep what is shown
            return
        name = self._path.name if self._path is not None else self.tr("the image")
        self._show_failure(self.tr("Cannot show %1: %2").replace("%1", name).replace("%2", message))

    def _show_failure(self, text: str) -> None:
        self.clear()
        self._show_message(text, muted=False)
        self.load_finished.emit(False)

    def _show_message(self, text: str, *, muted: bool) -> None:
        role = QPalette.ColorRole.PlaceholderText if muted else QPalette.ColorRole.WindowText
        self._message.setForegroundRole(role)
        self._message.setText(text)
        self._stack.setCurrentWidget(self._message)

    def _screen_box(self) -> tuple[int, int]:
        """Device pixels a fitted picture can take at most: the screen (or a larger window)."""
        screen = self.screen()
        ratio = screen.devicePixelRatio()
        size = screen.size().expandedTo(self.canvas.viewport().size())
        return math.ceil(size.width() * ratio), math.ceil(size.height() * ratio)

    # -- slots ---------------------------------------------------------------------------------

    def _on_loading_timer_timeout(self) -> None:
        if self._loading:
            self._show_message(self.tr(LOADING_TEXT), muted=True)

    def _zoom_in(self) -> None:
        self.canvas.zoom_by(KEY_STEP)

    def _zoom_out(self) -> None:
        self.canvas.zoom_by(1 / KEY_STEP)

    def _on_canvas_zoom_changed(self, factor: float) -> None:
        self._zoom_label.setText(f"{factor * 100:.0f} %")
        sharper = factor > self.canvas.pixmap_scale() * DETAIL_MARGIN
        if self._detail is _Detail.WANTED and sharper and self._path is not None:
            self._detail = _Detail.ASKED
            self._run(functools.partial(media.decode_detail, self._path), self._on_detail_decoded)
