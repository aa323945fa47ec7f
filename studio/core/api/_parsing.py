"""Forgiving readers for JSON scalars and ISO timestamps, shared by the model parsers."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

_log = logging.getLogger("studio.api")
_EPOCH_MS_THRESHOLD = 100_000_000_000  # larger epoch numbers are milliseconds, not seconds


def as_str(value: object) -> str:
    """A string field, "" when absent; numbers are kept as their text."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def as_int(value: object) -> int | None:
    """An integer field; floats are truncated, numeric strings read, anything else is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    if isinstance(value, str):
        try:
            return int(float(value))
        except ValueError:
            return None
    return None


def as_float(value: object) -> float | None:
    """A number field, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def as_dict(value: object) -> dict[str, Any] | None:
    """An object field, or None."""
    return value if isinstance(value, dict) else None


def as_str_tuple(value: object) -> tuple[str, ...]:
    """A list of strings (other items dropped); a single string becomes a one-item tuple."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(item for item in value if isinstance(item, str))
    return ()


def parse_timestamp(value: object) -> datetime | None:
    """An aware datetime from ISO-8601 (with or without ms, `Z` or offset) or epoch numbers.

    Naive strings are read as UTC; unreadable values give None and a debug log line.
    """
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > _EPOCH_MS_THRESHOLD else value
        return datetime.fromtimestamp(seconds, tz=UTC)
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        _log.debug("Unreadable timestamp %r", value)
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
