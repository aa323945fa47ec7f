"""Pixels decoded in a worker (studio.core.media.DecodedImage) made into a QPixmap, on the GUI
thread: no decoding here, only a copy into the format pixmaps use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QImage, QPixmap

if TYPE_CHECKING:
    from studio.core.media import DecodedImage


def pixmap_of(decoded: DecodedImage) -> QPixmap:
    """The pixmap of a worker's pixels; made here because pixmaps belong to the GUI thread."""
    source_format = (
        QImage.Format.Format_RGBA8888 if decoded.has_alpha else QImage.Format.Format_RGB888
    )
    wrapped = QImage(decoded.pixels, decoded.width, decoded.height, decoded.stride, source_format)
    # The conversion copies into memory the image owns (``wrapped`` only borrows the bytes) and
    # into the format pixmaps use, so fromImage() has nothing left to convert.
    native = (
        QImage.Format.Format_ARGB32_Premultiplied
        if decoded.has_alpha
        else QImage.Format.Format_RGB32
    )
    return QPixmap.fromImage(wrapped.convertToFormat(native))
