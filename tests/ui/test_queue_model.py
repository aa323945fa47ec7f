"""QueueModel (rows, roles, ticker) and QueueViewModel (session events → rows and signals)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocumentFragment

from studio.core.api import MediaKind, MediaRef, TaskStatus
from studio.core.jobs import (
    AMBIGUOUS_SUBMIT_MESSAGE,
    CONNECTION_WARNING,
    Job,
    JobStatus,
    SavedOutput,
)
from studio.core.jobs._models import RetryWait
from studio.ui.queue import JobRole, QueueModel, QueueRole, QueueViewModel
from studio.ui.session_events import SessionEvents
from tests.conftest import wait_until
from tests.core.test_tasks_fakes import ENDPOINT, FakeClient, make_task
from tests.fakes.session import open_session

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester

    from studio.core.session import Session

pytestmark = pytest.mark.usefixtures("qapp")

START = datetime(2026, 5, 18, 9, 0, tzinfo=UTC)


def job_of_each_status(now: datetime = START) -> list[Job]:
    """One realistic row per status (and per in-between state), oldest first."""
    sent = now - timedelta(seconds=12)
    ended: dict[str, Any] = {"submitted_at": sent, "finished_at": now}
    media = MediaRef(url="https://cdn.example/out.png", kind=MediaKind.IMAGE)
    saved = (SavedOutput(media, Path("/tmp/out.png")),)
    base = Job(endpoint=ENDPOINT, input={"prompt": "a lighthouse at dusk, oil painting"})

    def job(status: JobStatus, n: int, *, remote: bool = True, **changes: Any) -> Job:
        if remote:
            task_id = f"ms-{n}"
            known = status.value in TaskStatus.__members__.values()
            task = make_task(task_id, TaskStatus(status.value) if known else TaskStatus.PROCESSING)
            changes |= {"task_id": task_id, "remote_ids": (task_id,), "task": task}
        return replace(base, local_id=f"job{n:02d}", status=status, **changes)

    return [
        job(JobStatus.SUBMITTING, 0, remote=False),
        job(JobStatus.SUBMITTING, 1, remote=False, submitted_at=sent),
        job(JobStatus.QUEUED, 2, submitted_at=sent, expected_s=30.0),
        job(JobStatus.PROCESSING, 3, submitted_at=sent, expected_s=30.0),
        job(JobStatus.PROCESSING, 4, submitted_at=sent, warning=CONNECTION_WARNING),
        job(JobStatus.SUCCEEDED, 5, outputs=saved, **ended),
        job(JobStatus.FAILED, 6, error="task failed (code 500)", **ended),
        job(JobStatus.TIMEOUT, 7, error="The task timed out on the server.", **ended),
        job(JobStatus.CANCELED, 8, **ended),
        job(JobStatus.UNKNOWN, 9, remote=False, error=AMBIGUOUS_SUBMIT_MESSAGE, **ended),
        job(JobStatus.LOST, 10, error="The server no longer knows this task.", **ended),
        job(JobStatus.SUBMITTING, 11, remote=False, retry_wait=not_now(now)),
        job(JobStatus.CONTACT_LOST, 12, error=LOST_CONTACT, **ended),
    ]


LOST_CONTACT = "Lost contact — last seen processing. 6 replies in a row could not be used."


def not_now(now: datetime) -> RetryWait:
    """A submit turned away with 429, going again in 12 s."""
    return RetryWait("rate limited", now + timedelta(seconds=11.5), 2, 20)


def filled_model(now: datetime = START) -> QueueModel:
    model = QueueModel(now=lambda: now)
    for job in job_of_each_status(now):
        model.upsert(job)
    return model


def test_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = QueueModel(now=lambda: START)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    jobs = job_of_each_status()
    for job in jobs:
        model.upsert(job)
    model.upsert(replace(jobs[3], status=JobStatus.SUCCEEDED, finished_at=START))
    model.remove(jobs[0].local_id)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert model.rowCount() == len(jobs) - 1


def test_rows_are_newest_first_and_updated_in_place() -> None:
    model = QueueModel(now=lambda: START)
    first = Job(endpoint="a/b/c", input={"prompt": "one"})
    second = Job(endpoint="a/b/d", input={"prompt": "two"})
    model.upsert(first)
    model.upsert(second)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda tl, br, _roles=(): changed.append((tl.row(), br.row())))

    model.upsert(replace(first, status=JobStatus.QUEUED))

    assert [j.local_id for j in model.jobs()] == [second.local_id, first.local_id]
    assert changed == [(1, 1)]
    assert model.job_at(1) is not None and model.job_at(1).status is JobStatus.QUEUED  # type: ignore[union-attr]
    assert model.row_of(first.local_id) == 1 and model.job_at(5) is None
    assert model.remove(second.local_id) and not model.remove("missing")
    assert model.row_of(first.local_id) == 0 and model.rowCount() == 1


def test_roles_give_plain_text() -> None:
    model = filled_model()
    by_id = {job.local_id: model.index(model.row_of(job.local_id) or 0) for job in model.jobs()}
    running, failed = by_id["job03"], by_id["job06"]

    assert running.data(Qt.ItemDataRole.DisplayRole) == ENDPOINT
    assert running.data(QueueRole.STATUS) == "processing"
    assert running.data(QueueRole.STATUS_LABEL) == "Running"
    assert running.data(QueueRole.ELAPSED) == "12 s"
    assert running.data(QueueRole.ETA) == "≈ 18 s left"
    assert running.data(QueueRole.PROMPT) == "a lighthouse at dusk, oil painting"
    assert isinstance(running.data(JobRole), Job)
    assert failed.data(QueueRole.ERROR) == "task failed (code 500)"
    assert failed.data(QueueRole.DETAIL) == "task failed (code 500)"
    assert failed.data(QueueRole.ETA) == ""
    assert by_id["job04"].data(QueueRole.DETAIL) == CONNECTION_WARNING
    assert by_id["job00"].data(QueueRole.STATUS_LABEL) == "Waiting"
    assert by_id["job05"].data(QueueRole.DETAIL) == "1 output saved"
    assert "ms-3" in running.data(Qt.ItemDataRole.ToolTipRole)
    assert model.data(QModelIndex(), Qt.ItemDataRole.DisplayRole) is None
    turned_away, no_contact = by_id["job11"], by_id["job12"]
    assert turned_away.data(QueueRole.STATUS_LABEL) == "Waiting"
    countdown = "Waiting — rate limited, 12 s (try 2 of 20)"
    assert turned_away.data(QueueRole.WARNING) == countdown
    assert turned_away.data(QueueRole.DETAIL) == countdown
    tooltip = QTextDocumentFragment.fromHtml(turned_away.data(Qt.ItemDataRole.ToolTipRole))
    shown = tooltip.toPlainText().replace("\xa0", " ").splitlines()
    assert "Waiting — Turned away by the server; nothing was created yet" in shown
    assert f"⚠ {countdown}" in shown
    assert no_contact.data(QueueRole.STATUS_LABEL) == "No contact"
    assert no_contact.data(QueueRole.DETAIL) == LOST_CONTACT

    model.set_endpoint_names({ENDPOINT: "Pixel"})
    assert running.data(Qt.ItemDataRole.DisplayRole) == "Pixel"


def test_ticker_runs_only_while_rows_run_and_repaints_only_those() -> None:
    model = QueueModel(now=lambda: START)
    jobs = job_of_each_status()
    done = [j for j in jobs if j.status.is_settled]
    for job in done:
        model.upsert(job)
    assert not model.ticking

    running = next(j for j in jobs if j.status is JobStatus.PROCESSING)
    model.upsert(running)
    assert model.ticking
    ticks: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda tl, br, _roles=(): ticks.append((tl.row(), br.row())))
    model._on_ticker_timeout()
    assert ticks == [(0, 0)]

    model.upsert(replace(running, status=JobStatus.SUCCEEDED, finished_at=START))
    assert not model.ticking


def test_the_not_now_countdown_ticks_down() -> None:
    clock = [START]
    model = QueueModel(now=lambda: clock[0])
    waiting = next(j for j in job_of_each_status() if j.retry_wait is not None)
    model.upsert(waiting)
    assert model.ticking
    roles: list[list[int]] = []
    model.dataChanged.connect(lambda _tl, _br, changed=(): roles.append(list(changed)))
    clock[0] = START + timedelta(seconds=5)
    model._on_ticker_timeout()
    assert int(QueueRole.WARNING) in roles[-1] and int(QueueRole.DETAIL) in roles[-1]
    assert model.index(0).data(QueueRole.WARNING) == "Waiting — rate limited, 7 s (try 2 of 20)"


def _words_by_role(index: QModelIndex) -> tuple[object, ...]:
    """What the single roles say, in RowWords' order."""
    label = index.data(QueueRole.STATUS_LABEL)
    texts = [
        index.data(role)
        for role in (
            Qt.ItemDataRole.DisplayRole,
            QueueRole.PROMPT,
            QueueRole.DETAIL,
            QueueRole.WARNING,
            QueueRole.ELAPSED,
            QueueRole.ETA,
        )
    ]
    return (texts[0], texts[1], label, *texts[2:], index.data(QueueRole.PAUSED))


def _words_of(model: QueueModel) -> list[tuple[object, ...]]:
    """Each row's RowWords as the role gives it, with the English status word left out."""
    rows = [model.index(row).data(QueueRole.WORDS) for row in range(model.rowCount())]
    return [
        (w.name, w.prompt, w.label, w.detail, w.warning, w.elapsed, w.eta, w.paused) for w in rows
    ]


def test_row_words_say_what_the_roles_say_as_the_clock_and_the_rows_change() -> None:
    clock = [START]
    model = QueueModel(now=lambda: clock[0])
    jobs = [replace(job, backend="demo") for job in job_of_each_status()]
    for job in jobs:
        model.upsert(job)

    def agree() -> list[tuple[object, ...]]:
        shown = _words_of(model)
        assert shown == [_words_by_role(model.index(row)) for row in range(model.rowCount())]
        return shown

    first = agree()
    clock[0] = START + timedelta(seconds=5)  # running rows' times move, settled ones stay
    later = agree()
    moved = {model.job_at(row).local_id for row in range(len(jobs)) if first[row] != later[row]}  # type: ignore[union-attr]
    assert moved == {"job01", "job02", "job03", "job04", "job11"}

    model.set_endpoint_names({ENDPOINT: "Pixel"})
    assert {words[0] for words in agree()} == {"Pixel"}
    model.upsert(replace(jobs[5], input={}))  # no prompt: the row names its inputs
    model.upsert(replace(jobs[8], input={}))
    agree()
    model.set_input_names({"job05": ["cat.png → image"]})
    model.set_local_files("job08", ["dog.png"])
    shown = {model.job_at(row).local_id: words for row, words in enumerate(agree())}  # type: ignore[union-attr]
    assert shown["job05"][1] == "cat.png" and shown["job08"][1] == "dog.png"

    model.set_backend("https://api.mountsea.ai")  # the demo's running rows now wait for it
    paused = [words for words in agree() if words[-1]]
    assert len(paused) == 6 and all(words[5] == "" for words in paused)
    clock[0] = START + timedelta(seconds=9)
    assert agree() == agree()
    model.set_backend("demo")
    assert not any(words[-1] for words in agree())


def _listening(session: Session, view_model: QueueViewModel) -> SessionEvents:
    """The session's job events onto the view-model, as the controller maps them."""
    events = SessionEvents(session)
    events.job_changed.connect(view_model.show)
    events.job_removed.connect(view_model.forget)
    events.start()
    return events


@pytest.mark.asyncio
async def test_view_model_follows_the_session(tmp_path: Path) -> None:
    client = FakeClient()
    finished: list[Job] = []
    changed: list[Job] = []
    counts: list[tuple[int, int]] = []
    async with open_session(client, tmp_path) as session:
        view_model = QueueViewModel(session)
        view_model.job_finished.connect(finished.append)
        view_model.counts_changed.connect(lambda running, total: counts.append((running, total)))
        events = _listening(session, view_model)
        events.job_changed.connect(changed.append)
        job = view_model.submit(ENDPOINT, {"prompt": "x"})
        assert job is not None

        await wait_until(lambda: len(finished) == 1)

        row = view_model.model.job(job.local_id)
        assert row is not None and row.status is JobStatus.SUCCEEDED
        assert finished[0].status is JobStatus.SUCCEEDED
        assert changed[0].status is JobStatus.SUBMITTING
        assert counts[-1] == (0, 1) and (1, 1) in counts
        events.stop()


@pytest.mark.asyncio
async def test_view_model_actions(tmp_path: Path) -> None:
    client = FakeClient()
    view_model = QueueViewModel()
    errors: list[str] = []
    view_model.error_raised.connect(errors.append)
    assert view_model.submit(ENDPOINT, {}) is None
    assert errors == ["Not connected: the task was not sent."]
    async with open_session(client, tmp_path) as session:
        view_model = QueueViewModel(session)
        view_model.error_raised.connect(errors.append)
        events = _listening(session, view_model)
        held = view_model.submit(ENDPOINT, {"prompt": "a", "hold": True})
        assert held is not None
        await wait_until(lambda: _status(view_model, held) is JobStatus.PROCESSING)

        view_model.remove(held.local_id)
        assert errors[-1] == "A running job must be cancelled before it can be removed."
        view_model.cancel(held.local_id)
        await wait_until(lambda: _status(view_model, held) is JobStatus.CANCELED)
        view_model.retry(held.local_id)
        await wait_until(lambda: _status(view_model, held) is JobStatus.PROCESSING)
        view_model.cancel_all()
        await wait_until(lambda: _status(view_model, held) is JobStatus.CANCELED)
        view_model.remove(held.local_id)

        await wait_until(lambda: view_model.model.rowCount() == 0)
        assert session.job(held.local_id) is None
        assert client.cancel_calls == ["ms-1", "ms-2"]
        events.stop()


@pytest.mark.asyncio
async def test_view_model_follows_a_lost_task_again(tmp_path: Path) -> None:
    client = FakeClient()
    task = await client.run(ENDPOINT, {"prompt": "p"})
    errors: list[str] = []
    async with open_session(client, tmp_path, start=False) as session:
        library = session.library
        library.create_job("job-x", ENDPOINT, {"prompt": "p"}, backend="demo")
        library.set_remote_id("job-x", task.task_id)
        library.update_job("job-x", status=JobStatus.CONTACT_LOST, error="Lost contact — …")
        await session.connect()
        view_model = QueueViewModel(session)
        view_model.error_raised.connect(errors.append)
        events = _listening(session, view_model)
        view_model.follow_again("job-x")
        lost = session.job("job-x")
        assert lost is not None and lost.status is JobStatus.QUEUED
        await wait_until(lambda: _status(view_model, lost) is JobStatus.SUCCEEDED)
        view_model.follow_again("job-x")  # nothing left to follow: said, not raised
        events.stop()
    assert errors == ["Only a job that lost track of its task can follow it again."]
    assert len(client.run_calls) == 1


def _status(view_model: QueueViewModel, job: Job) -> JobStatus | None:
    row = view_model.model.job(job.local_id)
    return row.status if row is not None else None
