"""Thumbnails made in child processes, so decoding never holds the window's interpreter.

``Thumbnailer.render(ThumbnailRequest)`` is awaited on the event loop and gives the pixels of a
thumbnail (the files stay cached under ``paths.thumbnails_dir()``); ``shared_thumbnailer()`` is
the studio's one instance. The child is ``python -m studio.core.thumbnailer`` (``run_child``).
"""

from studio.core.thumbnailer._child import main as run_child
from studio.core.thumbnailer._client import (
    RENDER_TIMEOUT_S,
    Thumbnailer,
    default_processes,
    shared_thumbnailer,
)
from studio.core.thumbnailer._protocol import ThumbnailRequest

__all__ = [
    "RENDER_TIMEOUT_S",
    "ThumbnailRequest",
    "Thumbnailer",
    "default_processes",
    "run_child",
    "shared_thumbnailer",
]
