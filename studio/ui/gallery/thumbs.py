"""The gallery's thumbnails: the loader it shares with the queue (see studio.ui.thumbnails)."""

from __future__ import annotations

from studio.ui.thumbnails import ThumbnailLoader, thumb_key

__all__ = ["ThumbnailLoader", "thumb_key"]
