"""Turns a queue Job into the PreviewItems the preview pane shows."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from studio.ui.preview.item import PreviewItem

if TYPE_CHECKING:
    from studio.core.tasks_models import Job

_MEDIA_KINDS = {"image", "video", "audio"}


def preview_items(job: Job) -> list[PreviewItem]:
    """Downloaded outputs first; a transcript or any other output JSON as text; else nothing."""
    name = job.endpoint.rsplit("/", 2)
    short = " · ".join(name[-2:]) if len(name) >= 2 else job.endpoint
    count = len(job.outputs)
    items = [
        PreviewItem(
            kind=kind if (kind := str(out.media.kind.value)) in _MEDIA_KINDS else "other",
            path=out.path,
            url=out.media.url,
            text=out.error,
            title=f"{short} · {index}/{count}" if count > 1 else short,
        )
        for index, out in enumerate(job.outputs, start=1)
    ]
    if items:
        return items
    output = job.task.output if job.task is not None else None
    if job.text or output:
        text = json.dumps(output, indent=2, ensure_ascii=False) if output else job.text
        return [PreviewItem(kind="text", path=None, text=text, title=short)]
    return []
