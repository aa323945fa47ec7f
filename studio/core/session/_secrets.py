"""Where the API key lives: the OS keychain when a real one exists, else a 0600 file.

The keychain is looked for the first time the key is used, not when the store is made: finding
it imports every keyring backend (~90 ms, seconds where D-Bus is slow; ~10 MB that stay), and the
session reads the key in a worker thread while the window paints (issue 12). Where no keychain can
be reached at all it is not looked for (see ``_keychain_reachable``).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import sys
import threading
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from studio.core import paths
from studio.core.paths import write_atomically

if TYPE_CHECKING:
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


def _keychain_reachable() -> bool:
    """False only where no keyring backend could work, known without importing keyring.

    On Linux every keychain keyring ships talks to D-Bus: Secret Service through jeepney, which
    needs the session bus address; KWallet and libsecret through dbus-python or PyGObject, which
    might start a bus themselves, so their presence counts as reachable. A backend the user chose
    (PYTHON_KEYRING_BACKEND, keyringrc.cfg) or one another package installs is always tried.
    """
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("PYTHON_KEYRING_BACKEND") or os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return True
    if any(importlib.util.find_spec(name) is not None for name in ("dbus", "gi")):
        return True
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    if (config / "python_keyring" / "keyringrc.cfg").exists():
        return True
    found = metadata.entry_points(group="keyring.backends")
    return any(not entry.value.startswith("keyring.backends.") for entry in found)


def _real_keyring() -> KeyringBackend | None:
    if not _keychain_reachable():
        return None
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
