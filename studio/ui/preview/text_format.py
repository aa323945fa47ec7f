"""Plain-text renderings for the text preview: JSON, transcripts and unknown files (no Qt)."""

from __future__ import annotations

import json
import mimetypes
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from studio.ui.i18n.core_words import size_text

if TYPE_CHECKING:
    from pathlib import Path

HEAD_BYTES = 64 * 1024
_UTF8_MAX_SEQUENCE = 4


def format_output_text(text: str) -> str:
    """Transcript chunks as timed lines, other JSON pretty-printed, anything else unchanged."""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    if isinstance(value, dict):
        transcript = _format_transcript(value)
        if transcript is not None:
            return transcript
    if isinstance(value, dict | list):
        return json.dumps(value, indent=2, ensure_ascii=False)
    return text


def format_timestamp(seconds: float | None) -> str:
    """0:01.2 style (minutes:seconds.tenths); '…' when unknown."""
    if seconds is None:
        return "…"
    tenths = round(max(seconds, 0.0) * 10)
    minutes, rest = divmod(tenths, 600)
    return f"{minutes}:{rest // 10:02d}.{rest % 10}"


def describe_file(path: Path) -> str:
    """Name, type and size of a file, then its first bytes if they are text."""
    size = path.stat().st_size
    mime = mimetypes.guess_type(path.name)[0] or QCoreApplication.translate(
        "TextFormat", "unknown type"
    )
    header = f"{path.name}\n{mime} · {size_text(size)}\n"
    with path.open("rb") as stream:
        head = stream.read(HEAD_BYTES)
    text = _decode_text(head)
    if text is None:
        return f"{header}\n" + QCoreApplication.translate(
            "TextFormat", "Binary file, %1 — no text preview."
        ).replace("%1", size_text(size))
    if size <= HEAD_BYTES:
        return f"{header}\n{format_output_text(text)}"
    shown = QCoreApplication.translate("TextFormat", "[… first %1 of %2 shown]").replace(
        "%1", size_text(HEAD_BYTES)
    )
    return f"{header}\n{text}\n\n{shown.replace('%2', size_text(size))}"


def _decode_text(data: bytes) -> str | None:
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A read cut through the middle of a multibyte character is still text.
        if (
            exc.start >= len(data) - _UTF8_MAX_SEQUENCE + 1
            and exc.reason == "unexpected end of data"
        ):
            return data[: exc.start].decode("utf-8")
        return None


def _format_transcript(value: dict[str, Any]) -> str | None:
    chunks = value.get("chunks")
    if not isinstance(chunks, list) or not chunks:
        return None
    lines = [_format_chunk(chunk) for chunk in chunks]
    if any(line is None for line in lines):
        return None
    return "\n".join(line for line in lines if line is not None)


def _format_chunk(chunk: object) -> str | None:
    if not isinstance(chunk, dict) or not isinstance(chunk.get("text"), str):
        return None
    stamp = chunk.get("timestamp")
    if not isinstance(stamp, list | tuple) or len(stamp) != 2:
        return None
    start, end = (_as_seconds(part) for part in stamp)
    return f"[{format_timestamp(start)} → {format_timestamp(end)}] {chunk['text'].strip()}"


def _as_seconds(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None
