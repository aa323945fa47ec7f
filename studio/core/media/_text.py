"""Text output files (transcripts): their bytes, and the words in them.

A text result is kept as one JSON file holding the output exactly as the server sent it (see
studio.core.jobs for which tasks have one). JSON rather than a .txt: a .txt would drop the
language and the chunk timings, while the plain text is inside the JSON anyway (``text``).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path


def text_bytes(output: Mapping[str, Any]) -> bytes:
    """The file's content: the output as indented UTF-8 JSON."""
    return json.dumps(dict(output), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


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
