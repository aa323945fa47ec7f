"""The PySide6 side: view-models, item models, schema forms and widgets."""

import os

# Qt Multimedia logs every optional library it cannot load (pipewire, VA-API…) when it is first
# imported; users need none of that. Set before any module of this package imports Qt.
os.environ.setdefault(
    "QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false;qt.multimedia.ffmpeg=false"
)
