"""One session with a backend: which service, its catalog, the runner, the library, settings.

Also the API key's storage, the simulator child process and the log file with secrets masked.
"""

from studio.core.session._backend import Backend, BackendInfo, BackendKind
from studio.core.session._catalog_cache import CatalogCache
from studio.core.session._logging import SECRET_MASK, configure_logging
from studio.core.session._secrets import KeyStore
from studio.core.session._services import INTERRUPTED_SUBMIT_MESSAGE, CoreServices
from studio.core.session._settings import (
    DEFAULT_BASE_URL,
    THEMES,
    Settings,
    load_settings,
    save_settings,
)

__all__ = [
    "DEFAULT_BASE_URL",
    "INTERRUPTED_SUBMIT_MESSAGE",
    "SECRET_MASK",
    "THEMES",
    "Backend",
    "BackendInfo",
    "BackendKind",
    "CatalogCache",
    "CoreServices",
    "KeyStore",
    "Settings",
    "configure_logging",
    "load_settings",
    "save_settings",
]
