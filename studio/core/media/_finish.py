"""Finishing a downloaded output: its sidecar, metadata embedded in images, its hash and size.

Blocking: callers run it in a thread, or in a child process (the thumbnail processes'
``Thumbnailer.finish_file``).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self

from studio.core.media._files import sha256_file
from studio.core.media._metadata import embed_metadata, write_sidecar
from studio.core.media._probe import MediaInfo, probe
from studio.core.paths import existing_sidecar, make_private, sidecar_paths, stale_temps

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What the library records about a finished output file."""

    sha256: str
    size: int
    media: MediaInfo

    def fields(self) -> dict[str, Any]:
        """As plain JSON values (how they come back from the thumbnail process)."""
        media = self.media
        return {
            "sha256": self.sha256,
            "size": self.size,
            "media_type": media.media_type,
            "width": media.width,
            "height": media.height,
            "duration": media.duration,
        }

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any]) -> Self:
        """The facts ``fields()`` gave; raises KeyError, TypeError or ValueError if not."""
        width, height, duration = fields["width"], fields["height"], fields["duration"]
        media = MediaInfo(
            str(fields["media_type"]),
            None if width is None else int(width),
            None if height is None else int(height),
            None if duration is None else float(duration),
        )
        return cls(str(fields["sha256"]), int(fields["size"]), media)


def finish_file(
    path: Path, request: Mapping[str, Any], facts: Mapping[str, Any] | None = None
) -> FileFacts:
    """Sidecar, then metadata embedded in images, then the final file's hash and size.

    Safe to repeat after a crash at any step: the sidecar, written first, keeps the hash of the
    bytes as downloaded (``source``; embedding changes the file), and embedding replaces its own
    blocks. ``facts`` are more blocks for the sidecar (its "output" block is merged with the
    media facts found here); the finished file's hash and size go in as ``final``, so the
    library can be rebuilt from the sidecars without reading every file again.
    """
    _remove_stale_temps(path)
    make_private(path)  # however it was saved: outputs are the user's own
    source = _source_facts(path)
    info = probe(path)
    extra = dict(facts or {})
    output: dict[str, Any] = {"media_type": info.media_type, "duration": info.duration}
    output |= {"width": info.width, "height": info.height, **extra.pop("output", {})}
    document = {**extra, "source": source, "output": output}
    embedded = False
    if info.media_type.startswith("image/"):
        write_sidecar(path, request, document)  # before the bytes change: see above
        try:
            embedded = embed_metadata(path, request)
        except ValueError as exc:  # a damaged container is left as it was; the sidecar remains
            log.warning("metadata not embedded in %s: %s", path.name, exc)
    final: dict[str, Any] = source
    if embedded:
        final = {"sha256": sha256_file(path), "size": path.stat().st_size}
    write_sidecar(path, request, {**document, "final": final})
    return FileFacts(str(final["sha256"]), int(final["size"]), info)


def _remove_stale_temps(path: Path) -> None:
    """Temp files of an atomic write (file or sidecar) that a crash interrupted."""
    for stale in [path, *sidecar_paths(path)]:
        for temp in stale_temps(stale):
            temp.unlink(missing_ok=True)


def source_facts_of(path: Path) -> dict[str, Any] | None:
    """The downloaded bytes' {"sha256", "size"} as recorded in the file's sidecar, if any."""
    sidecar = existing_sidecar(path)
    if sidecar is None:
        return None
    try:
        document = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    source = document.get("source") if isinstance(document, dict) else None
    if isinstance(source, dict) and isinstance(source.get("sha256"), str):
        return source
    return None


def _source_facts(path: Path) -> dict[str, Any]:
    recorded = source_facts_of(path)
    if recorded is not None:
        return recorded
    return {"sha256": sha256_file(path), "size": path.stat().st_size}
