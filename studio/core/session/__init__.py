"""The studio's session with a backend, without Qt: ``Session`` and the events it publishes.

Also what a session is made of: the backend choice (demo simulator or the API), settings, the
API key's storage, and the log file with secrets masked.
"""

from typing import TYPE_CHECKING

from studio.core._lazy import lazy_names

if TYPE_CHECKING:
    from studio.core.session._backend import Backend, BackendInfo, BackendKind
    from studio.core.session._backend_jobs import (
        INTERRUPTED_SUBMIT_MESSAGE,
        BackendJobs,
        ReconcileReport,
    )
    from studio.core.session._catalog import last_known_endpoints
    from studio.core.session._events import (
        BackendChanged,
        BackendState,
        CatalogChanged,
        Event,
        JobChanged,
        JobRemoved,
        LibraryRecovered,
        Notice,
        OutputsRecorded,
        Subscription,
    )
    from studio.core.session._logging import SECRET_MASK, configure_logging
    from studio.core.session._secrets import KeyStore
    from studio.core.session._session import BackendOpener, NotConnectedError, Session
    from studio.core.session._settings import (
        DEFAULT_BASE_URL,
        THEMES,
        Settings,
        load_settings,
        save_settings,
    )

# Each name's module is imported the first time the name is used (see studio.core._lazy).
__getattr__ = lazy_names(
    __name__,
    {
        "_backend": (
            "Backend",
            "BackendInfo",
            "BackendKind",
        ),
        "_backend_jobs": (
            "INTERRUPTED_SUBMIT_MESSAGE",
            "BackendJobs",
            "ReconcileReport",
        ),
        "_catalog": ("last_known_endpoints",),
        "_events": (
            "BackendChanged",
            "BackendState",
            "CatalogChanged",
            "Event",
            "JobChanged",
            "JobRemoved",
            "LibraryRecovered",
            "Notice",
            "OutputsRecorded",
            "Subscription",
        ),
        "_logging": (
            "SECRET_MASK",
            "configure_logging",
        ),
        "_secrets": ("KeyStore",),
        "_session": (
            "BackendOpener",
            "NotConnectedError",
            "Session",
        ),
        "_settings": (
            "DEFAULT_BASE_URL",
            "THEMES",
            "Settings",
            "load_settings",
            "save_settings",
        ),
    },
)

__all__ = [
    "DEFAULT_BASE_URL",
    "INTERRUPTED_SUBMIT_MESSAGE",
    "SECRET_MASK",
    "THEMES",
    "Backend",
    "BackendChanged",
    "BackendInfo",
    "BackendJobs",
    "BackendKind",
    "BackendOpener",
    "BackendState",
    "CatalogChanged",
    "Event",
    "JobChanged",
    "JobRemoved",
    "KeyStore",
    "LibraryRecovered",
    "NotConnectedError",
    "Notice",
    "OutputsRecorded",
    "ReconcileReport",
    "Session",
    "Settings",
    "Subscription",
    "configure_logging",
    "last_known_endpoints",
    "load_settings",
    "save_settings",
]
