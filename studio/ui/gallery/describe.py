"""Words for a gallery item: the prompt excerpt, durations, and every parameter as label/value."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QCoreApplication

from studio.ui.i18n.core_words import kind_word, size_text, status_word, when_text

if TYPE_CHECKING:
    from studio.core.library import GalleryItem

_VALUE_LIMIT: Final = 300
_EXCERPT_LIMIT: Final = 80


def prompt_excerpt(item: GalleryItem, limit: int = _EXCERPT_LIMIT) -> str:
    text = (
        " ".join(item.prompt.split())
        or item.model
        or item.endpoint
        or QCoreApplication.translate("GalleryFacts", "(no prompt)")
    )
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
    return when_text(timestamp)


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
    return size_text(size)


def output_facts(item: GalleryItem) -> list[tuple[str, str]]:
    """What the library knows about the output and its job, in reading order; plain text."""
    output = item.output
    facts = [
        (QCoreApplication.translate("GalleryFacts", "Model"), item.model or "—"),
        (QCoreApplication.translate("GalleryFacts", "Endpoint"), item.endpoint),
        (QCoreApplication.translate("GalleryFacts", "Kind"), kind_word(output.kind.value)),
        (QCoreApplication.translate("GalleryFacts", "Created"), format_when(output.created_at)),
        (QCoreApplication.translate("GalleryFacts", "Media"), _size_text(item) or "—"),
        (QCoreApplication.translate("GalleryFacts", "Status"), status_word(item.status)),
    ]
    if item.elapsed_ms is not None:
        took = QCoreApplication.translate("GalleryFacts", "%1 s")
        facts.append(
            (
                QCoreApplication.translate("GalleryFacts", "Took"),
                took.replace("%1", f"{item.elapsed_ms / 1000:.1f}"),
            )
        )
    if output.favourite:
        facts.append(
            (
                QCoreApplication.translate("GalleryFacts", "Starred"),
                QCoreApplication.translate("GalleryFacts", "yes"),
            )
        )
    if output.trashed_at is not None:
        since = QCoreApplication.translate("GalleryFacts", "In trash since")
        facts.append((since, format_when(output.trashed_at)))
    return facts


def input_facts(item: GalleryItem, limit: int | None = _VALUE_LIMIT) -> list[tuple[str, str]]:
    """Every input parameter of the job as name/value text; values are cut at limit if given."""
    return [(name, _value_text(value, limit)) for name, value in item.input.items()]


def file_text(item: GalleryItem) -> str:
    if item.file is not None:
        return str(item.file)
    return QCoreApplication.translate("GalleryFacts", "not downloaded")


def item_facts(item: GalleryItem) -> list[tuple[str, str]]:
    """Every fact worth showing, in reading order; values are plain text."""
    file_label = QCoreApplication.translate("GalleryFacts", "File")
    return [*output_facts(item), *input_facts(item), (file_label, file_text(item))]


def tooltip_text(item: GalleryItem) -> str:
    lines = [f"{label}: {value}" for label, value in item_facts(item)]
    lines.append("")
    lines.append(
        QCoreApplication.translate(
            "GalleryFacts", "Click to preview, double-click to open the preview."
        )
    )
    return "\n".join(lines)
