"""The simulator's HTTP server: configuration, routes and handlers of the `/ms/v1` contract."""

from __future__ import annotations

import asyncio
import json
import logging
import mimetypes
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from aiohttp import web

from studio.sim import DEMO_API_KEY
from studio.sim.catalog import Catalog, Endpoint
from studio.sim.errors import ApiError
from studio.sim.faults import FaultInjector, FaultKind, FaultProfileError
from studio.sim.lifecycle import (
    DEFAULT_MAX_TASKS,
    DEFAULT_TTL_SECONDS,
    InvalidTransitionError,
    StoreFullError,
    TaskRecord,
    TaskStore,
)
from studio.sim.middleware import (
    FAULT_KEY,
    auth_middleware,
    close_without_response,
    error_middleware,
    fault_middleware,
)
from studio.sim.persistence import StoredTask, TaskPersistence
from studio.sim.runner import TaskRunner
from studio.sim.webhooks import WebhookSender, is_webhook_url

if TYPE_CHECKING:
    from pathlib import Path

    from studio.sim.rendering import GenerateFn

log = logging.getLogger(__name__)

CAPABILITIES = ("image", "video", "audio", "chat", "transcribe", "embeddings")
MAX_BODY_BYTES = 64 * 1024 * 1024
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class SimConfig:
    """Everything the command line can set."""

    data_dir: Path
    host: str = "127.0.0.1"
    port: int = 0
    api_key: str = DEMO_API_KEY
    speed: float = 1.0
    faults: str = "none"
    max_tasks: int = DEFAULT_MAX_TASKS
    task_ttl_seconds: float = DEFAULT_TTL_SECONDS
    persist: bool = False
    """Keep tasks in ``data_dir`` across restarts (see :mod:`studio.sim.persistence`)."""

    @property
    def sweep_interval_seconds(self) -> float:
        return min(60.0, max(0.05, self.task_ttl_seconds / 4))


class SimServer:
    """One running simulator: ``await start()`` returns the base URL, ``await stop()`` ends it."""

    def __init__(
        self, config: SimConfig, generate: GenerateFn, catalog: Catalog | None = None
    ) -> None:
        self.config = config
        self.catalog = catalog or Catalog.load()
        self.faults = FaultInjector(config.faults)
        self.persistence = TaskPersistence(config.data_dir) if config.persist else None
        self.store = TaskStore(
            max_tasks=config.max_tasks,
            ttl_seconds=config.task_ttl_seconds,
            on_evict=self._delete_files,
            on_change=None if self.persistence is None else self.persistence.save,
        )
        self._executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="sim-media")
        self._webhooks = WebhookSender(speed=config.speed)
        self.runner = TaskRunner(
            store=self.store,
            generate=generate,
            executor=self._executor,
            webhooks=self._webhooks,
            data_dir=config.data_dir,
            base_url=lambda: self.base_url,
            local_file=self.local_file,
            speed=config.speed,
        )
        self.base_url = ""
        self._app_runner: web.AppRunner | None = None
        self._sweeper: asyncio.Task[None] | None = None

    async def start(self) -> str:
        self.config.data_dir.mkdir(parents=True, exist_ok=True)
        self._app_runner = web.AppRunner(self._build_app(), access_log=None)
        await self._app_runner.setup()
        site = web.TCPSite(self._app_runner, self.config.host, self.config.port)
        await site.start()
        port = self._app_runner.addresses[0][1]
        host = "127.0.0.1" if self.config.host in ("0.0.0.0", "") else self.config.host
        self.base_url = f"http://{host}:{port}"
        # No await since the socket opened: no request is served before the tasks are back.
        self._restore_tasks()
        self._sweeper = asyncio.get_running_loop().create_task(self._sweep_forever())
        return self.base_url

    async def stop(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            await asyncio.gather(self._sweeper, return_exceptions=True)
        await self.runner.close()
        await self._webhooks.close()
        if self._app_runner is not None:
            await self._app_runner.cleanup()
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _build_app(self) -> web.Application:
        app = web.Application(
            client_max_size=MAX_BODY_BYTES,
            middlewares=[
                error_middleware,
                fault_middleware(self.faults),
                auth_middleware(self.config.api_key),
            ],
        )
        app.router.add_get("/ms/v1/endpoints", self.list_endpoints)
        app.router.add_get("/ms/v1/endpoints/{slug:.+}", self.get_endpoint)
        app.router.add_post("/ms/v1/run/{slug:.+}", self.run_endpoint)
        app.router.add_get("/ms/v1/tasks/{task_id}", self.get_task)
        app.router.add_delete("/ms/v1/tasks/{task_id}", self.cancel_task)
        app.router.add_get("/files/{task_id}/{name}", self.get_file)
        app.router.add_get("/_sim/faults", self.get_faults)
        app.router.add_post("/_sim/faults", self.set_faults)
        app.router.add_get("/_sim/stats", self.get_stats)
        return app

    async def list_endpoints(self, request: web.Request) -> web.Response:
        capability = request.query.get("capability")
        if capability is not None and capability not in CAPABILITIES:
            raise ApiError(400, [f"capability must be one of: {', '.join(CAPABILITIES)}"])
        endpoints = self.catalog.list(capability=capability, tag=request.query.get("tag"))
        data = [endpoint.summary() for endpoint in endpoints]
        return web.json_response({"data": data, "total": len(data)})

    async def get_endpoint(self, request: web.Request) -> web.Response:
        return web.json_response(dict(self._endpoint(request).entry))

    async def run_endpoint(self, request: web.Request) -> web.Response:
        endpoint = self._endpoint(request)
        body = await read_json_object(request)
        inputs = body.get("input")
        if not isinstance(inputs, dict):
            raise ApiError(400, ["input must be an object"])
        webhook_url = body.get("webhook_url")
        if webhook_url is not None and not (
            isinstance(webhook_url, str) and is_webhook_url(webhook_url)
        ):
            raise ApiError(400, ["webhook_url must be an absolute http or https URL"])
        messages = endpoint.validate(inputs)
        if messages:
            raise ApiError(400, messages)
        try:
            record = self.store.create(endpoint.entry, webhook_url)
        except StoreFullError as error:
            raise ApiError(
                429, f"Too many tasks in flight: {error}", {"Retry-After": "1"}
            ) from None
        if self.persistence is not None:
            await self._save_input(self.persistence, record, inputs)
        self.runner.launch(record, endpoint.entry, inputs)
        return web.json_response(record.to_json())

    async def get_task(self, request: web.Request) -> web.Response:
        return web.json_response(self._task(request).to_json())

    async def cancel_task(self, request: web.Request) -> web.Response:
        record = self._task(request)
        try:
            canceled = self.runner.cancel(record.task_id)
        except InvalidTransitionError:
            message = (
                f"Task {record.task_id} is already {record.status.value} and cannot be canceled"
            )
            raise ApiError(409, message) from None
        return web.json_response(canceled.to_json())

    async def get_file(self, request: web.Request) -> web.StreamResponse:
        record = self.store.get(request.match_info["task_id"])
        name = request.match_info["name"]
        if record is None or name not in record.file_names:
            raise ApiError(404, f"File {request.path} not found")
        path = self.config.data_dir / record.task_id / name
        if request.get(FAULT_KEY) is FaultKind.TRUNCATE:
            return await send_truncated(request, path)
        return web.FileResponse(path)

    async def get_faults(self, request: web.Request) -> web.Response:
        return web.json_response(self.faults.describe())

    async def set_faults(self, request: web.Request) -> web.Response:
        body = await read_json_object(request)
        profile = body.get("profile")
        if not isinstance(profile, str):
            raise ApiError(400, ["profile must be a string"])
        try:
            self.faults.set_profile(profile)
        except FaultProfileError as error:
            raise ApiError(400, [f"profile: {error}"]) from None
        log.info("fault profile set to %s", self.faults.profile.text)
        return web.json_response(self.faults.describe())

    async def get_stats(self, request: web.Request) -> web.Response:
        return web.json_response({"tasks": len(self.store)})

    def local_file(self, url: str) -> Path | None:
        """The file behind one of this server's own ``/files/<task>/<name>`` URLs, else None."""
        parts = urlsplit(url)
        own = urlsplit(self.base_url)
        if parts.scheme != "http" or parts.port != own.port:
            return None
        if parts.netloc != own.netloc and parts.hostname not in LOOPBACK_NAMES:
            return None
        segments = parts.path.split("/")
        if len(segments) != 4 or segments[1] != "files":
            return None
        record = self.store.get(segments[2])
        if record is None or segments[3] not in record.file_names:
            return None
        return self.config.data_dir / record.task_id / segments[3]

    def _endpoint(self, request: web.Request) -> Endpoint:
        slug = request.match_info["slug"]
        endpoint = self.catalog.get(slug)
        if endpoint is None:
            raise ApiError(404, f"Endpoint {slug} not found")
        return endpoint

    def _task(self, request: web.Request) -> TaskRecord:
        task_id = request.match_info["task_id"]
        record = self.store.get(task_id)
        if record is None:
            raise ApiError(404, f"Task {task_id} not found")
        return record

    async def _save_input(
        self, persistence: TaskPersistence, record: TaskRecord, inputs: dict[str, Any]
    ) -> None:
        """Input first, off the loop (it may be megabytes); launch() then writes the state."""
        try:
            await asyncio.to_thread(persistence.save_input, record, inputs, self.base_url)
        except OSError as error:
            log.warning("could not save the input of %s: %r", record.task_id, error)

    def _restore_tasks(self) -> None:
        """Load persisted tasks, evict what is due, resume the unfinished, send owed webhooks."""
        if self.persistence is None:
            return
        restored: list[StoredTask] = []
        for stored in self.persistence.load(self.base_url):
            if (
                not stored.record.status.is_terminal
                and self.catalog.get(stored.record.endpoint) is None
            ):
                log.warning("skipping task %s: unknown endpoint", stored.record.task_id)
                continue
            self.store.restore(stored.record)
            restored.append(stored)
        self.store.evict_expired()
        self.store.trim()
        for stored in restored:
            if self.store.get(stored.record.task_id) is not None:
                self._resume(stored)
        log.info("restored %d tasks from %s", len(self.store), self.config.data_dir)

    def _resume(self, stored: StoredTask) -> None:
        record = stored.record
        if record.status.is_terminal:
            if not record.webhook_delivered:
                self.runner.notify(record)
            return
        endpoint = self.catalog.get(record.endpoint)
        assert endpoint is not None and stored.inputs is not None
        self.runner.resume(record, endpoint.entry, stored.inputs, stored.submitted_base_url)

    def _delete_files(self, record: TaskRecord) -> None:
        shutil.rmtree(self.config.data_dir / record.task_id, ignore_errors=True)

    async def _sweep_forever(self) -> None:
        while True:
            await asyncio.sleep(self.config.sweep_interval_seconds)
            evicted = self.store.evict_expired()
            if evicted:
                log.info("evicted %d expired tasks", len(evicted))


async def read_json_object(request: web.Request) -> dict[str, Any]:
    """The request body as a JSON object, else a 400."""
    try:
        body = json.loads(await request.read())
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ApiError(400, [f"Malformed JSON body: {error}"]) from None
    if not isinstance(body, dict):
        raise ApiError(400, ["Request body must be a JSON object"])
    return body


async def send_truncated(request: web.Request, path: Path) -> web.StreamResponse:
    """Announce the whole file, send half of it, then drop the connection."""
    data = await asyncio.to_thread(path.read_bytes)
    response = web.StreamResponse(status=200)
    response.content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    response.content_length = len(data)
    await response.prepare(request)
    await response.write(data[: len(data) // 2])
    close_without_response(request)
    return response
