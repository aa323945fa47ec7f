"""One rotating log file for the app, with every known secret masked before it is written."""

from __future__ import annotations

import logging
import logging.handlers
from io import TextIOWrapper
from pathlib import Path

from typing_extensions import override

from studio.core import paths

LOG_FILE_NAME = "studio.log"


class SecretMask(logging.Filter):
    """Replaces registered secrets in every record's final message."""

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()

    def add(self, secret: str) -> None:
        if len(secret) >= 4:
            self._secrets.add(secret)

    def mask(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text

    @override
    def filter(self, record: logging.LogRecord) -> bool:
        if self._secrets:
            record.msg = self.mask(record.getMessage())
            record.args = None
        return True


SECRET_MASK = SecretMask()


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are created 0600: a log may name prompts and file paths."""

    @override
    def _open(self) -> TextIOWrapper:
        stream = paths.open_private(Path(self.baseFilename), "ab")
        return TextIOWrapper(stream, encoding=self.encoding, errors=self.errors)


def configure_logging(level: int = logging.INFO, log_dir: Path | None = None) -> Path:
    """Send the 'studio' loggers to a rotating file (1 MB × 5); returns its path."""
    folder = log_dir or paths.log_dir()
    path = folder / LOG_FILE_NAME
    paths.make_private(path)  # a log written by an older version
    handler = PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(SECRET_MASK)
    root = logging.getLogger("studio")
    for old in list(root.handlers):
        if isinstance(old, logging.handlers.RotatingFileHandler):
            root.removeHandler(old)
            old.close()
    root.addHandler(handler)
    root.setLevel(level)
    return path
