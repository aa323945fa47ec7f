"""Compare: one intent sent to several models (or one model with several values), every
translation shown, results side by side and in sync, a winner kept in the library."""

from studio.ui.compare.history import ComparisonsView
from studio.ui.compare.panel import ComparePanel
from studio.ui.compare.source import CompareSource

__all__ = ["ComparePanel", "CompareSource", "ComparisonsView"]
