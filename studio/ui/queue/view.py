"""The queue panel: a header with counts and "Cancel all", and a list of painted job rows."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QAction,
    QDrag,
    QFontDatabase,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QListView,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from studio.core.jobs import Job
from studio.ui.queue.model import JobRole

if TYPE_CHECKING:
    from studio.ui.queue.view_model import QueueViewModel


from studio.ui.chain.outputs_drag import DRAG_SIDE, drag_thumbnail
from studio.ui.chain.popup import EXTEND_KEYS, FRAMES_KEYS, SEND_TO_KEYS
from studio.ui.queue.delegate import QueueDelegate
from studio.ui.queue.header import QueueHeader
from studio.ui.thumbnails import thumb_key
from studio.ui.viewports import own_viewport
from studio.ui.window_state import window_state_store

if TYPE_CHECKING:
    from pathlib import Path

    from studio.ui.thumbnails import ThumbnailLoader


def _sendable(job: Job) -> bool:
    return any(o.path is not None and o.media.kind.value in ("image", "video", "audio")
               for o in job.outputs)  # fmt: skip


def _video_path(job: Job) -> Path | None:
    return next(
        (o.path for o in job.outputs if o.path is not None and o.media.kind.value == "video"), None
    )


EMPTY_TEXT = str(
    QT_TRANSLATE_NOOP(
        "QueueView", "No tasks yet.\nGenerated images, videos and audio will queue up here."
    )
)
COMPACT_KEY = "queue/compact"


class QueueListView(QListView):
    """The job list; Delete acts on the current row only while the list has focus.

    Signals:
        delete_pressed(): Delete or Backspace with a current row.
        drag_started(), drag_finished(): one of its rows is being dragged, and then no longer.
    """

    delete_pressed = Signal()
    drag_started = Signal()
    drag_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        own_viewport(self)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # rows elide
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.delegate = QueueDelegate(self)
        self.setItemDelegate(self.delegate)
        self._repaint_late = QTimer(self)
        self._repaint_late.setSingleShot(True)
        self._repaint_late.setInterval(0)
        self._repaint_late.timeout.connect(self.viewport().update)

    @property
    def thumbnails(self) -> ThumbnailLoader | None:
        """Where row thumbnails come from (the gallery's loader, so both share its cache)."""
        return self.delegate.thumbnails

    @thumbnails.setter
    def thumbnails(self, loader: ThumbnailLoader | None) -> None:
        if self.delegate.thumbnails is not None:
            self.delegate.thumbnails.thumbnail_ready.disconnect(self._on_thumbnail_ready)
        self.delegate.thumbnails = loader
        if loader is not None:
            loader.thumbnail_ready.connect(self._on_thumbnail_ready)

    def _on_thumbnail_ready(self, key: str) -> None:
        if key in self.delegate.thumbnail_wanted:
            self.delegate.thumbnail_wanted.discard(key)
            self.viewport().update()

    def set_compact(self, compact: bool) -> None:
        """One-line rows (about three times as many in view) or three-line rows."""
        if compact == self.delegate.compact:
            return
        self.delegate.compact = compact
        current = self.currentIndex()
        self.scheduleDelayedItemsLayout()  # uniform sizes: the size hint is asked again
        if current.isValid():
            self.scrollTo(current)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        delete_keys = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        if event.key() in delete_keys and self.currentIndex().isValid():
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    @override
    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        index = self.currentIndex()
        job = index.data(JobRole) if index.isValid() else None
        model = self.model()
        if not isinstance(job, Job) or model is None or not job.outputs:
            return
        drag = QDrag(self)
        drag.setMimeData(model.mimeData([index]))
        kind = job.outputs[0].media.kind.value
        drag.setPixmap(drag_thumbnail(self.thumbnail_for(job), len(job.outputs), kind))
        drag.setHotSpot(QPoint(DRAG_SIDE // 2, DRAG_SIDE // 2))
        self.drag_started.emit()
        try:
            drag.exec(Qt.DropAction.CopyAction)
        finally:
            self.drag_finished.emit()

    def thumbnail_for(self, job: Job) -> QPixmap | None:
        """A cached thumbnail of the row's first output (the gallery's loader), if there is one."""
        path = next((o.path for o in job.outputs if o.path is not None), None)
        if self.thumbnails is None or path is None:
            return None
        return self.thumbnails.pixmap(thumb_key(path))

    @override
    def paintEvent(self, e: QPaintEvent) -> None:
        self.delegate.begin_paint()
        try:
            super().paintEvent(e)
        finally:
            if self.delegate.end_paint():
                self._repaint_late.start()  # rows shown as last drawn: drawn anew next turn
        model = self.model()
        if model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(16, 16, -16, -16)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(area, flags, QCoreApplication.translate("QueueView", EMPTY_TEXT))
            painter.end()


class RawJsonDialog(QDialog):
    """Read-only view of the exact JSON the server sent for a task; open with show()/open()."""

    def __init__(self, job: Job, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        task_id = job.task_id or self.tr("(no task id)")
        self.setWindowTitle(self.tr("Task %1 — raw JSON").replace("%1", task_id))
        raw = job.task.raw if job.task is not None else {}
        self.text = QPlainTextEdit(json.dumps(raw, indent=2, ensure_ascii=False))
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(560, 480)


class QueueView(QWidget):
    """The queue panel over a QueueViewModel.

    New rows scroll into view. The header offers "Clear finished" and, in its ⋯ menu, compact
    rows (remembered in the window state).

    Signals:
        job_selected(Job): the user made this job's row the current one (show_row() does not).
        open_requested(Job): the user asked to open the job's outputs.
    """

    job_selected = Signal(object)
    open_requested = Signal(object)
    cleared = Signal(list)  # "Clear finished" took these local ids out of the queue
    recall_requested = Signal(object, str)  # (Job, "remix" | "use_all" | "use_prompt")
    send_requested = Signal(str, object)  # (local id, QPoint where the list should open)
    frames_requested = Signal(object)  # the Path of a video output
    extend_requested = Signal(object)  # the Path of a video output

    def __init__(self, view_model: QueueViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view_model = view_model
        self._menu_at: QPoint | None = None  # where the last context menu opened
        self.header = QueueHeader()
        self.title, self.count_label = self.header.title, self.header.count_label
        self.cancel_all_button = self.header.cancel_all_button
        self.clear_button, self.clear_action = self.header.clear_button, self.header.clear_action
        self.compact_action = self.header.compact_action
        self._showing_row = False  # a row made current by show_row(): not the user's choice
        self.list = QueueListView()
        self.list.setModel(view_model.model)
        self.list.setDragEnabled(True)  # drop a finished row onto a media input to reuse it
        self.list.setDragDropMode(QListView.DragDropMode.DragOnly)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)
        self._connect()
        self._update_counts(view_model.model.running_count(), view_model.model.rowCount())
        self.set_compact(window_state_store().value(COMPACT_KEY, False) in (True, "true"))

    def set_compact(self, compact: bool) -> None:
        """One-line rows or three-line rows; remembered for the next start."""
        self.list.set_compact(compact)
        if self.compact_action.isChecked() != compact:
            self.compact_action.setChecked(compact)
        window_state_store().setValue(COMPACT_KEY, compact)

    def is_compact(self) -> bool:
        return self.list.delegate.compact

    def clear_finished(self) -> None:
        """Take the settled rows out of the queue; ``cleared`` tells which (for an Undo)."""
        ids = self.view_model.model.settled_ids()
        if ids:
            self.view_model.remove_many(ids)
            self.cleared.emit(ids)

    def _connect(self) -> None:
        self.view_model.counts_changed.connect(self._update_counts)
        self.cancel_all_button.clicked.connect(self.view_model.cancel_all)
        self.clear_button.clicked.connect(self.clear_finished)
        self.clear_action.triggered.connect(self.clear_finished)
        self.compact_action.toggled.connect(self.set_compact)
        self.view_model.model.rowsInserted.connect(self._on_model_rows_inserted)
        self.list.delete_pressed.connect(self._on_list_delete_pressed)
        self.list.customContextMenuRequested.connect(self._on_list_context_menu_requested)
        self.list.doubleClicked.connect(self._on_list_double_clicked)
        selection = self.list.selectionModel()
        selection.currentChanged.connect(self._on_selection_current_changed)
        keys = (
            (SEND_TO_KEYS, self.tr("Send to…"), self._on_key_send),
            (EXTEND_KEYS, self.tr("Extend shot"),
             lambda: self._on_key_video(self.extend_requested)),
            (FRAMES_KEYS, self.tr("Pick a frame…"),
             lambda: self._on_key_video(self.frames_requested)),
        )  # fmt: skip
        for sequence, what, slot in keys:
            shortcut = QShortcut(QKeySequence(sequence), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.setWhatsThis(what)  # the shortcut sheet lists it
            shortcut.activated.connect(slot)

    def current_job(self) -> Job | None:
        job = self.list.currentIndex().data(JobRole)
        return job if isinstance(job, Job) else None

    def select_job(self, local_id: str) -> None:
        """Make the job's row current as the user would (job_selected follows)."""
        row = self.view_model.model.row_of(local_id)
        if row is not None:
            self.list.setCurrentIndex(self.view_model.model.index(row))

    def show_row(self, local_id: str) -> None:
        """Make the job's row current and scroll to it, without job_selected: the app shows
        it (the newest finished job), the user did not choose it."""
        row = self.view_model.model.row_of(local_id)
        if row is None:
            return
        self._showing_row = True
        try:
            self.list.setCurrentIndex(self.view_model.model.index(row))
        finally:
            self._showing_row = False
        self.list.scrollTo(self.view_model.model.index(row))

    def _on_model_rows_inserted(self, _parent: QModelIndex, first: int, _last: int) -> None:
        if first == 0:  # a new job: its row comes into view
            self.list.scrollToTop()

    def actions_for(self, job: Job) -> list[QAction]:
        """The row's actions, enabled only where they apply (the context menu shows them)."""
        outputs = any(output.path is not None for output in job.outputs)
        video = _video_path(job)
        entries = [
            (self.tr("Send to…"), _sendable(job), lambda: self._send(job, self._menu_at),
             SEND_TO_KEYS),
            (self.tr("Extend shot"), video is not None, lambda: self.extend_requested.emit(video),
             EXTEND_KEYS),
            (self.tr("Pick a frame…"), video is not None,
             lambda: self.frames_requested.emit(video), FRAMES_KEYS),
        ]  # fmt: skip
        actions = []
        for text, enabled, slot, keys in entries:
            action = QAction(text, self)
            action.setEnabled(enabled)
            action.setShortcut(QKeySequence(keys))  # shown in the menu; the list's keys act
            action.triggered.connect(slot)
            actions.append(action)
        return actions + self._row_actions(job, outputs)

    def _row_actions(self, job: Job, outputs: bool) -> list[QAction]:
        entries = [
            (
                self.tr("Cancel"),
                self._cancellable(job),
                lambda: self.view_model.cancel(job.local_id),
            ),
            (self.tr("Retry"), job.status.is_settled, lambda: self.view_model.retry(job.local_id)),
            (
                self.tr("Follow again"),
                job.can_follow_again,
                lambda: self.view_model.follow_again(job.local_id),
            ),
            (self.tr("Open output"), outputs, lambda: self.open_requested.emit(self._latest(job))),
            (self.tr("Copy task id"), job.task_id is not None, lambda: self._copy_task_id(job)),
            (self.tr("Show raw JSON"), job.task is not None, lambda: self.show_raw_json(job)),
            (self.tr("Remix (new seed)"), True, lambda: self.recall_requested.emit(job, "remix")),
            (
                self.tr("Use all parameters"),
                True,
                lambda: self.recall_requested.emit(job, "use_all"),
            ),
            (self.tr("Use prompt"), True, lambda: self.recall_requested.emit(job, "use_prompt")),
            (
                self.tr("Remove"),
                job.status.is_settled,
                lambda: self.view_model.remove(job.local_id),
            ),
        ]
        actions = []
        for text, enabled, slot in entries:
            action = QAction(text, self)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
            actions.append(action)
        return actions

    def _cancellable(self, job: Job) -> bool:
        """Running here: a job paused on the other backend cannot be reached from this one."""
        return job.status.is_running and self.view_model.model.paused_on(job) is None

    def _send(self, job: Job, at: QPoint | None = None) -> None:
        self.send_requested.emit(job.local_id, at)

    def _on_key_send(self) -> None:
        job = self.current_job()
        if job is not None and _sendable(self._latest(job)):
            rect = self.list.visualRect(self.list.currentIndex())
            self._send(self._latest(job), self.list.viewport().mapToGlobal(rect.bottomLeft()))

    def _on_key_video(self, signal: SignalInstance) -> None:
        job = self.current_job()
        video = _video_path(self._latest(job)) if job is not None else None
        if video is not None:
            signal.emit(video)

    def context_menu_for(self, job: Job) -> QMenu:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for action in self.actions_for(self._latest(job)):
            action.setParent(menu)
            menu.addAction(action)
        return menu

    def show_raw_json(self, job: Job) -> RawJsonDialog:
        dialog = RawJsonDialog(self._latest(job), self)
        dialog.show()
        return dialog

    def _latest(self, job: Job) -> Job:
        return self.view_model.model.job(job.local_id) or job

    def _copy_task_id(self, job: Job) -> None:
        clipboard = QGuiApplication.clipboard()
        if job.task_id is not None and clipboard is not None:
            clipboard.setText(job.task_id)

    def _update_counts(self, running: int, total: int) -> None:
        settled = len(self.view_model.model.settled_ids()) if total else 0
        self.header.set_counts(running, total, settled)

    def _on_list_delete_pressed(self) -> None:
        job = self.current_job()
        if job is None:
            return
        job = self._latest(job)
        if self._cancellable(job):
            self.view_model.cancel(job.local_id)
        elif job.status.is_settled:
            self.view_model.remove(job.local_id)

    def _on_list_context_menu_requested(self, pos: QPoint) -> None:
        job = self.list.indexAt(pos).data(JobRole)
        if isinstance(job, Job):
            # popup(), not exec(): no nested event loop under qasync.
            self._menu_at = self.list.viewport().mapToGlobal(pos)
            self.context_menu_for(job).popup(self._menu_at)

    def _on_list_double_clicked(self, index: QModelIndex) -> None:
        job = index.data(JobRole)
        if isinstance(job, Job) and any(output.path is not None for output in job.outputs):
            self.open_requested.emit(job)

    def _on_selection_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        job = current.data(JobRole)
        if isinstance(job, Job) and not self._showing_row:
            self.job_selected.emit(job)
