"""The queue panel: a header with counts and "Cancel all", and a list of painted job rows."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from studio.core.tasks_models import Job, JobStatus
from studio.ui.queue_model import JobRole, QueueRole, status_label

if TYPE_CHECKING:
    from studio.ui.queue_model import QueueViewModel

_STATUS_COLOURS = {
    JobStatus.SUBMITTING: "#7d8590",
    JobStatus.QUEUED: "#7d8590",
    JobStatus.PROCESSING: "#2f7bd8",
    JobStatus.SUCCEEDED: "#2e9d57",
    JobStatus.FAILED: "#d64545",
    JobStatus.TIMEOUT: "#e07b22",
    JobStatus.CANCELED: "#7d8590",
    JobStatus.UNKNOWN: "#c99a06",
    JobStatus.LOST: "#c99a06",
}
_GLYPHS = {
    "Waiting": "…",
    "Sending": "↑",
    "Queued": "○",
    "Running": "●",
    "Saving": "↓",
    "Done": "✓",
    "Failed": "✕",
    "Timed out": "◷",
    "Canceled": "⊘",
    "Unknown": "?",
    "Lost": "⚠",
}
PILL_WIDTH = 92
PADDING = 8
EMPTY_TEXT = "No tasks yet.\nGenerated images, videos and audio will queue up here."


WARNING_COLOUR = "#c99a06"


def tone(hex_colour: str, palette: QPalette) -> QColor:
    """``hex_colour`` shifted so it stays readable on this palette's base colour."""
    colour = QColor(hex_colour)
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return colour.lighter(135) if dark else colour.darker(115)


def status_colour(job: Job, palette: QPalette) -> QColor:
    return tone(_STATUS_COLOURS[job.status], palette)


class QueueDelegate(QStyledItemDelegate):
    """Three-line rows of equal height: pill + name + time / prompt / detail or error."""

    @override
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(320, 3 * option.fontMetrics.lineSpacing() + 2 * PADDING + 4)

    @override
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        job = index.data(JobRole)
        if not isinstance(job, Job):
            return
        painter.save()
        self._paint_background(painter, option, index)
        separator = QColor(option.palette.color(QPalette.ColorRole.PlaceholderText))
        separator.setAlpha(50)
        painter.setPen(separator)
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        line = option.fontMetrics.lineSpacing()
        rows = [
            QRect(rect.left(), rect.top() + i * (line + 2), rect.width(), line) for i in range(3)
        ]
        self._paint_pill(painter, option, job, QRect(rows[0].topLeft(), QSize(PILL_WIDTH, line)))
        self._paint_title(
            painter, option, index, job, rows[0].adjusted(PILL_WIDTH + PADDING, 0, 0, 0)
        )
        prompt = str(index.data(QueueRole.PROMPT) or "")
        canceled = job.status is JobStatus.CANCELED
        self._paint_line(painter, option, rows[1], prompt, self._secondary(option), italic=canceled)
        detail = str(index.data(QueueRole.DETAIL) or "")
        self._paint_line(painter, option, rows[2], detail, self._detail_colour(option, job))
        painter.restore()

    def _paint_background(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

    def _paint_pill(
        self, painter: QPainter, option: QStyleOptionViewItem, job: Job, rect: QRect
    ) -> None:
        colour = status_colour(job, option.palette)
        fill = QColor(colour)
        fill.setAlpha(48)
        if self._selected(option):  # a tinted pill would vanish into the highlight
            fill = option.palette.color(QPalette.ColorRole.Base)
        path = QPainterPath()
        path.addRoundedRect(rect.adjusted(0, 1, 0, -1), rect.height() / 2, rect.height() / 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillPath(path, fill)
        font = QFont(option.font)
        font.setBold(True)
        font.setItalic(job.status is JobStatus.CANCELED)
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.88))
        painter.setFont(font)
        painter.setPen(colour)
        label = status_label(job)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{_GLYPHS.get(label, '')} {label}")

    def _paint_title(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        job: Job,
        rect: QRect,
    ) -> None:
        timing = "  ·  ".join(
            t for t in (index.data(QueueRole.ELAPSED), index.data(QueueRole.ETA)) if t
        )
        painter.setFont(option.font)
        timing_width = painter.fontMetrics().horizontalAdvance(timing) if timing else 0
        painter.setPen(self._secondary(option))
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, timing)
        name_rect = rect.adjusted(0, 0, -(timing_width + PADDING), 0)
        bold = QFont(option.font)
        bold.setBold(True)
        bold.setItalic(job.status is JobStatus.CANCELED)
        painter.setFont(bold)
        painter.setPen(self._primary(option, job))
        name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        elided = painter.fontMetrics().elidedText(
            name, Qt.TextElideMode.ElideMiddle, name_rect.width()
        )
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(name_rect, left, elided)

    def _paint_line(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        rect: QRect,
        text: str,
        colour: QColor,
        *,
        italic: bool = False,
    ) -> None:
        font = QFont(option.font)
        font.setItalic(italic)
        painter.setFont(font)
        painter.setPen(colour)
        elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)

    @staticmethod
    def _selected(option: QStyleOptionViewItem) -> bool:
        return bool(option.state & QStyle.StateFlag.State_Selected)

    def _primary(self, option: QStyleOptionViewItem, job: Job) -> QColor:
        if self._selected(option):
            return option.palette.color(QPalette.ColorRole.HighlightedText)
        if job.status is JobStatus.CANCELED:
            return option.palette.color(QPalette.ColorRole.PlaceholderText)
        return option.palette.color(QPalette.ColorRole.Text)

    def _secondary(self, option: QStyleOptionViewItem) -> QColor:
        if self._selected(option):
            return option.palette.color(QPalette.ColorRole.HighlightedText)
        return option.palette.color(QPalette.ColorRole.PlaceholderText)

    def _detail_colour(self, option: QStyleOptionViewItem, job: Job) -> QColor:
        if self._selected(option):
            return option.palette.color(QPalette.ColorRole.HighlightedText)
        if job.status.is_running and job.warning:
            return tone(WARNING_COLOUR, option.palette)
        if job.error:
            return status_colour(job, option.palette)
        return option.palette.color(QPalette.ColorRole.PlaceholderText)


class QueueListView(QListView):
    """The job list; Delete acts on the current row only while the list has focus.

    Signals:
        delete_pressed(): Delete or Backspace with a current row.
    """

    delete_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setItemDelegate(QueueDelegate(self))

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        delete_keys = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        if event.key() in delete_keys and self.currentIndex().isValid():
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    @override
    def paintEvent(self, e: QPaintEvent) -> None:
        super().paintEvent(e)
        model = self.model()
        if model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(16, 16, -16, -16)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(area, flags, EMPTY_TEXT)
            painter.end()


class RawJsonDialog(QDialog):
    """Read-only view of the exact JSON the server sent for a task; open with show()/open()."""

    def __init__(self, job: Job, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        task_id = job.task_id or "(no task id)"
        self.setWindowTitle(f"Task {task_id} — raw JSON")
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

    Signals:
        job_selected(Job): the current row changed to this job.
        open_requested(Job): the user asked to open the job's outputs.
    """

    job_selected = Signal(object)
    open_requested = Signal(object)
    recall_requested = Signal(object, str)  # (Job, "remix" | "use_all" | "use_prompt")

    def __init__(self, view_model: QueueViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view_model = view_model
        self.title = QLabel("Queue")
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_all_button = QPushButton("Cancel all running")
        self.cancel_all_button.setToolTip("Cancel every task that has not finished yet")
        self.list = QueueListView()
        self.list.setModel(view_model.model)
        self.list.setDragEnabled(True)  # drop a finished row onto a media input to reuse it
        self.list.setDragDropMode(QListView.DragDropMode.DragOnly)
        self._build_layout()
        self._connect()
        self._update_counts(view_model.model.running_count(), view_model.model.rowCount())

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.count_label)
        header.addStretch(1)
        header.addWidget(self.cancel_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.list, 1)

    def _connect(self) -> None:
        self.view_model.counts_changed.connect(self._update_counts)
        self.cancel_all_button.clicked.connect(self.view_model.cancel_all)
        self.list.delete_pressed.connect(self._on_list_delete_pressed)
        self.list.customContextMenuRequested.connect(self._on_list_context_menu_requested)
        self.list.doubleClicked.connect(self._on_list_double_clicked)
        selection = self.list.selectionModel()
        selection.currentChanged.connect(self._on_selection_current_changed)

    def current_job(self) -> Job | None:
        job = self.list.currentIndex().data(JobRole)
        return job if isinstance(job, Job) else None

    def select_job(self, local_id: str) -> None:
        row = self.view_model.model.row_of(local_id)
        if row is not None:
            self.list.setCurrentIndex(self.view_model.model.index(row))

    def actions_for(self, job: Job) -> list[QAction]:
        """The row's actions, enabled only where they apply (the context menu shows them)."""
        outputs = any(output.path is not None for output in job.outputs)
        entries = [
            ("Cancel", job.status.is_running, lambda: self.view_model.cancel(job.local_id)),
            ("Retry", job.status.is_settled, lambda: self.view_model.retry(job.local_id)),
            ("Open output", outputs, lambda: self.open_requested.emit(self._latest(job))),
            ("Copy task id", job.task_id is not None, lambda: self._copy_task_id(job)),
            ("Show raw JSON", job.task is not None, lambda: self.show_raw_json(job)),
            ("Remix (new seed)", True, lambda: self.recall_requested.emit(job, "remix")),
            ("Use all parameters", True, lambda: self.recall_requested.emit(job, "use_all")),
            ("Use prompt", True, lambda: self.recall_requested.emit(job, "use_prompt")),
            ("Remove", job.status.is_settled, lambda: self.view_model.remove(job.local_id)),
        ]
        actions = []
        for text, enabled, slot in entries:
            action = QAction(text, self)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
            actions.append(action)
        return actions

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
        self.count_label.setText(f"{running} running · {total} total" if total else "")
        self.cancel_all_button.setEnabled(running > 0)

    def _on_list_delete_pressed(self) -> None:
        job = self.current_job()
        if job is None:
            return
        job = self._latest(job)
        if job.status.is_running:
            self.view_model.cancel(job.local_id)
        else:
            self.view_model.remove(job.local_id)

    def _on_list_context_menu_requested(self, pos: QPoint) -> None:
        job = self.list.indexAt(pos).data(JobRole)
        if isinstance(job, Job):
            # popup(), not exec(): no nested event loop under qasync.
            self.context_menu_for(job).popup(self.list.viewport().mapToGlobal(pos))

    def _on_list_double_clicked(self, index: QModelIndex) -> None:
        job = index.data(JobRole)
        if isinstance(job, Job) and any(output.path is not None for output in job.outputs):
            self.open_requested.emit(job)

    def _on_selection_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        job = current.data(JobRole)
        if isinstance(job, Job):
            self.job_selected.emit(job)
