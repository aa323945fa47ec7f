"""Where the window keeps its state (geometry, splitters, the last endpoint): one QSettings file."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from studio.core import paths


def window_state_store() -> QSettings:
    """``window.ini`` beside the settings (STUDIO_HOME aware)."""
    return QSettings(str(paths.config_dir() / "window.ini"), QSettings.Format.IniFormat)
