"""The Session: everything the studio does with a backend, without Qt, told as one event stream.

It owns the backend (demo simulator or the real API), the catalog with its on-disk fallback,
endpoint details, the jobs of the current backend (runner, journal, reconcile, finished files)
and the library. The UI calls its methods and maps its events (``events()``) onto widgets.

Start-up shows the last known catalog at once (the one written last, while the API key is
read: finding the OS keychain can take a second; the bundled snapshot when there is none), then
the key's backend's own, opens the backend, puts recent history and unfinished jobs back (see
BackendJobs.reconcile), probes once so an unreachable server is said at once, then loads the
fresh catalog. A probe every ``probe_interval_s`` keeps the state true
and reloads the catalog when the server answers again.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any, TypeAlias

from typing_extensions import override

from studio.core.api import AuthError, MountseaError
from studio.core.jobs import DurationStats, JobStatus
from studio.core.session._backend import Backend, BackendKind
from studio.core.session._backend_jobs import BackendJobs
from studio.core.session._catalog import Catalog, schema_fingerprint
from studio.core.session._comparisons import read_comparison, store_comparison, stored_jobs
from studio.core.session._creative import CreativeLoop
from studio.core.session._events import (
    BackendChanged,
    BackendState,
    CatalogChanged,
    EventHub,
    JobChanged,
    LibraryRecovered,
    Notice,
)
from studio.core.session._logging import SECRET_MASK
from studio.core.session._settings import DEFAULT_BASE_URL, save_settings

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
    from pathlib import Path

    from studio.core.api import Endpoint, EndpointDetail
    from studio.core.chain import InputUse
    from studio.core.compare import Comparison
    from studio.core.jobs import Job
    from studio.core.library import ComparisonRecord, Library, RecoveryReport
    from studio.core.session._backend import BackendInfo
    from studio.core.session._backend_jobs import FileFinisher
    from studio.core.session._events import Event, Subscription
    from studio.core.session._secrets import KeyStore
    from studio.core.session._settings import Settings

BackendOpener: TypeAlias = "Callable[[Settings, str], Awaitable[Backend]]"

log = logging.getLogger("studio.session")

PROBE_INTERVAL_S = 10.0
KEY_REJECTED = "the API key was rejected"
_PROBE_AFTER = frozenset({JobStatus.FAILED, JobStatus.UNKNOWN, JobStatus.CONTACT_LOST})


class NotConnectedError(RuntimeError):
    """An action that needs a backend came before one was open."""


class Session(CreativeLoop):
    """One studio session. Use from the event loop; ``aclose()`` when done."""

    def __init__(
        self,
        library: Library,
        settings: Settings,
        key_store: KeyStore,
        *,
        stats: DurationStats | None = None,
        open_backend: BackendOpener = Backend.open,
        probe_interval_s: float = PROBE_INTERVAL_S,
        follow_options: Mapping[str, Any] | None = None,
        recovery: RecoveryReport | None = None,
        finish: FileFinisher | None = None,
    ) -> None:
        """``recovery`` is what opening the library repaired (see library.open_library): told
        once, as the first event of the first connect. ``finish`` finishes each saved output
        (the studio's: in its thumbnail processes; a thread of this process when not given)."""
        self._library = library
        self._finish = finish
        self._recovery = recovery
        self._loop: asyncio.AbstractEventLoop | None = None
        self._full_disks: set[int | Path] = set()  # told once per disk
        library.on_disk_full = self._on_disk_full
        self._settings = settings
        self._key_store = key_store
        self._stats = stats
        self._open_backend = open_backend
        self._probe_interval_s = probe_interval_s
        self._follow_options = follow_options
        self._hub = EventHub()
        self._backend: Backend | None = None
        self._jobs: BackendJobs | None = None
        self._catalog: Catalog | None = None
        self._endpoints: tuple[Endpoint, ...] = ()
        self._state = BackendChanged(BackendState.OFFLINE, None)
        self._identity: str | None = None  # of the backend being opened or open
        self._background: dict[str, asyncio.Task[None]] = {}

    # --- what it holds -------------------------------------------------------------------------

    @property
    def library(self) -> Library:
        return self._library

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def key_store(self) -> KeyStore:
        return self._key_store

    @property
    def state(self) -> BackendChanged:
        """The last BackendChanged published."""
        return self._state

    @property
    def backend(self) -> Backend | None:
        """The open backend (None before connecting or while switching)."""
        return self._backend

    @property
    def backend_info(self) -> BackendInfo | None:
        return self._backend.info if self._backend is not None else None

    @property
    def endpoints(self) -> tuple[Endpoint, ...]:
        """The catalog as last published (fresh, or the last known one from disk)."""
        return self._endpoints

    def events(self) -> Subscription:
        """Every event from now on, in order, until ``aclose()``."""
        return self._hub.subscribe()

    # --- connecting ----------------------------------------------------------------------------

    async def start(self) -> None:
        """Connect (the catalog used last shown at once), then keep probing in the background."""
        await self.connect(show_newest=True)
        self._spawn(self._probe_forever(), "probe")

    async def connect(self, *, show_newest: bool = False) -> None:
        """Show the last known catalog, open the backend and pick up what the last run left.

        ``show_newest``: while the key is read, show the catalog written last (or the snapshot).
        """
        self._loop = asyncio.get_running_loop()
        if self._recovery is not None:
            self._hub.publish(LibraryRecovered(self._recovery))
            self._recovery = None
        reading_key = asyncio.ensure_future(asyncio.to_thread(self._key_store.get))
        try:
            if show_newest:
                default = self._settings.base_url == DEFAULT_BASE_URL
                newest = await asyncio.to_thread(Catalog.load_newest, snapshot=default)
                if newest is not None and self._catalog is None:
                    self._catalog = newest
                    self._set_endpoints(newest.cached_endpoints(), from_cache=True)
            api_key = await reading_key
        finally:
            reading_key.cancel()  # only when connecting was cancelled meanwhile
        if api_key:
            SECRET_MASK.add(api_key)
        kind = BackendKind.API if api_key else BackendKind.DEMO
        identity = self._settings.base_url if api_key else "demo"
        self._identity = identity
        # The snapshot is of the simulator's catalog, which is the API's at its usual address.
        snapshot = not api_key or self._settings.base_url == DEFAULT_BASE_URL
        catalog = await asyncio.to_thread(Catalog.load, identity, snapshot=snapshot)
        if self._catalog is None or catalog.path != self._catalog.path:
            self._catalog = catalog  # else the one shown already (what it was asked is kept)
        cached = self._catalog.cached_endpoints()
        if cached != list(self._endpoints):  # nothing new when the newest was this one
            self._set_endpoints(cached, from_cache=True)
        self._set_state(BackendState.STARTING, None, kind=kind)
        try:
            backend = await self._open_backend(self._settings, api_key)
        except Exception as exc:
            log.exception("backend did not open")
            self._set_state(BackendState.FAILED, None, str(exc), kind=kind)
            return
        self._backend = backend
        if self._stats is None:
            self._stats = await asyncio.to_thread(DurationStats.in_cache_dir)
        self._jobs = await BackendJobs.open(
            backend.client,
            library=self._library,
            outputs_dir=self._library.outputs_root,
            max_concurrent=self._settings.max_concurrent,
            stats=self._stats,
            follow_options=self._follow_options,
            backend=backend.info.identity,
            publish=self._publish_job_event,
            on_disk_full=self._on_disk_full,
            finish=self._finish,
        )
        self._jobs.journal.remember_endpoints(self._endpoints)
        for detail in self._catalog.details_seen():  # forms shown before the backend opened
            self._jobs.journal.set_schema_fingerprint(detail.slug, schema_fingerprint(detail))
        await self._put_back_history(self._jobs)
        # One quick look first: an unreachable server is said at once, not after the retries.
        await self.probe()
        if self._state.state is BackendState.CONNECTED:
            await self.refresh_catalog()

    async def _put_back_history(self, jobs: BackendJobs) -> None:
        for job in reversed(await asyncio.to_thread(jobs.recent_jobs)):
            self._hub.publish(JobChanged(job))
        report = await jobs.reconcile()
        resumed = len(report.followed) + len(report.sent) + len(report.fetching)
        if resumed:
            self._hub.publish(Notice(f"Picked up {resumed} unfinished task(s) from last time"))

    async def disconnect(self) -> None:
        """Stop the jobs of this backend (remote tasks keep running) and close it."""
        jobs, backend = self._jobs, self._backend
        self._jobs = self._backend = None
        self._identity = None
        self._set_state(BackendState.OFFLINE, None)
        if jobs is not None:
            await jobs.aclose()
        if backend is not None:
            await backend.aclose()

    async def switch_backend(self) -> None:
        """Disconnect and connect again with the current settings and key."""
        await self.disconnect()
        self._set_endpoints([], from_cache=True)
        await self.connect()

    def apply_settings(self, settings: Settings, api_key: str) -> None:
        """Save both now; switch backend in the background when the key, URL or simulator speed
        changed, else take the new number of tasks at once."""
        previous = self._settings
        switch = (
            api_key.strip() != self._key_store.get()
            or settings.base_url != previous.base_url
            or (not api_key and settings.sim_speed != previous.sim_speed)
        )
        self._settings = settings
        save_settings(settings)
        self._key_store.set(api_key)
        if switch:
            self._spawn(self.switch_backend(), "switch")
        elif self._jobs is not None:
            self._jobs.runner.set_max_concurrent(settings.max_concurrent)

    async def probe(self) -> None:
        """One quick request; publishes the state it finds."""
        backend = self._backend
        if backend is None:
            return
        problem = await backend.probe()
        if backend is not self._backend:
            return  # switched meanwhile
        was = self._state.state
        if problem is None:
            self._set_state(BackendState.CONNECTED, backend.info)
            if was in (BackendState.UNREACHABLE, BackendState.KEY_REJECTED):
                self._spawn(self.refresh_catalog(), "catalog")
        elif problem == KEY_REJECTED:
            self._set_state(BackendState.KEY_REJECTED, backend.info, problem)
        else:
            self._set_state(BackendState.UNREACHABLE, backend.info, problem)

    async def _probe_forever(self) -> None:
        while True:
            await asyncio.sleep(self._probe_interval_s)
            await self.probe()

    async def aclose(self) -> None:
        """Stop background work, disconnect, end every event subscription, close the library."""
        background = list(self._background.values())
        for task in background:
            task.cancel()
        await asyncio.gather(*background, return_exceptions=True)
        await self.disconnect()
        self._hub.close()
        self._library.close()

    # --- catalog -------------------------------------------------------------------------------

    async def refresh_catalog(self) -> None:
        """Load the endpoint list from the server; on failure the last known one stays."""
        backend, catalog = self._backend, self._catalog
        if backend is None or catalog is None:
            return
        try:
            endpoints = await backend.client.list_endpoints()
        except AuthError:
            self._set_state(BackendState.KEY_REJECTED, backend.info, KEY_REJECTED)
            return
        except MountseaError as exc:
            self._hub.publish(Notice(f"The model list could not be loaded: {exc}", "error"))
            return
        if backend is not self._backend:
            return
        await asyncio.to_thread(catalog.store_endpoints, endpoints)
        self._set_endpoints(endpoints, from_cache=False)

    @override
    def cached_detail(self, slug: str) -> EndpointDetail | None:
        """The endpoint's detail as last seen, at once (None when never seen). A form built from
        it writes its input against its schema: that is the schema its jobs record."""
        detail = self._catalog.cached_detail(slug) if self._catalog is not None else None
        if detail is not None and self._jobs is not None:
            self._jobs.journal.set_schema_fingerprint(slug, schema_fingerprint(detail))
        return detail

    @override
    async def fetch_detail(self, slug: str, *, quiet: bool = False) -> EndpointDetail | None:
        """The endpoint's detail from the server (kept for next time); None with a Notice
        (only logged when ``quiet``: a look over the whole catalog, not the user's choice)."""
        backend, catalog = self._backend, self._catalog
        if backend is None or catalog is None:
            return None
        try:
            detail = await backend.client.get_endpoint(slug)
        except MountseaError as exc:
            if quiet:
                log.info("detail of %s not fetched: %s", slug, exc)
            else:
                self._hub.publish(Notice(f"{slug}: {exc}", "error"))
            return None
        await asyncio.to_thread(catalog.store_detail, detail)
        if self._jobs is not None:  # which schema a job's input was written against
            self._jobs.journal.set_schema_fingerprint(slug, schema_fingerprint(detail))
        return detail

    @override
    def _endpoint_slugs(self) -> list[str]:
        return [endpoint.slug for endpoint in self._endpoints]

    def _set_endpoints(self, endpoints: Sequence[Endpoint], *, from_cache: bool) -> None:
        self._endpoints = tuple(endpoints)
        if self._jobs is not None:  # jobs record their model and capability
            self._jobs.journal.remember_endpoints(self._endpoints)
        self._hub.publish(CatalogChanged(self._endpoints, from_cache))

    # --- jobs ----------------------------------------------------------------------------------

    def submit(
        self,
        endpoint: str,
        input: Mapping[str, Any],
        webhook_url: str | None = None,
        uses: Sequence[InputUse] = (),
    ) -> Job:
        """Queue a job; recorded in the library before its request leaves. ``uses`` are the
        library outputs its input holds (field, position), recorded as its lineage."""
        jobs = self._require_jobs("the task was not sent")
        return jobs.submit(endpoint, input, webhook_url, uses)

    async def cancel(self, local_id: str) -> None:
        jobs = self._require_jobs("nothing was cancelled")
        if jobs.runner.get(local_id) is not None:
            await jobs.runner.cancel(local_id)

    async def cancel_all(self) -> None:
        await self._require_jobs("nothing was cancelled").runner.cancel_all()

    def retry(self, local_id: str) -> Job:
        """Run a settled job again in its row (also one known only from the library)."""
        return self._require_jobs("the task was not retried").retry(local_id)

    def follow_again(self, local_id: str) -> Job:
        """Follow the task of a job that lost contact with it (nothing is sent again)."""
        return self._require_jobs("the task was not followed").follow_again(local_id)

    def remove(self, local_id: str) -> None:
        """Take a settled job out of the queue; its outputs stay in the gallery."""
        self._require_jobs("nothing was removed").remove(local_id)

    async def remove_many(self, local_ids: Sequence[str]) -> list[str]:
        """Take settled jobs out of the queue at once ("Clear finished"); returns which."""
        return await self._require_jobs("nothing was removed").remove_many(local_ids)

    async def restore(self, local_ids: Sequence[str]) -> None:
        """Put jobs taken out of the queue back into it (Undo of remove/remove_many)."""
        await self._require_jobs("nothing was put back").restore(local_ids)

    def job(self, local_id: str) -> Job | None:
        """The live snapshot of a job of the current backend, if it has one."""
        return self._jobs.runner.get(local_id) if self._jobs is not None else None

    async def wait_idle(self) -> None:
        """Until the current backend's file work is done (tests and shutdown)."""
        if self._jobs is not None:
            await self._jobs.wait_idle()

    async def job_snapshots(self, local_ids: Sequence[str]) -> dict[str, Job]:
        """The newest snapshot of each job: live from the queue, else read from the library."""
        found = {i: job for i in local_ids if (job := self.job(i)) is not None}
        missing = [i for i in local_ids if i not in found]
        if missing:
            found.update(await asyncio.to_thread(stored_jobs, self._library, missing))
        return found

    # --- comparisons (the library is read and written in a worker thread) ----------------------

    async def save_comparison(self, comparison: Comparison) -> None:
        """Keep a comparison (or its newest state) in the library."""
        await asyncio.to_thread(store_comparison, self._library, comparison)

    async def load_comparison(self, comparison_id: str) -> Comparison | None:
        """A kept comparison as it was saved; None when gone or unreadable."""
        return await asyncio.to_thread(read_comparison, self._library, comparison_id)

    async def list_comparisons(self) -> list[ComparisonRecord]:
        """Every kept comparison, newest first (without its state)."""
        return await asyncio.to_thread(self._library.list_comparisons)

    async def comparison_of_job(self, local_id: str) -> ComparisonRecord | None:
        """The newest comparison that sent this job, if any."""
        found = await asyncio.to_thread(self._library.comparisons_of_job, local_id)
        return found[0] if found else None

    def _require_jobs(self, what: str) -> BackendJobs:
        if self._jobs is None:
            raise NotConnectedError(f"Not connected yet: {what}.")
        return self._jobs

    def _publish_job_event(self, event: Event) -> None:
        self._hub.publish(event)
        if isinstance(event, JobChanged) and event.job.status in _PROBE_AFTER:
            self._spawn(self.probe(), "probe-now")  # a failure may mean the server went away

    def _on_disk_full(self, folder: Path) -> None:
        """A write failed for lack of room (library writes may come from worker threads)."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._tell_disk_full, folder)

    def _tell_disk_full(self, folder: Path) -> None:
        try:
            disk: int | Path = folder.stat().st_dev
        except OSError:
            disk = folder
        if disk in self._full_disks:
            return
        self._full_disks.add(disk)
        self._hub.publish(
            Notice(
                f"The disk is full ({folder}): new files cannot be saved there and jobs that "
                "could not be recorded were not sent. Free some space, then retry them.",
                "warning",
                status_bar=True,
            )
        )

    # --- state and background work -------------------------------------------------------------

    def _set_state(
        self,
        state: BackendState,
        info: BackendInfo | None,
        problem: str | None = None,
        *,
        kind: BackendKind | None = None,
    ) -> None:
        kind = kind or (info.kind if info is not None else None)
        identity = info.identity if info is not None else self._identity
        changed = BackendChanged(state, info, problem, kind, identity)
        if changed != self._state:
            self._state = changed
            self._hub.publish(changed)

    def _spawn(self, work: Coroutine[Any, Any, None], name: str) -> None:
        """Run ``work`` owned by the session; one of each name at a time (the newest wins)."""
        previous = self._background.get(name)
        if previous is not None and not previous.done():
            previous.cancel()
        task = asyncio.get_running_loop().create_task(work, name=name)
        self._background[name] = task
        task.add_done_callback(self._on_background_done)

    def _on_background_done(self, task: asyncio.Task[None]) -> None:
        if self._background.get(task.get_name()) is task:
            del self._background[task.get_name()]
        if not task.cancelled() and task.exception() is not None:
            log.error("%s failed", task.get_name(), exc_info=task.exception())
            self._hub.publish(Notice(str(task.exception()), "error"))
