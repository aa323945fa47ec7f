"""Compare: one prompt sent to several models, their results side by side."""

from studio.ui.compare.panel import ComparePanel, CompareSource

__all__ = ["ComparePanel", "CompareSource"]
