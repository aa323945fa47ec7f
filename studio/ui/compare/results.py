"""The results of one round, side by side, with the controls that act on all columns at once:
synced zoom and an A/B wipe for pictures, one transport for videos, solo for audio; the round
shown, and Rerun.

Signals:
    verdict_requested(int column, object Verdict), use_requested(object Job),
    retry_requested(int column), request_requested(int column), send_requested(object Job) —
        from a column (see column.py);
    rerun_requested() — Rerun (Ctrl+R);
    round_requested(int) — the user stepped to another round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from studio.ui.compare.audio_sync import AudioLane, AudioSync
from studio.ui.compare.column import ResultColumn
from studio.ui.compare.images import ViewSync
from studio.ui.compare.transport import SyncTransport
from studio.ui.compare.video_sync import VideoLane, VideoSync
from studio.ui.compare.wipe import WipeView
from studio.ui.preview.image_canvas import KEY_STEP

if TYPE_CHECKING:
    from datetime import datetime

    from studio.core.jobs import Job


class _Row(QHBoxLayout):
    """The columns' row claims no height-for-width, so the scroll area fits it to the view
    instead of growing it to every wrapped label's preferred height."""

    @override
    def hasHeightForWidth(self) -> bool:
        return False


class ResultsView(QWidget):
    """See the module docstring for signals."""

    verdict_requested = Signal(int, object)
    use_requested = Signal(object)
    retry_requested = Signal(int)
    request_requested = Signal(int)
    send_requested = Signal(object)
    rerun_requested = Signal()
    round_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.capability = ""
        self._columns: list[ResultColumn] = []
        self._video_lanes: dict[int, VideoLane] = {}
        self._audio_lanes: dict[int, int] = {}  # column -> lane index in audio
        self._round = (0, 0)
        self.view_sync = ViewSync(self)
        self.video = VideoSync(self)
        self.audio = AudioSync(self)
        self.wipe = WipeView(self)
        self.view_sync.add(self.wipe)
        self._build_bar()
        self._build_body()
        self.audio.solo_changed.connect(self._on_audio_solo_changed)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # a click in the results arms its keys
        self._add_picture_keys()
        self.set_columns("", [])
        self.set_round(0, 0)

    def _build_bar(self) -> None:
        self.round_label = QLabel(self)
        self.previous_round = QToolButton(self)
        self.previous_round.setText("◀")
        self.previous_round.setToolTip(self.tr("Previous round"))
        self.next_round = QToolButton(self)
        self.next_round.setText("▶")
        self.next_round.setToolTip(self.tr("Next round"))
        self.rerun_button = QPushButton(self.tr("Rerun"), self)
        self.rerun_button.setShortcut(QKeySequence("Ctrl+R"))
        self.rerun_button.setToolTip(
            self.tr("Run the same comparison again with new seeds, as a new round (Ctrl+R)")
        )
        self.transport = SyncTransport(self)
        self.image_tools = self._image_tools()
        self.tools = QStackedWidget(self)
        self._no_tools = QWidget(self)
        self.tools.addWidget(self._no_tools)
        self.tools.addWidget(self.image_tools)
        self.tools.addWidget(self.transport)
        self.previous_round.clicked.connect(lambda: self.round_requested.emit(self._round[0] - 1))
        self.next_round.clicked.connect(lambda: self.round_requested.emit(self._round[0] + 1))
        self.rerun_button.clicked.connect(self.rerun_requested)

    def _image_tools(self) -> QWidget:
        tools = QWidget(self)
        row = QHBoxLayout(tools)
        row.setContentsMargins(0, 0, 0, 0)
        for text, tip, slot in (
            (self.tr("Fit"), self.tr("Fit every picture (F)"), self.view_sync.fit_all),
            ("1:1", self.tr("Every picture at 100 % (1)"), self.view_sync.actual_size_all),
            ("−", self.tr("Zoom out all (-)"), lambda: self.view_sync.zoom_all(1 / KEY_STEP)),
            ("+", self.tr("Zoom in all (+)"), lambda: self.view_sync.zoom_all(KEY_STEP)),
        ):
            button = QToolButton(tools)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            row.addWidget(button)
        self.wipe_button = QToolButton(tools)
        self.wipe_button.setText(self.tr("A/B wipe"))
        self.wipe_button.setCheckable(True)
        self.wipe_button.setToolTip(
            self.tr("Lay two results over each other and wipe between them (W)")
        )
        self.wipe_a = QComboBox(tools)
        self.wipe_b = QComboBox(tools)
        for combo in (self.wipe_a, self.wipe_b):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(18)
        row.addSpacing(12)
        for widget in (self.wipe_button, QLabel("A", tools), self.wipe_a, QLabel("B", tools),
                       self.wipe_b):  # fmt: skip
            row.addWidget(widget)
        row.addStretch(1)
        self.wipe_button.toggled.connect(self._update_wipe)
        self.wipe_a.currentIndexChanged.connect(self._update_wipe)
        self.wipe_b.currentIndexChanged.connect(self._update_wipe)
        return tools

    def _add_picture_keys(self) -> None:
        """F, 1, + and − act on every picture at once (on a single canvas they would act on it
        alone); W toggles the wipe."""
        for keys, what, slot in (
            ("F", self.tr("Fit every picture"), self.view_sync.fit_all),
            ("1", self.tr("Every picture at 100%"), self.view_sync.actual_size_all),
            ("+", self.tr("Zoom in on every picture"), lambda: self.view_sync.zoom_all(KEY_STEP)),
            ("=", self.tr("Zoom in on every picture"), lambda: self.view_sync.zoom_all(KEY_STEP)),
            ("-", self.tr("Zoom out of every picture"),
             lambda: self.view_sync.zoom_all(1 / KEY_STEP)),
            ("W", self.tr("Wipe between two pictures"), self.wipe_button.toggle),
        ):  # fmt: skip
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(what)  # the shortcut sheet lists it
            shortcut.activated.connect(slot)

    def _build_body(self) -> None:
        self._row = _Row()
        self._row.setContentsMargins(0, 0, 0, 0)
        holder = QWidget(self)
        holder.setLayout(self._row)
        self.columns_area = QScrollArea(self)
        self.columns_area.setWidgetResizable(True)
        self.columns_area.setFrameShape(QFrame.Shape.NoFrame)
        self.columns_area.setWidget(holder)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.pages = QStackedWidget(self)
        for page in (self.empty_label, self.columns_area, self.wipe):
            self.pages.addWidget(page)
        bar = QHBoxLayout()
        bar.addWidget(self.previous_round)
        bar.addWidget(self.round_label)
        bar.addWidget(self.next_round)
        bar.addWidget(self.rerun_button)
        bar.addSpacing(12)
        bar.addWidget(self.tools, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)

    # --- columns ---------------------------------------------------------------------------------

    def set_columns(self, capability: str, heads: list[tuple[str, str]]) -> None:
        """New columns (title, variant label) for a capability; old media is let go."""
        self.video.clear()
        self.audio.clear()
        self.transport.bind(None)
        self._video_lanes, self._audio_lanes = {}, {}
        for column in self._columns:
            self.view_sync.remove(column.canvas)
            self._row.removeWidget(column)
            column.deleteLater()
        self.capability = capability
        self._columns = [
            ResultColumn(i, title, label, capability, self)
            for i, (title, label) in enumerate(heads)
        ]
        for column in self._columns:
            self._row.addWidget(column, 1)
            self.view_sync.add(column.canvas)
            self._connect(column)
        self.wipe_button.setChecked(False)
        tools = {"image": self.image_tools, "video": self.transport, "audio": self.transport}
        self.tools.setCurrentWidget(tools.get(capability, self._no_tools))
        if capability == "video":
            self.transport.bind(self.video)
        elif capability == "audio":
            self.transport.bind(self.audio)
        self.pages.setCurrentWidget(self.columns_area if heads else self.empty_label)
        self.rerun_button.setEnabled(bool(heads))
        self._update_wipe_choices()

    def _connect(self, column: ResultColumn) -> None:
        column.verdict_requested.connect(self.verdict_requested)
        column.use_requested.connect(self.use_requested)
        column.retry_requested.connect(self.retry_requested)
        column.request_requested.connect(self.request_requested)
        column.send_requested.connect(self.send_requested)
        column.solo_requested.connect(self._on_column_solo_requested)
        column.picture_loaded.connect(self._on_column_picture_loaded)
        column.mute_button.toggled.connect(lambda muted, c=column: self._on_mute(c.index, muted))
        column.mute_button.setChecked(column.index != 0)  # one voice at first, not six

    def columns(self) -> list[ResultColumn]:
        return list(self._columns)

    def set_empty_text(self, text: str) -> None:
        self.empty_label.setText(text)

    def set_round(self, index: int, count: int) -> None:
        self._round = (index, count)
        self.round_label.setText(
            self.tr("Round %1 of %2").replace("%1", str(index + 1)).replace("%2", str(count))
        )
        self.previous_round.setEnabled(index > 0)
        self.next_round.setEnabled(index < count - 1)
        for widget in (self.round_label, self.previous_round, self.next_round):
            widget.setVisible(count > 1)

    def show_job(self, column: int, job: Job, now: datetime) -> None:
        target = self._columns[column]
        target.show_job(job, now)
        path = target.result_path()
        if path is None:
            return
        if self.capability == "video" and column not in self._video_lanes:
            lane = VideoLane(target.frame_view, self)
            lane.audio.setMuted(target.mute_button.isChecked())
            lane.load(path)
            self._video_lanes[column] = lane
            self.video.add(lane)
        elif self.capability == "audio" and column not in self._audio_lanes:
            lane_index = len(self.audio.lanes())
            audio_lane = AudioLane(target.waveform, self)
            self.audio.add(audio_lane)
            audio_lane.load(path)
            self._audio_lanes[column] = lane_index
            target.set_solo(lane_index == self.audio.solo())

    def refresh_elapsed(self, now: datetime) -> None:
        for column in self._columns:
            column.refresh_elapsed(now)

    # --- media ---------------------------------------------------------------------------------

    def _on_mute(self, column: int, muted: bool) -> None:
        lane = self._video_lanes.get(column)
        if lane is not None:
            lane.audio.setMuted(muted)

    def _on_column_solo_requested(self, column: int) -> None:
        lane = self._audio_lanes.get(column)
        if lane is not None:
            self.audio.set_solo(lane)
        self._on_audio_solo_changed(self.audio.solo())

    def _on_audio_solo_changed(self, lane_index: int) -> None:
        for column, lane in self._audio_lanes.items():
            self._columns[column].set_solo(lane == lane_index)

    def _on_column_picture_loaded(self, column: int) -> None:
        leader = next(
            (c.canvas for c in self._columns if c.index != column and not c.canvas.is_fit()
             and c.canvas.view_state() is not None), None,
        )  # fmt: skip
        state = leader.view_state() if leader is not None else None
        if state is not None:
            self._columns[column].canvas.apply_view(state)
        self._update_wipe_choices()

    def _update_wipe_choices(self) -> None:
        shown = [c for c in self._columns if c.picture()[0] is not None]
        for combo, default in ((self.wipe_a, 0), (self.wipe_b, 1)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for column in shown:
                combo.addItem(column.title_label.text(), column.index)
            index = combo.findData(current) if current is not None else -1
            combo.setCurrentIndex(index if index >= 0 else min(default, combo.count() - 1))
            combo.blockSignals(False)
        if self.wipe_a.currentData() == self.wipe_b.currentData() and self.wipe_b.count() > 1:
            self.wipe_b.setCurrentIndex(1 if self.wipe_a.currentIndex() == 0 else 0)
        self.wipe_button.setEnabled(len(shown) >= 2)

    def set_wipe(self, a: int, b: int) -> None:
        """Wipe between columns a and b (both must show a picture)."""
        self.wipe_a.setCurrentIndex(self.wipe_a.findData(a))
        self.wipe_b.setCurrentIndex(self.wipe_b.findData(b))
        self.wipe_button.setChecked(True)
        self._update_wipe()

    def _update_wipe(self) -> None:
        a, b = self.wipe_a.currentData(), self.wipe_b.currentData()
        wanted = self.wipe_button.isChecked() and a is not None and b is not None
        if not wanted:
            self.pages.setCurrentWidget(self.columns_area if self._columns else self.empty_label)
            return
        first, second = self._columns[int(a)], self._columns[int(b)]
        pixmap_a, size_a = first.picture()
        pixmap_b, _ = second.picture()
        if pixmap_a is None or pixmap_b is None:
            return
        labels = (f"A · {first.title_label.text()}", f"B · {second.title_label.text()}")
        self.wipe.set_pictures(pixmap_a, size_a, pixmap_b, labels)
        self.pages.setCurrentWidget(self.wipe)
        state = first.canvas.view_state()
        if state is not None and not first.canvas.is_fit():
            self.wipe.apply_view(state)
