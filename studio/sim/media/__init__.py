"""Real, deterministic media for the local simulator: images, videos, music and transcripts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from studio.sim.media.audio import generate_music
from studio.sim.media.images import generate_images
from studio.sim.media.params import with_defaults
from studio.sim.media.results import Generated, RenderedFile
from studio.sim.media.transcript import generate_transcript
from studio.sim.media.video import generate_video

__all__ = ["Generated", "RenderedFile", "generate"]

_Generator = Callable[[Mapping[str, Any], Mapping[str, Any], Mapping[str, bytes]], Generated]
_BY_CAPABILITY: dict[str, _Generator] = {
    "image": generate_images,
    "video": generate_video,
    "audio": generate_music,
    "transcribe": generate_transcript,
}


def generate(
    entry: Mapping[str, Any], inputs: Mapping[str, Any], media: Mapping[str, bytes]
) -> Generated:
    """Render the output files of one task.

    entry is the catalog entry; inputs the validated input (schema defaults are applied here);
    media holds the bytes of each input media URL the server could fetch, keyed by the URL as
    written in inputs. Pure, deterministic and CPU-bound; safe to call from worker threads.
    Unknown capabilities produce no files.
    """
    generator = _BY_CAPABILITY.get(str(entry.get("capability")))
    if generator is None:
        return Generated(files=(), extra_output={})
    return generator(entry, with_defaults(entry, inputs), media)
