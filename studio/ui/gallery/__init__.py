"""The gallery: every output in the library, fast at tens of thousands, with curation and recall."""

from __future__ import annotations

from studio.ui.gallery.model import PAGE_SIZE, GalleryModel, GalleryRole
from studio.ui.gallery.panel import GalleryPanel
from studio.ui.gallery.thumbs import ThumbnailLoader, thumb_key

__all__ = [
    "PAGE_SIZE",
    "GalleryModel",
    "GalleryPanel",
    "GalleryRole",
    "ThumbnailLoader",
    "thumb_key",
]
