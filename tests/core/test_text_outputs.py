"""Transcripts as library outputs: one JSON file and one "text" row per result, across restarts."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import pytest
from typing_extensions import override

from studio.core.api import MediaKind, MediaRef, TaskStatus
from studio.core.jobs import TEXT_MEDIA_TYPE, JobStatus, is_text_media, text_result
from studio.core.library import Library, OutputFilter, OutputKind, OutputRecord
from studio.core.media import plain_text, read_plain_text, sha256_file
from studio.core.paths import sidecar_path
from tests.core.test_journal import library, open_services, settled
from tests.core.test_services import day_folder
from tests.core.test_tasks_fakes import FakeClient, make_task

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["library"]  # the fixture, shared with test_journal

WHISPER = "openai/whisper-v3/transcribe"
AUDIO = {"audio_url": "https://cdn.example/clip.wav"}
TRANSCRIPT = {
    "text": "Hello there. General Kenobi.",
    "language": "en",
    "chunks": [
        {"text": "Hello there.", "timestamp": [0.0, 1.2]},
        {"text": "General Kenobi.", "timestamp": [1.4, 2.9]},
    ],
}


@dataclass
class TranscriptClient(FakeClient):
    """A FakeClient whose tasks succeed with a transcript and no media, as Whisper's do."""

    @override
    def _complete(self, task_id: str) -> None:
        raw = {"task_id": task_id, "endpoint": WHISPER, "status": "succeeded"}
        self.set_status(
            task_id,
            TaskStatus.SUCCEEDED,
            output=TRANSCRIPT,
            text=TRANSCRIPT["text"],
            media=(),
            raw=raw | {"output": TRANSCRIPT},
        )


def _text_rows(library: Library, local_id: str) -> list[OutputRecord]:
    return [row for row in library.outputs_for_job(local_id) if row.kind is OutputKind.TEXT]


def _file(library: Library, row: OutputRecord) -> Path:
    path = library.file_of(row)
    assert path is not None
    return path


@pytest.mark.asyncio
async def test_a_transcript_is_written_recorded_and_shown_by_its_queue_row(
    library: Library,
) -> None:
    async with open_services(TranscriptClient(), library) as services:
        job = services.runner.submit(WHISPER, AUDIO)
        done = await settled(services, job.local_id)
    assert done.status is JobStatus.SUCCEEDED and done.text == TRANSCRIPT["text"]
    [row] = library.outputs_for_job(job.local_id)
    file = library.file_of(row)
    # Named after the model (a transcription has no prompt); its sidecar never doubles ".json".
    day = day_folder(library, job.local_id)
    assert file == day / f"{day.name} whisper-v3 · {job.local_id[:8]}-0.json"
    assert sidecar_path(file).name == f"{day.name} whisper-v3 · {job.local_id[:8]}-0.sidecar.json"
    assert not list(day.glob("*.json.json"))
    assert json.loads(file.read_text(encoding="utf-8")) == TRANSCRIPT  # timings kept
    assert (row.kind, row.remote_url, row.media_type) == (OutputKind.TEXT, None, TEXT_MEDIA_TYPE)
    assert row.sha256 == sha256_file(file) and row.size == file.stat().st_size
    sidecar = json.loads(sidecar_path(file).read_text(encoding="utf-8"))
    assert sidecar["request"]["input"] == AUDIO and sidecar["request"]["endpoint"] == WHISPER
    assert sidecar["source"]["sha256"] == row.sha256
    [saved] = done.outputs  # the live queue row now points at the file
    assert saved.path == file and is_text_media(saved.media) and saved.error is None
    assert library.count_outputs(OutputFilter()) == 1  # so the gallery lists it


@pytest.mark.asyncio
async def test_a_restart_neither_rewrites_nor_doubles_a_finished_transcript(
    library: Library,
) -> None:
    async with open_services(TranscriptClient(), library) as services:
        job = services.runner.submit(WHISPER, AUDIO)
        await settled(services, job.local_id)
    [before] = library.outputs_for_job(job.local_id)
    client = TranscriptClient(_ids=itertools.count(5))
    async with open_services(client, library) as services:
        report = await services.reconcile()
        await services.wait_idle()
        [history] = [row for row in services.recent_jobs() if row.local_id == job.local_id]
    assert report.fetching == () and client.run_calls == []
    assert library.outputs_for_job(job.local_id) == [before]
    [saved] = history.outputs  # rebuilt from the library: the same file
    assert saved.path == library.file_of(before) and is_text_media(saved.media)


def _succeeded_without_file(library: Library, local_id: str) -> None:
    """A crash after the row said "succeeded" and before the transcript file was written."""
    task = {"task_id": "ms-9", "endpoint": WHISPER, "status": "succeeded", "output": TRANSCRIPT}
    library.create_job(local_id, WHISPER, AUDIO)
    library.set_remote_id(local_id, "ms-9")
    library.update_job(local_id, status=JobStatus.SUCCEEDED, task_json=task)
    library.add_output(local_id, 0, OutputKind.TEXT)


@pytest.mark.asyncio
async def test_start_up_writes_a_transcript_the_crash_left_unwritten_once(
    library: Library,
) -> None:
    _succeeded_without_file(library, "job-t")
    for start in range(2):  # the second start-up finds nothing left to do
        async with open_services(TranscriptClient(), library) as services:
            report = await services.reconcile()
            await services.wait_idle()
        assert report.fetching == (("job-t",) if start == 0 else ())
    [row] = library.outputs_for_job("job-t")
    file = library.file_of(row)
    day = day_folder(library, "job-t")
    assert file == day / f"{day.name} whisper-v3 · job-t-0.json"
    assert json.loads(file.read_text(encoding="utf-8")) == TRANSCRIPT
    assert row.sha256 == sha256_file(file) and sidecar_path(file).is_file()


@pytest.mark.asyncio
async def test_success_reported_again_after_a_crash_reuses_the_waiting_row(
    library: Library,
) -> None:
    client = TranscriptClient()
    task = await client.run(WHISPER, AUDIO)
    library.create_job("job-r", WHISPER, AUDIO)
    library.set_remote_id("job-r", task.task_id)
    library.update_job("job-r", status=JobStatus.PROCESSING)
    library.add_output("job-r", 0, OutputKind.TEXT)  # written just before the crash
    async with open_services(client, library) as services:
        assert (await services.reconcile()).followed == ("job-r",)
        await settled(services, "job-r")
    [row] = library.outputs_for_job("job-r")
    assert row.index == 0 and _file(library, row).is_file()


@pytest.mark.asyncio
async def test_a_retried_transcription_keeps_both_transcripts(library: Library) -> None:
    async with open_services(TranscriptClient(), library) as services:
        job = services.runner.submit(WHISPER, AUDIO)
        await settled(services, job.local_id)
        services.retry(job.local_id)
        again = await settled(services, job.local_id)
    rows = _text_rows(library, job.local_id)
    names = [_file(library, row).name for row in rows]
    # Each attempt's file is named by its place in its own task's output; -a2 keeps them apart.
    short = f"{day_folder(library, job.local_id).name} whisper-v3 · {job.local_id[:8]}"
    assert names == [f"{short}-0.json", f"{short}-a2-0.json"]
    assert [row.index for row in rows] == [0, 1]
    [saved] = again.outputs
    assert saved.path is not None and saved.path.name == names[1]


def test_text_result_is_only_a_succeeded_output_without_media() -> None:
    done = replace(make_task("ms-1", TaskStatus.SUCCEEDED), output=TRANSCRIPT)
    assert text_result(done) == TRANSCRIPT
    assert text_result(replace(done, status=TaskStatus.FAILED)) is None
    image = MediaRef(url="https://cdn.example/a.png", kind=MediaKind.IMAGE)
    assert text_result(replace(done, media=(image,))) is None
    assert text_result(replace(done, output={"images": [], "text": ""})) is None
    assert text_result(replace(done, output=None)) is None
    assert text_result(None) is None


def test_plain_text_of_transcripts_and_other_documents(tmp_path: Path) -> None:
    assert plain_text(TRANSCRIPT) == "Hello there. General Kenobi."
    assert plain_text({"chunks": TRANSCRIPT["chunks"]}) == "Hello there. General Kenobi."
    assert plain_text({"labels": ["cat"]}).startswith("{")
    plain = tmp_path / "note.txt"
    plain.write_text("not json at all", encoding="utf-8")
    assert read_plain_text(plain) == "not json at all"
