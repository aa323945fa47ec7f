"""Dragging the studio's own outputs: a MIME marker beside the file URLs, and a small picture.

Other apps take the file URLs; the studio reads the marker (gallery output ids, or a queue row's
local id) so a drop knows which library outputs it holds.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QByteArray, QMimeData, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

if TYPE_CHECKING:
    from collections.abc import Sequence

OUTPUTS_MIME: Final = "application/x-mountsea-outputs"  # {"output_ids": [...], "local_id"?}
DRAG_SIDE: Final = 64


def outputs_mime(
    mime: QMimeData, *, output_ids: Sequence[int] = (), local_id: str | None = None
) -> QMimeData:
    """Marks a drag as the studio's own outputs (besides the file URLs other apps take)."""
    payload: dict[str, Any] = {"output_ids": list(output_ids)}
    if local_id is not None:
        payload["local_id"] = local_id
    mime.setData(OUTPUTS_MIME, QByteArray(json.dumps(payload).encode("utf-8")))
    return mime


def dragged_outputs(mime: QMimeData | None) -> dict[str, Any] | None:
    """The payload of a drag of the studio's own outputs, else None."""
    if mime is None or not mime.hasFormat(OUTPUTS_MIME):
        return None
    try:
        payload = json.loads(bytes(mime.data(OUTPUTS_MIME).data()).decode("utf-8"))
    except ValueError:
        return None
    return payload if isinstance(payload, dict) else None


def drag_thumbnail(pixmap: QPixmap | None, count: int, kind: str) -> QPixmap:
    """The small picture under the cursor while dragging outputs (never the whole row)."""
    side = DRAG_SIDE
    canvas = QPixmap(side, side)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    if pixmap is not None and not pixmap.isNull():
        scaled = pixmap.scaled(
            side,
            side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        painter.drawPixmap((side - scaled.width()) // 2, (side - scaled.height()) // 2, scaled)
    else:
        painter.fillRect(canvas.rect(), QColor(60, 70, 90, 220))
        painter.setPen(QColor("white"))
        painter.drawText(canvas.rect(), Qt.AlignmentFlag.AlignCenter, kind.upper() or "…")
    if count > 1:
        painter.setBrush(QColor(30, 120, 220))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(side - 22, 0, 22, 22)
        painter.setPen(QColor("white"))
        painter.drawText(side - 22, 0, 22, 22, Qt.AlignmentFlag.AlignCenter, str(count))
    painter.end()
    return canvas
