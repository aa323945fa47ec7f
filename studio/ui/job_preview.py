"""Turns a queue Job into the PreviewItems the preview pane shows."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from studio.core.jobs import is_text_media
from studio.ui.preview.item import PreviewItem

if TYPE_CHECKING:
    from studio.core.jobs import Job, SavedOutput

_MEDIA_KINDS = {"image", "video", "audio"}


def preview_items(job: Job, name: str = "") -> list[PreviewItem]:
    """Saved outputs first (a transcript's file too); else the text or output JSON; else nothing.

    Their title is ``name`` (the catalog's name of the endpoint; its slug when not given), with
    "· 2/3" when the job has several outputs.
    """
    short = name or job.endpoint
    count = len(job.outputs)
    items = [
        _output_item(job, out, f"{short} · {index}/{count}" if count > 1 else short)
        for index, out in enumerate(job.outputs, start=1)
    ]
    if items:
        return items
    text = _result_text(job)
    return [PreviewItem(kind="text", path=None, text=text, title=short)] if text else []


def _output_item(job: Job, out: SavedOutput, title: str) -> PreviewItem:
    if is_text_media(out.media):
        # The text is shown as the server sent it; the file is what Save as and Open folder use.
        text = _result_text(job) or (out.error if out.path is None else None)
        return PreviewItem(kind="text", path=out.path, text=text, title=title, prompt=job.prompt)
    kind = str(out.media.kind.value)
    return PreviewItem(
        kind=kind if kind in _MEDIA_KINDS else "other",
        path=out.path,
        url=out.media.url,
        text=out.error,
        title=title,
        prompt=job.prompt,  # Save as names the file after it
    )


def _result_text(job: Job) -> str | None:
    output = job.task.output if job.task is not None else None
    if output:
        return json.dumps(output, indent=2, ensure_ascii=False)
    return job.text or None
