"""Durations as a clock reads them: "0:05", "1:02:03"."""

from __future__ import annotations

import math


def human_duration(seconds: float) -> str:
    """Seconds as "0:05" or "1:02:03" (rounded up, so a short clip never reads "0:00")."""
    total = max(1, math.ceil(seconds - 0.001)) if seconds > 0 else 0
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
