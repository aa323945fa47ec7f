"""The gallery's thumbnails: the loader it shares with the queue (see studio.ui.thumbnails)."""

from __future__ import annotations

from studio.ui.thumbnails import ThumbnailLoader, ThumbRequest, thumb_key

__all__ = ["ThumbRequest", "ThumbnailLoader", "thumb_key"]
