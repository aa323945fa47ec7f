"""The values media generation hands back to the simulator: rendered files and extra output."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RenderedFile:
    """One output file's bytes; extension has no dot ("png", "jpg", "webp", "mp4", "wav", ...)."""

    data: bytes
    content_type: str
    extension: str
    width: int | None = None
    height: int | None = None
    duration: float | None = None


@dataclass(frozen=True)
class Generated:
    """Files in output order, and fields merged into the task output (transcribe's text...)."""

    files: tuple[RenderedFile, ...]
    extra_output: dict[str, Any]
