"""The Send to… list: every endpoint that takes an output, grouped and searchable."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from studio.core.chain import (
    ExtendTarget,
    Group,
    SendTarget,
    Source,
)
from studio.ui.i18n.core_words import kind_word
from studio.ui.plain import plain_label, plain_tooltip
from studio.ui.plural import english_plural

if TYPE_CHECKING:
    from collections.abc import Sequence

    from studio.core.schema import MediaInput

SEND_TO_KEYS = "Ctrl+T"
EXTEND_KEYS = "Ctrl+E"
FRAMES_KEYS = "Ctrl+Shift+F"
_ENTRY = Qt.ItemDataRole.UserRole + 1


# The groups core names (studio.core.chain.Group), for lupdate; group_word translates them.
_GROUP_WORDS = (
    str(QT_TRANSLATE_NOOP("SendTo", "Animate")),
    str(QT_TRANSLATE_NOOP("SendTo", "Extend")),
    str(QT_TRANSLATE_NOOP("SendTo", "Edit")),
    str(QT_TRANSLATE_NOOP("SendTo", "Use as end frame")),
    str(QT_TRANSLATE_NOOP("SendTo", "Use as reference")),
    str(QT_TRANSLATE_NOOP("SendTo", "Transcribe")),
    str(QT_TRANSLATE_NOOP("SendTo", "Soundtrack")),
)


def group_word(group: str) -> str:
    """A Send to… group heading in the installed language."""
    return QCoreApplication.translate("SendTo", group)


def send_to_action(parent: QObject, with_keys: bool = True) -> QAction:
    """The "Send to…" action with its shortcut shown, for any menu or bar."""
    action = QAction(QCoreApplication.translate("SendTo", "Send to…"), parent)
    action.setToolTip(
        QCoreApplication.translate(
            "SendTo", "Use this output as the input of another model (Ctrl+T)"
        )
    )
    if with_keys:
        action.setShortcut(QKeySequence(SEND_TO_KEYS))
    return action


@dataclass(frozen=True)
class Entry:
    """One line of the list: an endpoint under a group, with the fields that fit."""

    group: str
    slug: str
    name: str
    fields: tuple[MediaInput, ...]
    uses: int = 0
    extend: ExtendTarget | None = None  # Extend shot: a frame (or the clip) goes on


def entries_for(targets: Sequence[SendTarget], extend: Sequence[ExtendTarget] = ()) -> list[Entry]:
    """The popup's lines: for a video the Extend group is Extend shot (family first)."""
    lines = [
        Entry(group_word(t.group.value), t.slug, t.name, t.fields, t.uses)
        for t in targets
        if not (extend and t.group is Group.EXTEND)
    ]
    shots = [
        Entry(group_word(Group.EXTEND.value), t.slug, t.name, (t.field,), t.uses, extend=t)
        for t in extend
    ]
    first_other = next(
        (i for i, e in enumerate(lines) if e.group != group_word(Group.ANIMATE.value)), len(lines)
    )
    return lines[:first_other] + shots + lines[first_other:]


class SendToPopup(QFrame):
    """A popup list of Entries grouped under headings, filtered by the search box."""

    picked = Signal(object)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        # A tool window, not a Qt.Popup: a popup closes whenever any other window is shown (a
        # form being rebuilt behind it did that); this one closes on Escape, a pick, or when
        # the user goes elsewhere.
        flags = Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
        super().__init__(parent, flags)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = plain_label(title, wrap=False)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.what = plain_label(wrap=False, small=True)  # what is sent, cut to fit
        self.search = QLineEdit()
        self.search.setPlaceholderText(QCoreApplication.translate("SendTo", "Search models…"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(10)
        self.tree.setColumnCount(2)
        self.message = plain_label()
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.what)
        layout.addWidget(self.search)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        self.setFixedWidth(440)
        self.resize(440, 480)
        self._entries: list[Entry] = []
        self._disabled_reason: str | None = None
        self.search.textChanged.connect(self._refill)
        self.search.installEventFilter(self)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.itemClicked.connect(self._on_tree_item_activated)
        self.show_message(QCoreApplication.translate("SendTo", "Finding the models that take it…"))

    def show_what(self, text: str) -> None:
        """What is being sent, elided to the list's width (the whole text in the tooltip)."""
        metrics = self.what.fontMetrics()
        self.what.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, 420))
        self.what.setToolTip(plain_tooltip(text))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_entries(self, entries: Sequence[Entry], disabled_reason: str | None = None) -> None:
        """The list to show; with a reason every line is shown but greyed out, saying why."""
        self._entries = list(entries)
        self._disabled_reason = disabled_reason
        if disabled_reason:
            self.show_message(disabled_reason)
        elif not entries:
            self.show_message(
                QCoreApplication.translate("SendTo", "No model takes this kind of output.")
            )
        else:
            self.show_message("")
        self._refill()

    def entries(self) -> list[Entry]:
        """The lines shown now (after the search), in order."""
        found = []
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            entry = item.data(0, _ENTRY) if item is not None else None
            if isinstance(entry, Entry):
                found.append(entry)
        return found

    def pick(self, entry: Entry) -> None:
        """Choose an entry as a click would (tests, keyboard)."""
        if self._disabled_reason is None:
            self.picked.emit(entry)
            self.close()

    def _refill(self) -> None:
        words = self.search.text().lower().split()
        self.tree.clear()
        group = None
        for entry in self._entries:
            haystack = f"{entry.name} {entry.slug} {entry.group}".lower()
            if not all(word in haystack for word in words):
                continue
            if entry.group != group:
                group = entry.group
                self._add_heading(group)
            self._add_entry(entry)
        first = self._first_entry_item()
        if first is not None:
            self.tree.setCurrentItem(first)
        self.tree.resizeColumnToContents(0)

    def _add_heading(self, group: str) -> None:
        heading = QTreeWidgetItem([group])
        font = heading.font(0)
        font.setBold(True)
        heading.setFont(0, font)
        heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(heading)

    def _add_entry(self, entry: Entry) -> None:
        detail = ", ".join(f.title for f in entry.fields)
        if entry.extend is not None and not entry.extend.takes_clip:
            detail = QCoreApplication.translate("SendTo", "last frame → %1").replace("%1", detail)
        item = QTreeWidgetItem(["   " + entry.name, detail])
        item.setData(0, _ENTRY, entry)
        tip = f"{entry.slug}\n{detail}"
        if entry.uses:
            used = QCoreApplication.translate("SendTo", "Used %n time(s)", "", entry.uses)
            tip += "\n" + english_plural(used, entry.uses)
        if self._disabled_reason:
            tip = f"{tip}\n{self._disabled_reason}"
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setToolTip(0, plain_tooltip(tip))
        self.tree.addTopLevelItem(item)

    def _first_entry_item(self) -> QTreeWidgetItem | None:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None and isinstance(item.data(0, _ENTRY), Entry):
                return item
        return None

    def _on_tree_item_activated(self, item: QTreeWidgetItem) -> None:
        entry = item.data(0, _ENTRY)
        if isinstance(entry, Entry):
            self.pick(entry)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        super().closeEvent(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Typing stays in the search box; arrows and Enter act on the list.
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == (QEvent.Type.KeyPress)
        ):
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._step(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.tree.currentItem()
                if current is not None:
                    self._on_tree_item_activated(current)
                return True
        return super().eventFilter(watched, event)

    def _step(self, delta: int) -> None:
        count = self.tree.topLevelItemCount()
        current = self.tree.currentItem()
        row = self.tree.indexOfTopLevelItem(current) if current is not None else -1
        while 0 <= row + delta < count:
            row += delta
            item = self.tree.topLevelItem(row)
            if item is not None and isinstance(item.data(0, _ENTRY), Entry):
                self.tree.setCurrentItem(item)
                return

    def popup_at(self, where: QPoint) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        x, y = where.x(), where.y()
        if screen is not None:
            x = max(screen.left(), min(x, screen.right() - self.width()))
            y = max(screen.top(), min(y, screen.bottom() - self.height()))
        self.move(x, y)
        self.show()
        self.activateWindow()
        self.search.setFocus()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)


def describe_sources(sources: Sequence[Source]) -> str:
    """The popup's title: what is being sent."""
    if len(sources) == 1:
        source = sources[0]
        what = " ".join(source.prompt.split())[:60] or source.name
        details = source.details()
        return f"{kind_word(source.kind)} · {what}" + (f" · {details}" if details else "")
    kind = sources[0].kind if sources else ""
    count = english_plural(
        QCoreApplication.translate("SendTo", "%n output(s)", "", len(sources)), len(sources)
    )
    return count + (f" · {kind_word(kind)}" if kind else "")


def problem_of(sources: Sequence[Source]) -> str | None:
    """Why these outputs cannot be sent anywhere, or None."""
    if not sources:
        return QCoreApplication.translate("SendTo", "There is no saved output to send.")
    broken = next((s for s in sources if s.problem is not None), None)
    if broken is not None:
        return f"{broken.name}: {broken.problem}"
    if len({s.kind for s in sources}) > 1:
        return QCoreApplication.translate(
            "SendTo", "Select outputs of one kind to send them together."
        )
    if sources[0].kind not in ("image", "video", "audio"):
        return QCoreApplication.translate(
            "SendTo", "Only images, videos and audio can go to another model."
        )
    return None
