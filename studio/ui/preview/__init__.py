"""Output previews for the studio window: image, video, audio (with waveform) and text views."""

from studio.ui.preview.item import PreviewItem, PreviewKind
from studio.ui.preview.pane import PreviewPane

__all__ = ["PreviewItem", "PreviewKind", "PreviewPane"]
