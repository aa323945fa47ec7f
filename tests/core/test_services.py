"""BackendJobs: start-up reconciliation (a)–(d), history rows, finished files, safe names."""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import pytest

from studio.core.api import MountseaClient
from studio.core.chain import InputUse
from studio.core.jobs import AMBIGUOUS_SUBMIT_MESSAGE, LOST_MESSAGE, JobStateError, JobStatus
from studio.core.media import FileFacts, read_metadata, sha256_file
from studio.core.paths import sidecar_path
from studio.core.session import INTERRUPTED_SUBMIT_MESSAGE
from studio.core.session._backend_jobs import BackendJobs
from studio.core.thumbnailer import Thumbnailer
from tests.conftest import wait_until
from tests.core.test_journal import PngClient, library, open_services, png_bytes, settled
from tests.core.test_tasks_fakes import ENDPOINT, FakeClient
from tests.fakes.simulator import running_simulator

if TYPE_CHECKING:
    from pathlib import Path

    from studio.core.library import Library

__all__ = ["library"]  # the fixture, shared with test_journal

SIM_IMAGE = "google/nano-banana/text-to-image"
FAST_FOLLOW = {"initial_interval": 0.05, "factor": 1.2, "max_interval": 0.2, "deadline": 60.0}


def day_of(library: Library, local_id: str) -> str:
    """The job's own day (from when it was created, not from when it finished)."""
    record = library.get_job(local_id)
    assert record is not None
    return datetime.fromtimestamp(record.created_at, UTC).astimezone().date().isoformat()


def day_folder(library: Library, local_id: str) -> Path:
    """The job's own date folder."""
    return library.outputs_root / day_of(library, local_id)


@pytest.mark.asyncio
async def test_finished_png_has_metadata_sidecar_and_recorded_hash(library: Library) -> None:
    async with open_services(PngClient(), library) as services:
        job = services.runner.submit(ENDPOINT, {"prompt": "a lighthouse", "seed": 7})
        done = await settled(services, job.local_id)
    assert done.status is JobStatus.SUCCEEDED
    [output] = library.outputs_for_job(job.local_id)
    file = library.file_of(output)
    short = job.local_id[:8]
    assert (
        file
        == day_folder(library, job.local_id)
        / f"{day_of(library, job.local_id)} a lighthouse · pixel · {short}-0.png"
    )
    assert output.sha256 == sha256_file(file) and output.size == file.stat().st_size
    assert (output.media_type, output.width, output.height) == ("image/png", 8, 6)
    request = read_metadata(file)
    assert request is not None
    assert request["input"] == {"prompt": "a lighthouse", "seed": 7}
    assert (request["endpoint"], request["task_id"]) == (ENDPOINT, "ms-1")
    sidecar = json.loads(sidecar_path(file).read_text(encoding="utf-8"))
    assert sidecar["request"]["input"]["prompt"] == "a lighthouse"
    assert sidecar["source"]["sha256"] != output.sha256  # embedding changed the file …
    original = library.outputs_root / "original.png"
    original.write_bytes(png_bytes())
    assert sidecar["source"]["sha256"] == sha256_file(original)  # … the download is on record


@pytest.mark.asyncio
async def test_files_are_finished_by_the_finisher_given_new_and_fetched_at_start(
    library: Library,
) -> None:
    """The studio gives its thumbnail processes' finish_file: a new job's file and one fetched
    after a restart are finished there, and recorded as when finished in a thread."""
    _succeeded_job_with_three_outputs(library)
    thumbnailer = Thumbnailer(processes=1)
    asked: list[str] = []

    async def finish(path: Path, request: Any, facts: Any) -> FileFacts:
        asked.append(path.name)
        return await thumbnailer.finish_file(path, request, facts)

    try:
        async with open_services(PngClient(), library, finish=finish) as services:
            await services.reconcile()
            job = services.runner.submit(ENDPOINT, {"prompt": "a lighthouse", "seed": 7})
            await settled(services, job.local_id)
            await services.wait_idle()
    finally:
        thumbnailer.close()
    outputs = [*library.outputs_for_job("job-c"), *library.outputs_for_job(job.local_id)]
    assert len(asked) == len(outputs) == 4 and thumbnailer.started == 1
    for output in outputs:
        file = library.file_of(output)
        assert file is not None and file.name in asked
        assert output.sha256 == sha256_file(file) and output.size == file.stat().st_size
        assert (output.media_type, output.width, output.height) == ("image/png", 8, 6)
        assert read_metadata(file) is not None


@pytest.mark.asyncio
async def test_reconcile_follows_a_job_still_running_remotely(library: Library) -> None:
    client = PngClient()
    task = await client.run(ENDPOINT, {"prompt": "p"})
    library.create_job("job-a", ENDPOINT, {"prompt": "p"})
    library.set_remote_id("job-a", task.task_id)
    library.update_job("job-a", status=JobStatus.PROCESSING)
    async with open_services(client, library) as services:
        report = await services.reconcile()
        assert report.followed == ("job-a",) and not (report.sent or report.unknown)
        done = await settled(services, "job-a")
    assert done.status is JobStatus.SUCCEEDED and done.remote_ids == (task.task_id,)
    assert len(client.run_calls) == 1  # only the POST made above: nothing was sent again
    record = library.get_job("job-a")
    assert record is not None and record.status is JobStatus.SUCCEEDED
    [output] = library.outputs_for_job("job-a")
    assert output.sha256 is not None and library.file_of(output) is not None


@pytest.mark.asyncio
async def test_reconcile_sends_unsent_jobs_and_never_resends_interrupted_ones(
    library: Library,
) -> None:
    library.create_job("never-sent", ENDPOINT, {"prompt": "waited for a slot"})
    library.create_job("in-flight", ENDPOINT, {"prompt": "post had left"})
    library.update_job("in-flight", error=AMBIGUOUS_SUBMIT_MESSAGE)
    library.create_job("retry-in-flight", ENDPOINT, {"prompt": "second attempt had left"})
    library.set_remote_id("retry-in-flight", "ms-old")
    library.update_job("retry-in-flight", status="submitting", error=AMBIGUOUS_SUBMIT_MESSAGE)
    client = PngClient()
    async with open_services(client, library) as services:
        report = await services.reconcile()
        assert report.sent == ("never-sent",)
        assert set(report.unknown) == {"in-flight", "retry-in-flight"}
        await wait_until(services.is_settled)
        assert [call[1]["prompt"] for call in client.run_calls] == ["waited for a slot"]
        for local_id in ("in-flight", "retry-in-flight"):
            record = library.get_job(local_id)
            assert record is not None and record.status is JobStatus.UNKNOWN
            assert record.error == INTERRUPTED_SUBMIT_MESSAGE
            shown = services.runner.get(local_id)
            assert shown is not None and shown.status is JobStatus.UNKNOWN  # in the queue

        retried = services.retry("in-flight")  # only an explicit user action sends it
        assert retried.status is JobStatus.SUBMITTING
        done = await settled(services, "in-flight")
    assert done.status is JobStatus.SUCCEEDED
    assert [call[1]["prompt"] for call in client.run_calls][-1] == "post had left"
    assert len(client.run_calls) == 2


def _succeeded_job_with_three_outputs(library: Library) -> list[str]:
    urls = [f"https://cdn.example/ms-9/image-{i}.png" for i in range(3)]
    images = [{"url": url, "content_type": "image/png"} for url in urls]
    task = {"task_id": "ms-9", "status": "succeeded", "output": {"images": images}}
    library.create_job("job-c", ENDPOINT, {"prompt": "three"})
    library.set_remote_id("job-c", "ms-9")
    library.update_job("job-c", status=JobStatus.SUCCEEDED, task_json=task)
    for index, url in enumerate(urls):
        library.add_output("job-c", index, "image", url)
    return urls


@pytest.mark.asyncio
async def test_reconcile_downloads_only_the_missing_outputs(library: Library) -> None:
    """Files an earlier version saved under its names (``<local id>-<index>``) are found again;
    only the missing one is fetched, under a readable name."""
    urls = _succeeded_job_with_three_outputs(library)
    folder = day_folder(library, "job-c")
    folder.mkdir(parents=True)
    recorded = folder / "job-c-0.png"  # downloaded and recorded before the crash
    recorded.write_bytes(png_bytes((1, 2, 3)))
    first = library.outputs_for_job("job-c")[0]
    library.set_output_file(first.id, recorded, sha256_file(recorded), recorded.stat().st_size)
    unrecorded = folder / "job-c-1.png"  # downloaded, crash before it was recorded
    unrecorded.write_bytes(png_bytes((4, 5, 6)))

    client = PngClient()
    async with open_services(client, library) as services:
        report = await services.reconcile()
        assert report.fetching == ("job-c",)
        await services.wait_idle()
    readable = f"{folder.name} three · pixel · job-c-2.png"
    assert client.downloads == [(urls[2], folder / readable)]
    outputs = library.outputs_for_job("job-c")
    assert [o.local_path for o in outputs] == [
        f"{folder.name}/job-c-0.png",
        f"{folder.name}/job-c-1.png",
        f"{folder.name}/{readable}",
    ]
    for output in outputs:
        assert output.sha256 == sha256_file(library.outputs_root / str(output.local_path))
    assert list(folder.glob("*.part")) == []


@pytest.mark.asyncio
async def test_a_task_the_server_forgot_becomes_lost_not_done(library: Library) -> None:
    library.create_job("job-d", ENDPOINT, {"prompt": "gone"})
    library.set_remote_id("job-d", "ms-404")
    library.update_job("job-d", status=JobStatus.QUEUED)
    async with open_services(FakeClient(), library) as services:
        report = await services.reconcile()
        assert report.followed == ("job-d",)
        done = await settled(services, "job-d")
    assert done.status is JobStatus.LOST
    record = library.get_job("job-d")
    assert record is not None
    assert (record.status, record.error) == (JobStatus.LOST, LOST_MESSAGE)


@pytest.mark.asyncio
async def test_recent_jobs_rebuilds_history_rows_after_a_restart(library: Library) -> None:
    async with open_services(PngClient(), library) as services:
        made = services.runner.submit(ENDPOINT, {"prompt": "keep me"})
        done = await settled(services, made.local_id)
    library.create_job("in-flight", ENDPOINT, {"prompt": "ambiguous"})
    library.update_job("in-flight", error=AMBIGUOUS_SUBMIT_MESSAGE)

    client = PngClient(_ids=itertools.count(5))  # task ids are never reused by a server
    async with open_services(client, library) as services:
        await services.reconcile()
        assert (await services.reconcile()).unknown == ()  # reported once, adopted once
        rows = {job.local_id: job for job in services.recent_jobs()}
        assert rows["in-flight"] is services.runner.get("in-flight")  # live row wins
        history = rows[made.local_id]
        services.retry(made.local_id)  # a row only in the library can be retried too
        again = await settled(services, made.local_id)
    assert again.status is JobStatus.SUCCEEDED and again.remote_ids == ("ms-1", "ms-5")
    assert len(library.outputs_for_job(made.local_id)) == 2
    assert history.status is JobStatus.SUCCEEDED and history.endpoint == ENDPOINT
    assert history.input == {"prompt": "keep me"} and history.remote_ids == ("ms-1",)
    assert history.created_at.date() == done.created_at.date()
    [saved] = history.outputs
    assert saved.path is not None and saved.path.is_file() and saved.error is None
    assert saved.path == done.outputs[0].path
    assert rows["in-flight"].status is JobStatus.UNKNOWN


@pytest.mark.asyncio
async def test_server_file_names_cannot_escape_the_library(
    library: Library, tmp_path: Path
) -> None:
    client = FakeClient()  # its media include file_name "../../evil.sh" and ".." in the URL
    async with open_services(client, library) as services:
        job = services.runner.submit(ENDPOINT, {"prompt": "x"})
        done = await settled(services, job.local_id)
    assert done.status is JobStatus.SUCCEEDED
    root = library.outputs_root.resolve()
    everything = list(await asyncio.to_thread(lambda: list(tmp_path.rglob("*"))))
    written = [p for p in everything if p.is_file() and "library.sqlite3" not in p.name]
    assert written and all(p.resolve().is_relative_to(root) for p in written)
    assert not any(p.name == "evil.sh" for p in everything)
    outputs = library.outputs_for_job(job.local_id)
    assert len(outputs) == 2
    for output in outputs:
        assert output.local_path is not None and ".." not in output.local_path
        assert library.file_of(output).resolve().is_relative_to(root)  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_outputs_folder_must_be_inside_the_library(library: Library, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not inside"):
        await BackendJobs.open(FakeClient(), library=library, outputs_dir=tmp_path / "elsewhere")


@pytest.mark.asyncio
async def test_truncated_download_ends_with_the_servers_exact_bytes(library: Library) -> None:
    with running_simulator("--faults", "truncate*1", speed=50.0) as sim:
        async with MountseaClient(sim.base_url, sim.api_key) as client:
            options: dict[str, Any] = {"follow_options": FAST_FOLLOW}
            async with open_services(client, library, **options) as services:  # type: ignore[arg-type]
                job = services.runner.submit(SIM_IMAGE, {"prompt": "a fox in snow"})
                await wait_until(services.is_settled, 60.0)
                done = services.runner.get(job.local_id)
        assert "fault truncate" in sim.log_text()
        assert done is not None and done.status is JobStatus.SUCCEEDED, done
        [output] = library.outputs_for_job(job.local_id)
        file = library.file_of(output)
        assert file is not None and done.task_id is not None
        original = sim.data_dir / done.task_id / "image-0.png"
        source = json.loads(sidecar_path(file).read_text(encoding="utf-8"))["source"]
        assert source == {"sha256": sha256_file(original), "size": original.stat().st_size}
    assert output.sha256 == sha256_file(file)
    assert list(library.outputs_root.rglob("*.part")) == []


DEMO = "demo"
API = "https://api.mountsea.ai"


async def _running_job(library: Library, client: PngClient, local_id: str, backend: str) -> str:
    """A job that is processing on ``client``'s server, as the library has it after a crash."""
    task = await client.run(ENDPOINT, {"prompt": local_id})
    library.create_job(local_id, ENDPOINT, {"prompt": local_id}, backend=backend)
    library.set_remote_id(local_id, task.task_id)
    library.update_job(local_id, status=JobStatus.PROCESSING)
    return task.task_id


@pytest.mark.asyncio
async def test_reconcile_follows_only_the_current_backends_jobs(library: Library) -> None:
    demo, api = PngClient(), PngClient()
    demo_id = await _running_job(library, demo, "demo-job", DEMO)
    api_id = await _running_job(library, api, "api-job", API)
    assert demo_id == api_id == "ms-1"  # each server's ids mean nothing to the other
    library.create_job("api-unsent", ENDPOINT, {"prompt": "waits for the API"}, backend=API)
    api_before = library.get_job("api-job")

    async with open_services(demo, library, backend=DEMO) as services:
        report = await services.reconcile()
        assert report.followed == ("demo-job",) and report.sent == ()
        assert report.elsewhere == ("api-job", "api-unsent")
        await wait_until(services.is_settled)
        assert services.runner.get("api-job") is None
        history = {job.local_id: job.status for job in services.recent_jobs()}
    assert history == {
        "demo-job": JobStatus.SUCCEEDED, "api-job": JobStatus.PROCESSING,
        "api-unsent": JobStatus.SUBMITTING,
    }  # fmt: skip  # the API's jobs are shown as they were
    assert library.get_job("api-job") == api_before  # untouched: not "lost"
    assert len(demo.run_calls) == 1  # nothing of the API's was sent to the demo

    async with open_services(api, library, backend=API) as services:
        report = await services.reconcile()
        assert (report.followed, report.sent) == (("api-job",), ("api-unsent",))
        assert report.elsewhere == ()
        await wait_until(services.is_settled)
    for local_id in ("demo-job", "api-job", "api-unsent"):
        record = library.get_job(local_id)
        assert record is not None and record.status is JobStatus.SUCCEEDED, local_id
    assert [call[1]["prompt"] for call in api.run_calls] == ["api-job", "waits for the API"]


@pytest.mark.asyncio
async def test_legacy_unfinished_jobs_go_to_the_first_backend_that_starts(
    library: Library,
) -> None:
    client = PngClient()
    await _running_job(library, client, "legacy", "")
    async with open_services(client, library, backend=DEMO) as services:
        assert (await services.reconcile()).followed == ("legacy",)
        await wait_until(services.is_settled)
    record = library.get_job("legacy")
    assert record is not None
    assert (record.backend, record.status) == (DEMO, JobStatus.SUCCEEDED)


@pytest.mark.asyncio
async def test_retry_sends_another_backends_job_here_but_not_while_it_runs(
    library: Library,
) -> None:
    library.create_job("api-failed", ENDPOINT, {"prompt": "again"}, backend=API)
    library.set_remote_id("api-failed", "ms-api")
    library.update_job("api-failed", status=JobStatus.FAILED)
    await _running_job(library, PngClient(), "api-running", API)
    client = PngClient()
    async with open_services(client, library, backend=DEMO) as services:
        await services.reconcile()
        with pytest.raises(JobStateError, match="another backend"):
            services.retry("api-running")
        services.retry("api-failed")
        done = await settled(services, "api-failed")
    assert done.status is JobStatus.SUCCEEDED
    record = library.get_job("api-failed")
    assert record is not None
    assert record.backend == DEMO and record.remote_ids == ("ms-api", "ms-1")
    running = library.get_job("api-running")
    assert running is not None and running.backend == API
    assert running.status is JobStatus.PROCESSING


@pytest.mark.asyncio
async def test_idle_waits_until_the_outputs_a_failed_job_used_are_recorded(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A job that fails has no files to finish, but its lineage is still being written: "idle"
    (what the gallery's tests and shutdown wait for) includes that write."""
    release = threading.Event()
    recorded: list[str] = []

    def slow_record(local_id: str, uses: list[InputUse]) -> None:
        release.wait(10)
        recorded.append(local_id)

    monkeypatch.setattr(library, "record_inputs", slow_record)
    async with open_services(FakeClient(), library) as services:
        use = InputUse("image_url", 0, 1)
        job = services.submit(ENDPOINT, {"prompt": "x", "outcome": "failed"}, None, [use])
        await wait_until(lambda: (found := services.runner.get(job.local_id)) is not None
                         and found.status is JobStatus.FAILED)  # fmt: skip
        idle = asyncio.ensure_future(services.wait_idle())
        await asyncio.sleep(0.2)
        assert not idle.done() and not services.is_settled()
        release.set()
        await asyncio.wait_for(idle, 10)
        assert recorded == [job.local_id] and services.is_settled()
