"""Which service the studio talks to: the embedded demo simulator, or the real Mountsea API."""

from __future__ import annotations

import asyncio
import enum
import logging
import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import httpx

from studio.core import paths
from studio.core.api import MountseaClient, http_client
from studio.core.jobs import TaskClient
from studio.core.session._simulator import SimulatorProcess, launch_simulator, wait_until_listening

if TYPE_CHECKING:
    from studio.core.api import Endpoint, EndpointDetail
    from studio.core.session._settings import Settings

log = logging.getLogger("studio.backend")


class BackendKind(enum.StrEnum):
    DEMO = "demo"
    API = "api"


@dataclass(frozen=True)
class BackendInfo:
    kind: BackendKind
    base_url: str

    @property
    def identity(self) -> str:
        """What the library records with each job: task ids only mean something to their backend."""
        return "demo" if self.kind is BackendKind.DEMO else self.base_url

    @property
    def label(self) -> str:
        if self.kind is BackendKind.DEMO:
            return "Demo — local simulator"
        return "Mountsea API" if "api.mountsea.ai" in self.base_url else f"API at {self.base_url}"


class BackendClient(TaskClient, Protocol):
    """What the session uses of ``MountseaClient``: the catalog, tasks, downloads, closing."""

    async def list_endpoints(self) -> list[Endpoint]:
        """The catalog."""

    async def get_endpoint(self, slug: str) -> EndpointDetail:
        """One endpoint with its schemas and examples."""

    async def aclose(self) -> None:
        """Release connections."""


class Backend:
    """Owns the shared HTTP client, the Mountsea client and (in demo mode) the simulator process."""

    def __init__(
        self, info: BackendInfo, http: httpx.AsyncClient, client: BackendClient, api_key: str
    ) -> None:
        self.info = info
        self.http = http
        self.client = client
        self._api_key = api_key
        self.simulator: SimulatorProcess | None = None

    @classmethod
    async def open(cls, settings: Settings, api_key: str) -> Backend:
        """With a key: the configured API. Without: start the simulator (in a thread) and use it."""
        simulator: SimulatorProcess | None = None
        if api_key:
            info = BackendInfo(BackendKind.API, settings.base_url.rstrip("/"))
        else:
            # A data folder that outlives the process: demo tasks survive an app restart too.
            data_dir = paths.data_dir() / "simulator"
            process, key = launch_simulator(speed=settings.sim_speed, data_dir=data_dir)
            simulator = await asyncio.to_thread(wait_until_listening, process, key)
            info = BackendInfo(BackendKind.DEMO, simulator.base_url)
            api_key = simulator.api_key
        # The one configuration (studio.core.api.http_client): redirects followed, key kept home.
        http = http_client(info.base_url)
        # Download bodies go through a thread of their own, off the window's loop (api._lane).
        client = MountseaClient(info.base_url, api_key, http=http, threaded_downloads=True)
        backend = cls(info, http, client, api_key)
        backend.simulator = simulator
        log.info("backend: %s at %s", info.kind.value, info.base_url)
        return backend

    async def probe(self) -> str | None:
        """One quick request without retries: None when reachable, else why not (plain words)."""
        if self._simulator_stopped():
            return "the local simulator has stopped"
        try:
            response = await self.http.get(
                f"{self.info.base_url}/ms/v1/endpoints",
                headers={"Authorization": f"Bearer {self._api_key}"},
                timeout=5.0,
            )
        except httpx.HTTPError as exc:
            log.info("probe failed: %s", type(exc).__name__)
            if await asyncio.to_thread(self._simulator_stopped, 1.0):
                return "the local simulator has stopped"
            return "no connection to the server"
        if response.status_code in (401, 403):
            return "the API key was rejected"
        if response.status_code >= 500:
            return f"the server answered {response.status_code}"
        return None

    def _simulator_stopped(self, wait: float = 0.0) -> bool:
        if self.simulator is None:
            return False
        if wait:
            try:
                self.simulator.process.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                return False
        return not self.simulator.is_running()

    async def aclose(self) -> None:
        await self.client.aclose()
        await self.http.aclose()
        if self.simulator is not None:
            await asyncio.to_thread(self.simulator.stop)
