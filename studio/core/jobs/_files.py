"""Saving a task's outputs: names the app chooses (never the server's), media and text files."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Mapping
    from datetime import datetime
    from pathlib import Path

    from studio.core.api import MediaRef, Task

from studio.core.api import MountseaError
from studio.core.jobs._models import Job, SavedOutput, disk_full_message
from studio.core.jobs._names import legacy_output_stem, output_stem
from studio.core.jobs._text import text_media, text_result
from studio.core.media import extension_for as media_extension
from studio.core.media import text_bytes
from studio.core.paths import is_disk_full, private_dir, write_atomically

log = logging.getLogger(__name__)


def extension_for(media: MediaRef) -> str:
    """From the content type, else the URL's suffix, else ``bin``; always safe in a file name."""
    return media_extension(media.content_type, media.url)


def output_path(
    outputs_dir: Path,
    local_id: str,
    index: int,
    media: MediaRef,
    *,
    when: datetime,
    attempt: int,
    prompt: str = "",
    endpoint: str = "",
) -> Path:
    """``<outputs_dir>/<YYYY-MM-DD>/<day> <prompt> · <model> · <short id>[-a<n>]-<index>.<ext>``
    (see _names); the day is the job's, in local time.

    The attempt suffix keeps a retry from overwriting files of an earlier attempt, which the
    library may still reference.
    """
    day = when.astimezone().date()
    stem = output_stem(
        prompt=prompt, endpoint=endpoint, local_id=local_id, day=day, index=index, attempt=attempt
    )
    return outputs_dir / day.isoformat() / f"{stem}.{extension_for(media)}"


def legacy_output_path(
    outputs_dir: Path, local_id: str, index: int, media: MediaRef, *, when: datetime, attempt: int
) -> Path:
    """Where versions before readable names saved the same output (``<local_id>-<index>.<ext>``)."""
    name = f"{legacy_output_stem(local_id, index, attempt)}.{extension_for(media)}"
    return outputs_dir / when.astimezone().date().isoformat() / name


def attempt_of(job: Job, task_id: str) -> int:
    """The attempt number in file names: the task's place in the row's remote-id history.

    Derived from persisted ids (not the in-memory counter) so a restarted app names the files of
    the same task the same way.
    """
    if task_id in job.remote_ids:
        return job.remote_ids.index(task_id) + 1
    return job.attempt


def destination_of(outputs_dir: Path, job: Job, task_id: str, index: int, media: MediaRef) -> Path:
    """Where output ``index`` of ``task_id`` goes; the same after a restart (the job's own date,
    prompt and endpoint). A file an earlier version saved under its old name is that file."""
    attempt = attempt_of(job, task_id)
    when = job.created_at
    legacy = legacy_output_path(outputs_dir, job.local_id, index, media, when=when, attempt=attempt)
    if legacy.is_file():
        return legacy
    return output_path(
        outputs_dir,
        job.local_id,
        index,
        media,
        when=when,
        attempt=attempt,
        prompt=job.prompt,
        endpoint=job.endpoint,
    )


async def download_outputs(
    download: Callable[[str, Path], Awaitable[Path]],
    outputs_dir: Path,
    job: Job,
    task: Task,
) -> tuple[SavedOutput, ...]:
    """Fetch every media output of ``task``; a failed file keeps its reason, the rest go on.

    A file already at its destination is complete (downloads land by an atomic rename), so it
    is not fetched again; a ``.part`` left by a crash is resumed by ``download``.
    """
    outputs = []
    for index, media in enumerate(task.media):
        dest = destination_of(outputs_dir, job, task.task_id, index, media)
        if dest.is_file():
            outputs.append(SavedOutput(media, dest))
            continue
        try:
            private_dir(dest.parent)
            path = await download(media.url, dest)
        except (MountseaError, OSError) as exc:
            log.warning("download %d of %s failed: %r", index, job.local_id, exc)
            outputs.append(not_saved(media, dest, exc))
        else:
            outputs.append(SavedOutput(media, path))
    return tuple(outputs)


def files_on_disk(outputs_dir: Path, job: Job, task: Task) -> tuple[SavedOutput, ...]:
    """Each media output of ``task``: its file when already saved (they land by an atomic
    rename, so one that exists is complete), else not saved yet."""
    outputs = []
    for index, media in enumerate(task.media):
        dest = destination_of(outputs_dir, job, task.task_id, index, media)
        if dest.is_file():
            outputs.append(SavedOutput(media, dest))
        else:
            outputs.append(SavedOutput(media, None, "Not saved."))
    return tuple(outputs)


def not_saved(media: MediaRef, dest: Path, error: Exception) -> SavedOutput:
    """The output whose saving failed; on a full disk its partial download is removed, since it
    only takes room the library's last writes need (it is downloaded again on retry)."""
    if not is_disk_full(error):
        return SavedOutput(media, None, str(error))
    with contextlib.suppress(OSError):
        dest.with_name(dest.name + ".part").unlink(missing_ok=True)
    return SavedOutput(media, None, disk_full_message(dest.parent), disk_full=dest.parent)


async def save_outputs(
    download: Callable[[str, Path], Awaitable[Path]],
    outputs_dir: Path,
    job: Job,
    task: Task,
) -> tuple[SavedOutput, ...]:
    """Every output of ``task`` on disk: its media downloaded, its text result (a transcript)
    written as a file after them."""
    outputs = await download_outputs(download, outputs_dir, job, task)
    text = text_result(task)
    if text is None:
        return outputs
    return (*outputs, await save_text_output(outputs_dir, job, task, text))


async def save_text_output(
    outputs_dir: Path, job: Job, task: Task, output: Mapping[str, Any]
) -> SavedOutput:
    """Write a task's text result as its file (see media.text_bytes); the same path and bytes
    after a restart, so an existing file is complete and kept."""
    path = text_output_path(outputs_dir, job, task.task_id, len(task.media))
    try:
        size = await asyncio.to_thread(_write_text, path, output)
    except OSError as exc:
        log.warning("text output of %s not written: %r", job.local_id, exc)
        return not_saved(text_media(), path, exc)
    return SavedOutput(text_media(size), path)


def _write_text(path: Path, output: Mapping[str, Any]) -> int:
    if not path.is_file():
        write_atomically(path, text_bytes(output))
    return path.stat().st_size


def text_saved_output(path: Path, size: int | None) -> SavedOutput:
    """A queue row's output for a written text file."""
    return SavedOutput(text_media(size), path)


def text_output_path(outputs_dir: Path, job: Job, task_id: str, index: int) -> Path:
    """``<outputs_dir>/<job's day>/<name>.json``, named as its media are: the same after a
    restart."""
    return destination_of(outputs_dir, job, task_id, index, text_media())
