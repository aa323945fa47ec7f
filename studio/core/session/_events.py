"""What the session tells whoever listens: one stream of plain events, each subscriber its own copy.

The UI subscribes once and maps each event onto widgets; nothing in core calls back into the UI.
"""

from __future__ import annotations

import asyncio
import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Self

if TYPE_CHECKING:
    from studio.core.api import Endpoint
    from studio.core.jobs import Job
    from studio.core.library import RecoveryReport
    from studio.core.session._backend import BackendInfo, BackendKind


class BackendState(enum.StrEnum):
    """Where the connection to the current backend stands."""

    OFFLINE = "offline"  # none yet, or switching
    STARTING = "starting"  # the backend (and in demo mode its simulator) is being opened
    CONNECTED = "connected"
    UNREACHABLE = "unreachable"  # opened, but the last probe found no answer
    KEY_REJECTED = "key_rejected"  # the server said 401/403
    FAILED = "failed"  # it could not be opened at all


@dataclass(frozen=True, slots=True)
class BackendChanged:
    """The backend, its state, and in words what is wrong (None when nothing is).

    ``info`` is None until the backend is open; ``kind`` and ``identity`` (what jobs record as
    their backend: "demo" or the API's base URL) say already which one it will be.
    """

    state: BackendState
    info: BackendInfo | None
    problem: str | None = None
    kind: BackendKind | None = None
    identity: str | None = None


@dataclass(frozen=True, slots=True)
class CatalogChanged:
    """The endpoint list; ``from_cache`` while it is the last known one from disk."""

    endpoints: tuple[Endpoint, ...]
    from_cache: bool = False


@dataclass(frozen=True, slots=True)
class JobChanged:
    """A job's newest snapshot: new, changed, or rebuilt from history."""

    job: Job


@dataclass(frozen=True, slots=True)
class JobRemoved:
    """The user removed a settled job from the queue (its outputs stay in the library)."""

    local_id: str


@dataclass(frozen=True, slots=True)
class OutputsRecorded:
    """A job's files are finished and recorded in the library (gallery material)."""

    local_id: str


@dataclass(frozen=True, slots=True)
class Notice:
    """A sentence for the user: ``info`` passes in the status bar, the others stay in view.

    ``status_bar`` puts it in the status bar, whatever its level, until another message
    replaces it (a full disk: the rows say what failed, the bar says why).
    """

    message: str
    level: Literal["info", "warning", "error"] = "info"
    status_bar: bool = False


@dataclass(frozen=True, slots=True)
class LibraryRecovered:
    """The library was found damaged at start-up and rebuilt: what happened, what came back,
    where the damaged file is (published once, first thing)."""

    report: RecoveryReport


Event = (
    BackendChanged
    | CatalogChanged
    | JobChanged
    | JobRemoved
    | OutputsRecorded
    | Notice
    | LibraryRecovered
)


class Subscription:
    """One subscriber's events in order, from the moment it subscribed until the hub closes."""

    def __init__(self, hub: EventHub) -> None:
        self._hub = hub
        self._queue: asyncio.Queue[Event | None] = asyncio.Queue()

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> Event:
        event = await self._queue.get()
        if event is None:
            raise StopAsyncIteration
        return event

    def put(self, event: Event | None) -> None:
        self._queue.put_nowait(event)

    def pending(self) -> int:
        return self._queue.qsize()

    def close(self) -> None:
        """Stop receiving; the iteration ends after what was already delivered."""
        self._hub.unsubscribe(self)
        self._queue.put_nowait(None)


class EventHub:
    """Publishes each event to every subscription (publishing never blocks)."""

    def __init__(self) -> None:
        self._subscriptions: list[Subscription] = []
        self._closed = False

    def subscribe(self) -> Subscription:
        subscription = Subscription(self)
        if self._closed:
            subscription.put(None)
        else:
            self._subscriptions.append(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        if subscription in self._subscriptions:
            self._subscriptions.remove(subscription)

    def publish(self, event: Event) -> None:
        for subscription in self._subscriptions:
            subscription.put(event)

    def close(self) -> None:
        """End every subscription's iteration."""
        self._closed = True
        for subscription in self._subscriptions:
            subscription.put(None)
        self._subscriptions.clear()
