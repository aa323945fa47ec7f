"""Byte sizes as "512 B", "1.5 KB", "8.4 MB", "12 MB", "1.2 GB" (1 KB = 1024 bytes)."""

from __future__ import annotations

_UNITS = ("KB", "MB", "GB", "TB")


def human_size(size: int) -> str:
    """One decimal below ten units, whole numbers from ten on; bytes as they are."""
    if size < 1024:
        return f"{max(size, 0)} B"
    value = size / 1024
    index = 0
    while value >= 1024 and index < len(_UNITS) - 1:
        value /= 1024
        index += 1
    return f"{value:.1f} {_UNITS[index]}" if value < 10 else f"{value:.0f} {_UNITS[index]}"
