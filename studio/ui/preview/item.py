"""What the preview pane shows: one output of a task as a plain value (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


class PreviewKind(StrEnum):
    """The `kind` values of a PreviewItem; plain strings compare equal to them."""

    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    TEXT = "text"
    OTHER = "other"


@dataclass(frozen=True)
class PreviewItem:
    """One output: a local file (once downloaded), its remote URL, or text such as a transcript.

    `prompt`, when known, names the file "Save as…" suggests.
    """

    kind: str
    path: Path | None
    url: str | None = None
    text: str | None = None
    title: str = ""
    prompt: str = ""
