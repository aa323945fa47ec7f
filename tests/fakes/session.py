"""A real Session over a scripted FakeClient: the app's core without a server or a simulator."""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from typing_extensions import override

from studio.core.api import http_client
from studio.core.jobs import DurationStats
from studio.core.library import Library
from studio.core.session import Backend, BackendInfo, BackendKind, KeyStore, Session, Settings

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from pathlib import Path

    from tests.core.test_tasks_fakes import FakeClient

FAST_FOLLOW = {"initial_interval": 0.01, "factor": 1.0, "max_interval": 0.01, "deadline": 60.0}


class FakeBackend(Backend):
    """A backend whose client is a FakeClient; ``problem`` is what the next probe finds."""

    def __init__(self, client: FakeClient, problem: str | None = None) -> None:
        info = BackendInfo(BackendKind.DEMO, "http://fake.invalid")
        super().__init__(info, http_client(info.base_url), client, "fake-key")
        self.problem = problem

    @override
    async def probe(self) -> str | None:
        return self.problem

    @override
    async def aclose(self) -> None:
        await self.http.aclose()


@asynccontextmanager
async def open_session(
    client: FakeClient, tmp_path: Path, *, start: bool = True, **options: Any
) -> AsyncIterator[Session]:
    """A connected Session whose backend is ``client`` (a library under tmp_path)."""
    library = Library.open(tmp_path / "library" / "library.sqlite3")
    key_store = KeyStore(tmp_path / "credentials.json", use_keyring=False)
    backends: list[FakeBackend] = []

    async def open_backend(_settings: Settings, _key: str) -> Backend:
        backends.append(FakeBackend(client))
        return backends[-1]

    session = Session(
        library,
        Settings(),
        key_store,
        stats=DurationStats(),
        open_backend=open_backend,
        follow_options=FAST_FOLLOW,
        **options,
    )
    try:
        if start:
            await session.connect()
        yield session
    finally:
        await session.aclose()
