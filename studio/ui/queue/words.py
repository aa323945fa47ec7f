"""The words of a queue row: status pill, prompt line, detail, timing and tooltip, all plain text.

A row whose task runs on the other backend (the demo simulator or the API, whichever is not in
use) is "paused" here: nothing follows it until that backend is in use again, so no timer runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from studio.core.jobs import Job, JobStatus, utc_now
from studio.core.media import describe_data_uri
from studio.ui.i18n.core_words import (
    SAVING,
    WAITING,
    core_text,
    duration_text,
    status_key,
)
from studio.ui.i18n.core_words import eta_text as eta_words
from studio.ui.i18n.core_words import status_word as translated_status
from studio.ui.plural import english_plural

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from datetime import datetime

PAUSED = str(QT_TRANSLATE_NOOP("QueueModel", "Paused"))
PROMPT_EXCERPT_CHARS = 200
SOURCE_ARROW = " → "  # "file → field", as the library names a job's inputs


def _tr(text: str) -> str:
    return QCoreApplication.translate("QueueModel", text)


def status_word(job: Job, paused: bool = False) -> str:
    """The word on the status pill in English (what the pill's glyph is chosen by)."""
    if paused:
        return PAUSED
    if job.is_waiting_locally:
        return WAITING
    if job.is_downloading:
        return SAVING
    return status_key(job.status)


def status_label(job: Job, paused: bool = False) -> str:
    """The word on the status pill, translated."""
    return _tr(PAUSED) if paused else translated_status(status_word(job))


def backend_name(identity: str) -> str:
    """How a row names the backend its task runs on: "Demo" or "the API"."""
    return (
        QCoreApplication.translate("QueueModel", "Demo")
        if identity == "demo"
        else QCoreApplication.translate("QueueModel", "the API")
    )


def paused_detail(identity: str) -> str:
    """The detail line of a row whose task runs on the other backend."""
    name = backend_name(identity)
    text = QCoreApplication.translate(
        "QueueModel", "Paused — on %1. It goes on when %1 is in use again."
    )
    return text.replace("%1", name)


def prompt_excerpt(job: Job) -> str:
    """The prompt on one line, cut short; the view elides it further to fit."""
    return _one_line(job.prompt)


def input_line(job: Job, sources: Sequence[str] = (), local_files: Sequence[str] = ()) -> str:
    """The second line of a row: its prompt, else what it was given (a transcription's audio):
    the library files it used (``sources``, "file → field"), else the local files chosen, else
    the names of its URLs or what its embedded files are."""
    if job.prompt:
        return prompt_excerpt(job)
    names = [source.split(SOURCE_ARROW, 1)[0] for source in sources]
    names = names or list(local_files) or list(_named_in_input(job.input.values()))
    return _one_line(", ".join(dict.fromkeys(names)))


def _named_in_input(values: Iterable[object]) -> Iterable[str]:
    for value in values:
        if isinstance(value, list):
            yield from _named_in_input(value)
        elif isinstance(value, str) and value.startswith("data:"):
            yield describe_data_uri(value)
        elif isinstance(value, str) and value.startswith(("http://", "https://")):
            name = unquote(urlsplit(value).path.rsplit("/", 1)[-1])
            if name:
                yield name


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > PROMPT_EXCERPT_CHARS:
        return text[: PROMPT_EXCERPT_CHARS - 1] + "…"
    return text


def elapsed_text(job: Job, now: datetime) -> str:
    elapsed = job.elapsed_s(now)
    return duration_text(elapsed) if elapsed is not None else ""


def eta_text(job: Job, now: datetime) -> str:
    return eta_words(job.eta_s(now))


def warning_text(job: Job, now: datetime | None = None) -> str:
    """The row's transient problem (a "not now" countdown first); a settled row has none."""
    if not job.status.is_running:
        return ""
    if job.retry_wait is not None:
        return core_text(job.retry_wait.describe(now or utc_now()))
    return core_text(job.warning or "")


def status_detail(job: Job, now: datetime | None = None) -> str:
    """One plain line under the prompt: the problem if there is one, else what is going on."""
    return warning_text(job, now) or progress_detail(job)


def progress_detail(job: Job) -> str:
    if job.error:
        return core_text(" ".join(job.error.split()))
    if job.retry_wait is not None:
        return QCoreApplication.translate(
            "QueueModel", "Turned away by the server; nothing was created yet"
        )
    if job.is_waiting_locally:
        return QCoreApplication.translate("QueueModel", "Waiting for a free slot")
    details = {
        JobStatus.SUBMITTING: QCoreApplication.translate("QueueModel", "Sending the request…"),
        JobStatus.QUEUED: QCoreApplication.translate("QueueModel", "Queued on the server"),
        JobStatus.PROCESSING: QCoreApplication.translate("QueueModel", "Saving outputs…")
        if job.is_downloading
        else QCoreApplication.translate("QueueModel", "Generating…"),
        JobStatus.SUCCEEDED: _outputs_summary(job),
        JobStatus.CANCELED: QCoreApplication.translate("QueueModel", "Canceled"),
    }
    return details.get(job.status, "")


def _outputs_summary(job: Job) -> str:
    saved = sum(1 for output in job.outputs if output.path is not None)
    if saved:
        text = QCoreApplication.translate("QueueModel", "%n output(s) saved", "", saved)
        return english_plural(text, saved)
    return (
        QCoreApplication.translate("QueueModel", "Text result")
        if job.text
        else QCoreApplication.translate("QueueModel", "No outputs")
    )


def tooltip(
    job: Job, now: datetime, inputs: Sequence[str] = (), paused_on: str | None = None
) -> str:
    """Everything about the row as plain lines; ``inputs`` name the library files it used;
    ``paused_on`` is the other backend its task runs on, if it does."""
    detail = paused_detail(paused_on) if paused_on is not None else progress_detail(job)
    lines = [job.endpoint, f"{status_label(job, paused_on is not None)} — {detail}"]
    if inputs:
        made_from = QCoreApplication.translate("QueueModel", "Made from:")
        lines.append(f"{made_from} " + "; ".join(inputs))
    if paused_on is None and (warning := warning_text(job, now)):
        lines.append(f"⚠ {warning}")
    if job.prompt:
        lines.append(prompt_excerpt(job))
    timing = " · ".join(t for t in (elapsed_text(job, now), eta_text(job, now)) if t)
    if timing and paused_on is None:
        lines.append(timing)
    if job.task_id:
        lines.append(QCoreApplication.translate("QueueModel", "Task %1").replace("%1", job.task_id))
    if len(job.remote_ids) > 1:
        earlier = ", ".join(job.remote_ids[:-1])
        attempt = QCoreApplication.translate("QueueModel", "Attempt %1; earlier: %2").replace(
            "%1", str(job.attempt)
        )
        lines.append(attempt.replace("%2", earlier))
    return "\n".join(lines)
