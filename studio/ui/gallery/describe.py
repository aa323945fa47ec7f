"""Words for a gallery item: the prompt excerpt, durations, and every parameter as label/value."""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from studio.core.library import GalleryItem

_VALUE_LIMIT: Final = 300
_EXCERPT_LIMIT: Final = 80


def prompt_excerpt(item: GalleryItem, limit: int = _EXCERPT_LIMIT) -> str:
    text = " ".join(item.prompt.split()) or item.model or item.endpoint or "(no prompt)"
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def format_duration(seconds: float | None) -> str:
    """0:07, 1:02:03; empty when unknown."""
    if seconds is None or seconds < 0:
        return ""
    whole = max(1, round(seconds)) if seconds > 0 else 0  # a short clip is not "0:00"
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_when(timestamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(timestamp))


def _value_text(value: Any, limit: int | None = _VALUE_LIMIT) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def _size_text(item: GalleryItem) -> str:
    output = item.output
    parts = []
    if output.width and output.height:
        parts.append(f"{output.width}×{output.height}")
    if output.duration is not None:
        parts.append(format_duration(output.duration))
    if output.size is not None:
        parts.append(_bytes_text(output.size))
    return ", ".join(parts)


def _bytes_text(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1 << 20:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1 << 20):.1f} MB"


def output_facts(item: GalleryItem) -> list[tuple[str, str]]:
    """What the library knows about the output and its job, in reading order; plain text."""
    output = item.output
    facts = [
        ("Model", item.model or "—"),
        ("Endpoint", item.endpoint),
        ("Kind", output.kind.value),
        ("Created", format_when(output.created_at)),
        ("Media", _size_text(item) or "—"),
        ("Status", item.status.value),
    ]
    if item.elapsed_ms is not None:
        facts.append(("Took", f"{item.elapsed_ms / 1000:.1f} s"))
    if output.favourite:
        facts.append(("Starred", "yes"))
    if output.trashed_at is not None:
        facts.append(("In trash since", format_when(output.trashed_at)))
    return facts


def input_facts(item: GalleryItem, limit: int | None = _VALUE_LIMIT) -> list[tuple[str, str]]:
    """Every input parameter of the job as name/value text; values are cut at limit if given."""
    return [(name, _value_text(value, limit)) for name, value in item.input.items()]


def file_text(item: GalleryItem) -> str:
    return str(item.file) if item.file is not None else "not downloaded"


def item_facts(item: GalleryItem) -> list[tuple[str, str]]:
    """Every fact worth showing, in reading order; values are plain text."""
    return [*output_facts(item), *input_facts(item), ("File", file_text(item))]


def tooltip_text(item: GalleryItem) -> str:
    lines = [f"{label}: {value}" for label, value in item_facts(item)]
    lines.append("")
    lines.append("Click to preview, double-click to open the preview.")
    return "\n".join(lines)
