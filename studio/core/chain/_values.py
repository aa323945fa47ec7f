"""Values of the creative chain: a library output to send on, where it was used, its family."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from studio.core.units import human_duration, human_size

if TYPE_CHECKING:
    from pathlib import Path

SENDABLE_KINDS = frozenset({"image", "video", "audio"})


@dataclass(frozen=True)
class Source:
    """One library output as something to send on to another endpoint.

    ``file`` is the absolute path of its local file (None before download); ``problem`` says in
    words why it cannot be sent (its file is gone, not downloaded yet), else None.
    """

    output_id: int
    kind: str  # image, video, audio, text, other
    file: Path | None
    endpoint: str = ""
    prompt: str = ""
    width: int | None = None
    height: int | None = None
    duration: float | None = None
    size: int | None = None
    sha256: str | None = None
    problem: str | None = None

    @property
    def name(self) -> str:
        return self.file.name if self.file is not None else f"output {self.output_id}"

    @property
    def usable(self) -> bool:
        """It has a file on disk and is a kind another endpoint can take."""
        return self.problem is None and self.file is not None and self.kind in SENDABLE_KINDS

    def details(self) -> str:
        """ "640×360 · 0:05 · 2 MB": what a field or a menu shows beside its name."""
        parts = []
        if self.width and self.height:
            parts.append(f"{self.width}×{self.height}")
        if self.duration is not None:
            parts.append(human_duration(self.duration))
        if self.size:
            parts.append(human_size(self.size))
        return " · ".join(parts)


@dataclass(frozen=True)
class InputUse:
    """A library output used as a job's input: in which field, at which position of a list.

    ``timestamp_s`` is set for a frame taken from a video (the video is the input).
    """

    field: str
    position: int
    output_id: int
    timestamp_s: float | None = None


@dataclass(frozen=True)
class Link:
    """One edge of an output's family: the other output, and the field it went into."""

    source: Source
    field: str
    position: int = 0
    timestamp_s: float | None = None


@dataclass(frozen=True)
class Lineage:
    """What an output was made from and what it was used in (outputs of later jobs)."""

    made_from: tuple[Link, ...] = ()
    used_in: tuple[Link, ...] = ()
