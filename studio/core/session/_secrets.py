"""Where the API key lives: the OS keychain when a real one exists, else a 0600 file.

The keychain is looked for the first time the key is used, not when the store is made: finding
it imports every keyring backend (~90 ms, seconds where D-Bus is slow), and the session reads the
key in a worker thread while the window paints (issue 12).
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from studio.core import paths
from studio.core.paths import write_atomically

if TYPE_CHECKING:
    from pathlib import Path

    from keyring.backend import KeyringBackend

log = logging.getLogger("studio.secrets")

SERVICE = "mountsea-studio"
ACCOUNT = "api-key"
_WEAK_BACKENDS = ("fail", "null", "keyrings.alt", "chainer")


@dataclass(frozen=True)
class KeyStorage:
    """Which store holds the key, in words fit for the Settings dialog."""

    kind: str  # "keychain" | "file"
    description: str


def _real_keyring() -> KeyringBackend | None:
    try:
        import keyring
        from keyring.backend import KeyringBackend
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None
    backend = keyring.get_keyring()
    module = type(backend).__module__
    priority = getattr(backend, "priority", 0)
    if any(weak in module for weak in _WEAK_BACKENDS) or not priority or priority <= 0:
        return None
    return backend if isinstance(backend, KeyringBackend) else None


class KeyStore:
    """Get, set and clear the API key; never logs it."""

    def __init__(self, file_path: Path | None = None, *, use_keyring: bool = True) -> None:
        self._file = file_path or paths.config_dir() / "credentials.json"
        self._use_keyring = use_keyring
        self._found: KeyringBackend | None = None
        self._looked = False
        self._lock = threading.Lock()  # the session asks from a thread, Settings from the GUI

    @property
    def _keyring(self) -> KeyringBackend | None:
        """The OS keychain, looked for on first use (see the module docstring)."""
        with self._lock:
            if not self._looked:
                self._found = _real_keyring() if self._use_keyring else None
                self._looked = True
            return self._found

    @property
    def storage(self) -> KeyStorage:
        keychain = self._keyring
        if keychain is not None:
            return KeyStorage(
                "keychain", f"Stored in the system keychain ({type(keychain).__name__})."
            )
        return KeyStorage(
            "file",
            f"No system keychain is available: the key is stored in {self._file} "
            "(readable only by you, not encrypted).",
        )

    def get(self) -> str:
        keychain = self._keyring
        if keychain is not None:
            try:
                return keychain.get_password(SERVICE, ACCOUNT) or ""
            except Exception as exc:  # a locked or broken keychain must not stop the app
                log.warning("keychain read failed: %s", type(exc).__name__)
                return ""
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return ""
        value = data.get("api_key", "") if isinstance(data, dict) else ""
        return value if isinstance(value, str) else ""

    def set(self, key: str) -> None:
        key = key.strip()
        if not key:
            self.clear()
            return
        keychain = self._keyring
        if keychain is not None:
            keychain.set_password(SERVICE, ACCOUNT, key)
            return
        write_atomically(self._file, json.dumps({"api_key": key}).encode("utf-8"), mode=0o600)

    def clear(self) -> None:
        keychain = self._keyring
        if keychain is not None:
            try:
                keychain.delete_password(SERVICE, ACCOUNT)
            except Exception as exc:
                log.info("nothing to clear in keychain: %s", type(exc).__name__)
        self._file.unlink(missing_ok=True)
