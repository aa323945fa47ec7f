"""Text results (transcripts) as library outputs: which tasks have one, its file and its words.

A succeeded task with no media but with text or other output (a Whisper transcript: ``text``,
``language`` and timed ``chunks``) is kept as one JSON file holding the output exactly as the
server sent it. JSON rather than a .txt: a .txt would drop the language and the chunk timings,
while the plain text is inside the JSON anyway (``text``), the preview shows the chunks as timed
lines, and one file per result keeps trash, export and start-up checks one-to-one with its
library row. The writing functions block: callers run them in a thread.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from studio.core.api import MediaKind, MediaRef, TaskStatus
from studio.core.media._metadata import write_sidecar
from studio.core.paths import write_atomically

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from studio.core.api import Task

TEXT_MEDIA_TYPE: Final = "application/json"
_MEDIA_KEYS: Final = frozenset({"images", "videos", "audio"})
_EMPTY: Final[tuple[object, ...]] = (None, "", [], {})


@dataclass(frozen=True, slots=True)
class TextFacts:
    """What the library records about a written text output."""

    sha256: str
    size: int
    media_type: str = TEXT_MEDIA_TYPE


def text_result(task: Task | None) -> dict[str, Any] | None:
    """The output to keep as a text file: a succeeded task's output without media, else None.

    Media keys left empty (``"images": []``) do not count as a result.
    """
    if task is None or task.status is not TaskStatus.SUCCEEDED or task.media or not task.output:
        return None
    found = any(value not in _EMPTY for key, value in task.output.items() if key not in _MEDIA_KEYS)
    return task.output if found else None


def text_media(size: int | None = None) -> MediaRef:
    """The MediaRef of a text output: no remote URL (it was never a file on the server)."""
    return MediaRef(url="", kind=MediaKind.OTHER, content_type=TEXT_MEDIA_TYPE, file_size=size)


def is_text_media(media: MediaRef) -> bool:
    """True for the MediaRef of a text output (see text_media), live or rebuilt from the library."""
    return not media.url and media.content_type == TEXT_MEDIA_TYPE


def text_bytes(output: Mapping[str, Any]) -> bytes:
    """The file's content: the output as indented UTF-8 JSON."""
    return json.dumps(dict(output), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def write_text_output(
    path: Path, output: Mapping[str, Any], request: Mapping[str, Any]
) -> TextFacts:
    """The file (atomically), then its sidecar. Safe to repeat: the bytes are the same each time."""
    data = text_bytes(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, data)
    facts = TextFacts(hashlib.sha256(data).hexdigest(), len(data))
    source = {"sha256": facts.sha256, "size": facts.size}
    described = {"media_type": facts.media_type, "language": output.get("language")}
    write_sidecar(path, request, {"source": source, "output": described})
    return facts


def plain_text(document: Any) -> str:
    """The words of a text output: its ``text``, else its chunks' texts, else the JSON itself."""
    if isinstance(document, dict):
        text = document.get("text")
        if isinstance(text, str) and text.strip():
            return text
        chunks = document.get("chunks")
        if isinstance(chunks, list):
            words = [chunk["text"].strip() for chunk in chunks if _has_text(chunk)]
            if words:
                return " ".join(words)
    if isinstance(document, str):
        return document
    return json.dumps(document, ensure_ascii=False, indent=1)


def _has_text(chunk: object) -> bool:
    return isinstance(chunk, dict) and isinstance(chunk.get("text"), str)


def read_plain_text(path: Path, limit: int = 64 * 1024) -> str:
    """The words of a text output file (JSON or plain text), from at most ``limit`` bytes."""
    with path.open("rb") as stream:
        head = stream.read(limit)
    text = head.decode("utf-8", "replace")
    try:
        return plain_text(json.loads(text))
    except ValueError:
        return text
