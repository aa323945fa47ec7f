"""The queue's rough edges: thumbnails, rows without a prompt, paused rows, Clear finished,
compact rows, new rows in view, and which job the preview shows (PreviewChoice)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QStyleOptionViewItem
from typing_extensions import override

from studio.core.api import MediaKind, MediaRef
from studio.core.jobs import Job, JobStatus, SavedOutput, text_saved_output
from studio.ui import preview_choice
from studio.ui.preview import PreviewPane
from studio.ui.preview_choice import PreviewChoice
from studio.ui.queue import QueueModel, QueueRole, QueueView
from tests.ui.test_queue_model import START, job_of_each_status
from tests.ui.test_queue_view import RecordingViewModel

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.usefixtures("qapp")

WHISPER = "openai/whisper-v3/transcribe"


def _row(model: QueueModel, job: Job, role: int) -> object:
    row = model.row_of(job.local_id)
    assert row is not None
    return model.index(row).data(role)


def _finished(n: int, kind: MediaKind = MediaKind.IMAGE, endpoint: str = "a/b/c") -> Job:
    media = MediaRef(url=f"https://cdn.example/out{n}.png", kind=kind)
    return Job(
        endpoint=endpoint,
        input={"prompt": f"picture {n}"},
        local_id=f"done{n:02d}",
        status=JobStatus.SUCCEEDED,
        created_at=START + timedelta(seconds=n),
        outputs=(SavedOutput(media, Path(f"/tmp/out{n}.png")),),
    )


def test_finished_media_rows_offer_a_thumbnail_and_others_none() -> None:
    model = QueueModel()
    for job in job_of_each_status():
        model.upsert(job)
    audio = _finished(1, MediaKind.AUDIO)
    model.upsert(audio)
    done = next(j for j in model.jobs() if j.local_id == "job05")
    assert _row(model, done, QueueRole.THUMBNAIL) == (Path("/tmp/out.png"), "image")
    assert _row(model, audio, QueueRole.THUMBNAIL) == (Path("/tmp/out1.png"), "audio")
    transcript = replace(_finished(2), outputs=(text_saved_output(Path("/tmp/t.json"), 10),))
    model.upsert(transcript)
    assert _row(model, transcript, QueueRole.THUMBNAIL) == (Path("/tmp/t.json"), "text")
    for job in model.jobs():
        if job.status is not JobStatus.SUCCEEDED:
            assert _row(model, job, QueueRole.THUMBNAIL) is None


def test_a_row_without_a_prompt_names_its_input_file() -> None:
    model = QueueModel()
    by_url = Job(WHISPER, {"audio_url": "https://cdn.example/talks/dinner%20talk.mp3"})
    local = Job(WHISPER, {"audio_url": "data:audio/mpeg;base64,AAAA"}, local_id="local")
    model.upsert(by_url)
    model.upsert(local)
    assert _row(model, by_url, QueueRole.PROMPT) == "dinner talk.mp3"
    model.set_local_files("local", ["interview.wav"])
    assert _row(model, local, QueueRole.PROMPT) == "interview.wav"
    model.set_input_names({local.local_id: ["take 3.mp3 → audio_url"]})  # a library file
    assert _row(model, local, QueueRole.PROMPT) == "take 3.mp3"


def test_a_task_on_the_other_backend_is_paused_without_a_timer() -> None:
    model = QueueModel(now=lambda: START)
    running = replace(job_of_each_status()[3], backend="demo")  # processing for 12 s
    finished = replace(_finished(1), backend="demo")
    model.upsert(running)
    model.upsert(finished)
    model.set_backend("demo")
    assert _row(model, running, QueueRole.ELAPSED) == "12 s"
    assert not _row(model, running, QueueRole.PAUSED)
    assert model.running_count() == 1
    model.set_backend("https://api.mountsea.ai")
    assert _row(model, running, QueueRole.PAUSED) is True
    assert _row(model, running, QueueRole.STATUS_LABEL) == "Paused"
    assert _row(model, running, QueueRole.ELAPSED) == ""
    assert _row(model, running, QueueRole.ETA) == ""
    assert "Paused — on Demo" in str(_row(model, running, QueueRole.DETAIL))
    assert model.running_count() == 0
    assert not _row(model, finished, QueueRole.PAUSED)  # a settled row is just finished


class ClearingViewModel(RecordingViewModel):
    def __init__(self) -> None:
        super().__init__()
        self.removed: list[str] = []

    @override
    def remove_many(self, local_ids: Sequence[str]) -> None:
        self.removed = list(local_ids)
        for local_id in local_ids:
            self.forget(local_id)


def _view(qtbot: QtBot, view_model: RecordingViewModel) -> QueueView:
    view = QueueView(view_model)
    qtbot.addWidget(view)
    view.resize(480, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_clear_finished_takes_the_settled_rows_out(qtbot: QtBot) -> None:
    view_model = ClearingViewModel()
    for job in job_of_each_status():
        view_model.model.upsert(job)
    view = _view(qtbot, view_model)
    settled = {j.local_id for j in view_model.model.jobs() if j.status.is_settled}
    assert view.clear_button.isEnabled()
    with qtbot.waitSignal(view.cleared) as cleared:
        view.clear_button.click()
    assert set(cleared.args[0]) == settled == set(view_model.removed)
    assert all(j.status.is_running for j in view_model.model.jobs())
    assert not view.clear_button.isEnabled() and not view.clear_action.isEnabled()


def test_compact_rows_fit_more_and_are_remembered(qtbot: QtBot) -> None:
    view_model = RecordingViewModel()
    for job in job_of_each_status():
        view_model.model.upsert(job)
    view = _view(qtbot, view_model)
    option = QStyleOptionViewItem()
    option.initFrom(view.list)
    index = view_model.model.index(0)
    full = view.list.delegate.sizeHint(option, index).height()
    view.compact_action.trigger()
    assert view.is_compact()
    compact = view.list.delegate.sizeHint(option, index).height()
    assert compact * 2.5 < full  # about three times as many rows in the same height
    again = _view(qtbot, RecordingViewModel())
    assert again.is_compact() and again.compact_action.isChecked()
    again.set_compact(False)
    assert not again.is_compact()


def test_a_new_row_scrolls_into_view(qtbot: QtBot) -> None:
    view_model = RecordingViewModel()
    for n in range(30):
        view_model.model.upsert(_finished(n))
    view = _view(qtbot, view_model)
    bar = view.list.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    view_model.model.upsert(_finished(40))
    assert bar.value() == 0


def test_in_a_rush_of_finished_jobs_the_preview_follows_once_per_interval(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Jobs finishing faster than FOLLOW_EVERY_S: the first shows at once, the ones after it
    wait, and only the newest finished when the interval is over is shown; a job the user
    chooses meanwhile cancels the wait."""
    monkeypatch.setattr(preview_choice, "FOLLOW_EVERY_S", 0.3)
    view_model = RecordingViewModel()
    view = _view(qtbot, view_model)
    preview = PreviewPane(autoplay_video=False)
    qtbot.addWidget(preview)
    choice = PreviewChoice(preview, view, lambda slug: slug)
    shown: list[str | None] = []
    preview.current_changed.connect(lambda _index: shown.append(choice.shown))
    jobs = [_finished(n) for n in range(1, 7)]
    for job in jobs[:4]:
        view_model.model.upsert(job)
        choice.finished(job)
    assert shown == [jobs[0].local_id]
    qtbot.waitUntil(lambda: choice.shown == jobs[3].local_id)
    assert shown == [jobs[0].local_id, jobs[3].local_id]  # the two between never showed
    view_model.model.upsert(jobs[4])
    choice.finished(jobs[4])  # waits: jobs[3] was followed just now
    choice.choose(jobs[1])  # the user picks an older one meanwhile
    view_model.model.upsert(jobs[5])
    choice.finished(jobs[5])
    qtbot.wait(500)
    assert choice.shown == jobs[1].local_id


def test_the_newest_finished_job_shows_unless_the_user_chose_another(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(preview_choice, "FOLLOW_EVERY_S", 0.3)
    view_model = RecordingViewModel()
    view = _view(qtbot, view_model)
    preview = PreviewPane(autoplay_video=False)
    qtbot.addWidget(preview)
    names = {"a/b/c": "Nice Model Text to Image"}
    choice = PreviewChoice(preview, view, lambda slug: names.get(slug, slug))
    chosen: list[Job] = []
    view.job_selected.connect(chosen.append)
    first, second, third, fourth = (_finished(n) for n in range(1, 5))
    for job in (first, second):
        view_model.model.upsert(job)
        choice.finished(job)
    assert choice.shown == first.local_id  # the second finished too soon after: it waits
    qtbot.waitUntil(lambda: choice.shown == second.local_id)
    assert preview.title_label.text() == "Nice Model Text to Image"  # the endpoint's name
    assert view.current_job() == second and chosen == []  # the app's choice, not the user's
    view.select_job(first.local_id)  # the user clicks an older row
    assert chosen == [first]
    choice.choose(first)
    view_model.model.upsert(third)
    choice.finished(third)
    assert choice.shown == first.local_id  # kept: the user chose it
    choice.generation_started()  # a new Generate follows what finishes next
    view_model.model.upsert(fourth)
    choice.finished(fourth)
    qtbot.waitUntil(lambda: choice.shown == fourth.local_id)
    assert view.current_job() == fourth
    failed = replace(_finished(5), status=JobStatus.FAILED, outputs=())
    choice.finished(failed)
    assert choice.shown == fourth.local_id  # nothing to show: the preview stays
