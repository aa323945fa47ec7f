"""The creative loop in the window: Send to…, frames, masks, and dragging outputs."""

from studio.ui.chain.frame_picker import FramePickerDialog
from studio.ui.chain.mask_painter import MaskFlow, MaskPainterDialog
from studio.ui.chain.send_to import SendToFlow

__all__ = ["FramePickerDialog", "MaskFlow", "MaskPainterDialog", "SendToFlow"]
