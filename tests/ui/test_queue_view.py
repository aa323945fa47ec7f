"""QueueView: painting every status, Delete key, context-menu actions, selection, header."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu
from typing_extensions import override

from studio.core.jobs import Job, JobStatus, utc_now
from studio.ui.queue import delegate as delegate_module
from studio.ui.queue.view import QueueView, RawJsonDialog
from studio.ui.queue.view_model import QueueViewModel
from tests.ui.test_queue_model import job_of_each_status

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


class RecordingViewModel(QueueViewModel):
    """Records the actions the view asks for instead of running them."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, str]] = []

    @override
    def cancel(self, local_id: str) -> None:
        self.calls.append(("cancel", local_id))

    @override
    def retry(self, local_id: str) -> None:
        self.calls.append(("retry", local_id))

    @override
    def remove(self, local_id: str) -> None:
        self.calls.append(("remove", local_id))

    @override
    def follow_again(self, local_id: str) -> None:
        self.calls.append(("follow_again", local_id))

    @override
    def cancel_all(self) -> None:
        self.calls.append(("cancel_all", ""))


@pytest.fixture
def view(qtbot: QtBot) -> QueueView:
    view_model = RecordingViewModel()
    for job in job_of_each_status(utc_now()):
        view_model.model.upsert(job)
    view_model.counts_changed.emit(view_model.model.running_count(), view_model.model.rowCount())
    widget = QueueView(view_model)
    qtbot.addWidget(widget)
    widget.resize(480, 900)
    return widget


def recorder(view: QueueView) -> RecordingViewModel:
    assert isinstance(view.view_model, RecordingViewModel)
    return view.view_model


def row_job(view: QueueView, status: JobStatus) -> Job:
    return next(
        j for j in view.view_model.model.jobs() if j.status is status and not j.is_waiting_locally
    )


def select(view: QueueView, job: Job) -> None:
    view.select_job(job.local_id)
    assert view.current_job() == job


def _has_colour_near(image_colours: set[int], target: QColor, tolerance: int) -> bool:
    goal = (target.red(), target.green(), target.blue())
    for rgb in image_colours:
        colour = QColor.fromRgb(rgb)
        found = (colour.red(), colour.green(), colour.blue())
        if all(abs(a - b) <= tolerance for a, b in zip(found, goal, strict=True)):
            return True
    return False


@pytest.mark.parametrize("dark", [False, True])
def test_every_status_paints(view: QueueView, dark: bool) -> None:
    if dark:
        palette = QPalette(view.palette())
        palette.setColor(QPalette.ColorRole.Base, QColor(30, 30, 30))
        palette.setColor(QPalette.ColorRole.Text, QColor(220, 220, 220))
        view.setPalette(palette)
    select(view, row_job(view, JobStatus.FAILED))

    image = view.grab().toImage()

    assert not image.isNull()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
    }
    # The pill text colours of the finished states show up (tones shifted for the palette).
    for hex_colour in ("#2e9d57", "#e07b22", "#c99a06"):
        assert _has_colour_near(colours, QColor(hex_colour), tolerance=70), hex_colour


def test_empty_queue_paints_a_hint(qtbot: QtBot) -> None:
    widget = QueueView(QueueViewModel())
    qtbot.addWidget(widget)
    widget.resize(300, 200)
    assert not widget.grab().isNull()
    assert widget.count_label.text() == ""
    assert not widget.cancel_all_button.isEnabled()


def test_header_counts_and_cancel_all(view: QueueView) -> None:
    assert view.count_label.text() == "6 running · 13 total"
    assert view.cancel_all_button.isEnabled()
    view.cancel_all_button.click()
    assert recorder(view).calls == [("cancel_all", "")]


def test_delete_cancels_a_running_row_and_removes_a_finished_one(view: QueueView) -> None:
    running, failed = row_job(view, JobStatus.PROCESSING), row_job(view, JobStatus.FAILED)
    select(view, running)
    QTest.keyClick(view.list, Qt.Key.Key_Delete)
    select(view, failed)
    QTest.keyClick(view.list, Qt.Key.Key_Delete)

    assert recorder(view).calls == [("cancel", running.local_id), ("remove", failed.local_id)]


def test_delete_outside_the_list_does_nothing(view: QueueView) -> None:
    select(view, row_job(view, JobStatus.FAILED))

    QTest.keyClick(view.cancel_all_button, Qt.Key.Key_Delete)
    QTest.keyClick(view, Qt.Key.Key_Delete)

    assert recorder(view).calls == []


def _actions(menu: QMenu) -> dict[str, bool]:
    return {action.text(): action.isEnabled() for action in menu.actions()}


def _trigger(menu: QMenu, text: str) -> None:
    next(a for a in menu.actions() if a.text() == text).trigger()


def test_context_menu_enables_what_applies(view: QueueView) -> None:
    running = _actions(view.context_menu_for(row_job(view, JobStatus.PROCESSING)))
    done = _actions(view.context_menu_for(row_job(view, JobStatus.SUCCEEDED)))
    waiting_job = next(j for j in view.view_model.model.jobs() if j.is_waiting_locally)
    waiting = _actions(view.context_menu_for(waiting_job))

    recall = {"Remix (new seed)": True, "Use all parameters": True, "Use prompt": True}
    no_chain = {"Send to…": False, "Extend shot": False, "Pick a frame…": False}
    assert running == {
        **no_chain,
        "Cancel": True,
        "Retry": False,
        "Follow again": False,
        "Open output": False,
        "Copy task id": True,
        "Show raw JSON": True,
        "Remove": False,
        **recall,
    }
    assert done == {
        **no_chain,
        "Send to…": True,  # an image: no frames, no shot to extend
        "Cancel": False,
        "Retry": True,
        "Follow again": False,
        "Open output": True,
        "Copy task id": True,
        "Show raw JSON": True,
        "Remove": True,
        **recall,
    }
    assert not waiting["Copy task id"] and not waiting["Show raw JSON"] and waiting["Cancel"]
    no_contact = _actions(view.context_menu_for(row_job(view, JobStatus.CONTACT_LOST)))
    assert no_contact["Follow again"] and no_contact["Retry"] and not no_contact["Cancel"]


def test_follow_again_reaches_the_view_model(view: QueueView) -> None:
    lost = row_job(view, JobStatus.CONTACT_LOST)
    _trigger(view.context_menu_for(lost), "Follow again")
    assert recorder(view).calls == [("follow_again", lost.local_id)]


def test_recall_actions_carry_the_job_and_mode(view: QueueView, qtbot: QtBot) -> None:
    done = row_job(view, JobStatus.SUCCEEDED)
    with qtbot.waitSignal(view.recall_requested) as signal:
        _trigger(view.context_menu_for(done), "Remix (new seed)")
    assert signal.args[0].local_id == done.local_id
    assert signal.args[1] == "remix"


def test_context_menu_actions_call_the_view_model(view: QueueView, qtbot: QtBot) -> None:
    running, failed = row_job(view, JobStatus.PROCESSING), row_job(view, JobStatus.FAILED)
    done = row_job(view, JobStatus.SUCCEEDED)
    _trigger(view.context_menu_for(running), "Cancel")
    _trigger(view.context_menu_for(failed), "Retry")
    _trigger(view.context_menu_for(failed), "Remove")
    with qtbot.waitSignal(view.open_requested) as opened:
        _trigger(view.context_menu_for(done), "Open output")

    assert recorder(view).calls == [
        ("cancel", running.local_id),
        ("retry", failed.local_id),
        ("remove", failed.local_id),
    ]
    assert opened.args == [done]


def test_copy_task_id_and_raw_json(view: QueueView) -> None:
    failed = row_job(view, JobStatus.FAILED)
    _trigger(view.context_menu_for(failed), "Copy task id")
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None and clipboard.text() == failed.task_id

    _trigger(view.context_menu_for(failed), "Show raw JSON")

    dialogs = view.findChildren(RawJsonDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    assert f'"task_id": "{failed.task_id}"' in dialogs[0].text.toPlainText()
    assert dialogs[0].text.isReadOnly()
    dialogs[0].close()


def test_selection_and_double_click(view: QueueView, qtbot: QtBot) -> None:
    done = row_job(view, JobStatus.SUCCEEDED)
    with qtbot.waitSignal(view.job_selected) as selected:
        select(view, done)
    assert selected.args == [done]

    row = view.view_model.model.row_of(done.local_id)
    assert row is not None
    with qtbot.waitSignal(view.open_requested) as opened:
        view.list.doubleClicked.emit(view.view_model.model.index(row))
    assert opened.args == [done]


# The offscreen platform cannot raise popups or grab the keyboard; real platforms can.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_context_menu_opens_without_a_nested_loop(view: QueueView) -> None:
    view.show()
    rect = view.list.visualRect(view.view_model.model.index(0))
    view.list.customContextMenuRequested.emit(rect.center())
    menus = [m for m in view.findChildren(QMenu) if m.isVisible()]
    assert len(menus) == 1
    menus[0].close()
    view.list.customContextMenuRequested.emit(QPoint(5, 5000))  # below the rows: nothing
    assert not [m for m in view.findChildren(QMenu) if m.isVisible()]


@pytest.mark.asyncio
async def test_a_row_shown_as_last_drawn_is_drawn_anew_on_the_next_turn(
    view: QueueView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the paint budget a changed row keeps its last drawing for one paint; the list then
    paints again by itself, and the row shows its change."""
    view.show()
    await asyncio.sleep(0.1)  # shown and painted
    job = row_job(view, JobStatus.PROCESSING)
    drawn = view.list.delegate.rows_painted
    monkeypatch.setattr(delegate_module, "PAINT_BUDGET_S", -1.0)  # spent from the start
    view.view_model.model.upsert(replace(job, status=JobStatus.SUCCEEDED))
    await asyncio.sleep(0.05)
    assert view.list.delegate.rows_painted == drawn  # painted, as last drawn
    stale = view.list.viewport().grab().toImage()
    monkeypatch.setattr(delegate_module, "PAINT_BUDGET_S", 1.0)
    await asyncio.sleep(0.1)  # a few turns of the loop; the rows' ticker waits a second
    assert view.list.delegate.rows_painted > drawn  # painted again, by itself
    assert view.list.viewport().grab().toImage() != stale
