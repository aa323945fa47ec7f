"""Connects the window to the backend: catalog, endpoint detail, submit, previews, settings.

Everything slow runs as a coroutine owned by BackgroundTasks; nothing here blocks the GUI thread.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from studio.core import paths
from studio.core.api import AuthError, MountseaError, parse_endpoint, parse_endpoint_detail
from studio.core.jobs import DurationStats, Job, JobStatus
from studio.core.schema import FieldError
from studio.core.session import (
    SECRET_MASK,
    Backend,
    BackendKind,
    CatalogCache,
    CoreServices,
    Settings,
    save_settings,
)
from studio.ui.background import BackgroundTasks
from studio.ui.endpoint.request_dialog import RequestDialog
from studio.ui.icons import app_icon
from studio.ui.job_preview import preview_items
from studio.ui.recall import RecallFlow
from studio.ui.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from studio.core.api import Endpoint, EndpointDetail
    from studio.core.jobs import JobRunner
    from studio.core.library import Library
    from studio.core.session import KeyStore
    from studio.ui.main_window import MainWindow
    from studio.ui.queue.view_model import QueueViewModel

log = logging.getLogger("studio.ui")

PROBE_INTERVAL_S = 10.0
FINISHED = (JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.TIMEOUT)


class StudioController(QObject):
    """The window's brain. Owns the backend session; the window only lays things out."""

    def __init__(
        self,
        window: MainWindow,
        queue: QueueViewModel,
        settings: Settings,
        key_store: KeyStore,
        library: Library,
    ) -> None:
        super().__init__(window)
        self.library = library
        self.window = window
        self.queue = queue
        self.settings = settings
        self.key_store = key_store
        self.backend: Backend | None = None
        self.runner: JobRunner | None = None
        self.services: CoreServices | None = None
        self._problem: str | None = None  # what the last probe found wrong, None when reachable
        self.cache: CatalogCache | None = None
        self.tasks = BackgroundTasks(self._show_error)
        self._selected_job: str | None = None
        self._tray: QSystemTrayIcon | None = None
        self.recall = RecallFlow(window, self.tasks, self.load_endpoint)
        self._connect()

    def _connect(self) -> None:
        w = self.window
        w.marketplace.endpoint_selected.connect(self._on_endpoint_selected)
        w.endpoint_page.generate_requested.connect(self._on_generate_requested)
        w.endpoint_page.show_request_requested.connect(self._on_show_request)
        w.endpoint_page.form_replaced.connect(self._on_form_replaced)
        w.settings_requested.connect(self.open_settings)
        w.refresh_requested.connect(self._on_refresh_requested)
        w.cancel_all_requested.connect(self.queue.cancel_all)
        w.log_folder_requested.connect(self._on_log_folder_requested)
        self.queue.job_changed.connect(self._on_job_changed)
        self.queue.job_finished.connect(self._on_job_finished)
        self.queue.error_raised.connect(self._show_error)

    # --- start-up and backend --------------------------------------------------------------------

    async def start(self) -> None:
        """Show what is cached at once, then connect and refresh in the background."""
        self.window.show_backend(None)
        await self.connect_backend()
        self.tasks.spawn(self._probe_forever(), name="probe")

    async def connect_backend(self) -> None:
        api_key = self.key_store.get()
        if api_key:
            SECRET_MASK.add(api_key)
        self.cache = CatalogCache("demo" if not api_key else self.settings.base_url)
        self._show_cached_catalog()
        self.window.statusBar().showMessage(
            "Starting the demo simulator…" if not api_key else "Connecting…"
        )
        try:
            backend = await Backend.open(self.settings, api_key)
        except Exception as exc:
            log.exception("backend did not open")
            self._show_error(f"Could not start the backend: {exc}")
            return
        self.backend = backend
        self.services = await CoreServices.open(
            backend.client,
            library=self.library,
            outputs_dir=self.library.outputs_root,
            max_concurrent=self.settings.max_concurrent,
            stats=DurationStats.in_cache_dir(),
            backend=backend.info.identity,
        )
        self.services.set_outputs_listener(self._on_outputs_recorded)
        self.services.journal.remember_endpoints(self.window.marketplace.model.endpoints())
        self.runner = self.services.runner
        self.queue.attach(self.runner, retry=self.services.retry, forget=self._forget_job)
        for job in reversed(await asyncio.to_thread(self.services.recent_jobs)):
            self.queue.model.upsert(job)
        report = await self.services.reconcile()
        resumed = len(report.followed) + len(report.sent) + len(report.fetching)
        if resumed:
            self.window.statusBar().showMessage(
                f"Picked up {resumed} unfinished task(s) from last time", 6000
            )
        # One quick look first: an unreachable server is said at once, not after the retries.
        await self.probe_once()
        if self._problem is None:
            await self.refresh_catalog()

    async def disconnect_backend(self) -> None:
        self._problem = None
        services, backend = self.services, self.backend
        self.runner = self.backend = self.services = None
        if services is not None:
            await self.queue.detach()
            await services.aclose()
        if backend is not None:
            await backend.aclose()

    async def aclose(self) -> None:
        await self.tasks.aclose()
        if self.window.compare is not None:
            await self.window.compare.aclose()
        await self.disconnect_backend()
        await self.window.gallery.aclose()
        self.library.close()
        if self._tray is not None:
            self._tray.hide()

    async def _probe_forever(self) -> None:
        while True:
            await self.probe_once()
            await asyncio.sleep(PROBE_INTERVAL_S)

    async def probe_once(self) -> None:
        backend = self.backend
        if backend is None:
            return
        problem = await backend.probe()
        if backend is not self.backend:
            return
        recovered = problem is None and self._problem is not None
        first_failure = problem is not None and self._problem is None
        self._problem = problem
        self.window.show_backend(backend.info, problem)
        if problem == "the API key was rejected":
            self._show_auth_problem()
        elif first_failure:
            self.window.banner.show_message(
                f"{backend.info.label} cannot be reached: {problem}. The last known models are "
                "shown; running tasks are kept and followed again once it answers.",
                level="warning",
            )
        elif recovered:
            self.window.banner.hide()
            self.tasks.spawn(self.refresh_catalog(), name="catalog")

    # --- catalog ---------------------------------------------------------------------------------

    def _show_cached_catalog(self) -> None:
        assert self.cache is not None
        endpoints = []
        for raw in self.cache.endpoints():
            try:
                endpoints.append(parse_endpoint(raw))
            except MountseaError:
                continue
        if endpoints:
            self._set_catalog(endpoints)

    async def refresh_catalog(self) -> None:
        backend = self.backend
        if backend is None:
            return
        try:
            endpoints = await backend.client.list_endpoints()
        except AuthError:
            self._show_auth_problem()
            return
        except MountseaError as exc:
            self._show_error(f"The model list could not be loaded: {exc}")
            return
        if self.cache is not None:
            self.cache.store_endpoints([dict(e.raw) for e in endpoints])
        self._set_catalog(endpoints)

    def _set_catalog(self, endpoints: list[Endpoint]) -> None:
        if self.services is not None:  # jobs record their model and capability
            self.services.journal.remember_endpoints(endpoints)
        self.window.marketplace.set_endpoints(endpoints)
        self.queue.model.set_endpoint_names({e.slug: e.name for e in endpoints})
        self._select_initial_endpoint()

    def _select_initial_endpoint(self) -> None:
        panel = self.window.marketplace
        if panel.current_endpoint() is not None:
            return
        last = QSettings(str(paths.config_dir() / "window.ini"), QSettings.Format.IniFormat)
        slug = str(last.value("last_endpoint", "") or "")
        if slug and panel.select_slug(slug):
            return
        endpoints = panel.model.endpoints()
        first = next((e for e in endpoints if e.capability == "image"), None)
        first = first or (endpoints[0] if endpoints else None)
        if first is not None:
            panel.select_slug(first.slug)

    def _on_refresh_requested(self) -> None:
        self.tasks.spawn(self.refresh_catalog(), name="catalog")

    def _on_endpoint_selected(self, endpoint: Endpoint) -> None:
        store = QSettings(str(paths.config_dir() / "window.ini"), QSettings.Format.IniFormat)
        store.setValue("last_endpoint", endpoint.slug)
        self.tasks.spawn(self.load_endpoint(endpoint.slug, endpoint.name), name="detail")

    async def load_endpoint(
        self, slug: str, name: str = "", initial: dict[str, Any] | None = None
    ) -> EndpointDetail | None:
        """Cached detail at once, then the fresh one; the form keeps what the user typed."""
        page = self.window.endpoint_page
        cached = self.cache.detail(slug) if self.cache is not None else None
        shown: EndpointDetail | None = None
        if cached is not None:
            try:
                shown = parse_endpoint_detail(cached)
                page.show_endpoint(shown, initial)
            except MountseaError:
                shown = None
        elif page.detail is None or page.detail.slug != slug:
            page.show_loading(name or slug)
        fresh = await self.fetch_detail(slug)
        if fresh is None:
            if shown is None:
                page.show_failure(f"{name or slug} could not be loaded. Try View → Refresh.")
            return shown
        if shown is None or dict(shown.raw) != dict(fresh.raw):
            page.show_endpoint(fresh, initial)
        return fresh

    async def fetch_detail(self, slug: str) -> EndpointDetail | None:
        backend = self.backend
        if backend is None:
            return None
        try:
            detail = await backend.client.get_endpoint(slug)
        except MountseaError as exc:
            self._show_error(f"{slug}: {exc}")
            return None
        if self.cache is not None:
            self.cache.store_detail(slug, dict(detail.raw))
        if self.services is not None:  # which schema a job's input was written against
            schema = json.dumps(detail.input_schema, sort_keys=True).encode("utf-8")
            fingerprint = hashlib.sha256(schema).hexdigest()[:16]
            self.services.journal.set_schema_fingerprint(slug, fingerprint)
        return detail

    # --- submit, queue, previews -----------------------------------------------------------------

    def _on_generate_requested(self, slug: str, inputs: list[dict[str, Any]], webhook: str) -> None:
        if self.runner is None:
            self._show_error("Not connected yet: the task was not sent.")
            return
        for value in inputs:
            self.queue.submit(slug, value, webhook or None)
        self.window.statusBar().showMessage(
            f"Submitted {len(inputs)} task{'s' if len(inputs) > 1 else ''} to {slug}", 4000
        )

    def _on_form_replaced(self, what: str, previous: dict[str, Any]) -> None:
        page = self.window.endpoint_page
        self.window.banner.show_message(
            f"The form now holds the {what}.",
            level="info",
            action="Undo",
            on_action=lambda: page.set_form_value(previous),
        )

    def _on_show_request(self, slug: str, body: dict[str, Any]) -> None:
        # Snippets are for copying into real code: in demo mode they name the real API, not the
        # simulator's temporary port.
        backend = self.backend
        demo = backend is None or backend.info.kind is BackendKind.DEMO
        base = self.settings.base_url if demo or backend is None else backend.info.base_url
        dialog = RequestDialog(base, slug, body, self.window)
        dialog.show()

    def _on_job_changed(self, job: Job) -> None:
        if job.local_id == self._selected_job:
            self.show_job(job)
        page = self.window.endpoint_page
        if job.field_errors and page.detail is not None and page.detail.slug == job.endpoint:
            errors = [FieldError(path=f.path, message=f.message) for f in job.field_errors]
            page.show_server_errors(errors)

    def _on_job_finished(self, job: Job) -> None:
        if job.status in (JobStatus.FAILED, JobStatus.UNKNOWN):
            self.tasks.spawn(self.probe_once(), name="probe-now")
        if self._selected_job is None and job.status is JobStatus.SUCCEEDED:
            self.select_job(job)
        self._notify(job)

    def open_job_output(self, job: Job) -> None:
        """Open the first downloaded output with the system's default application."""
        path = next((out.path for out in job.outputs if out.path is not None), None)
        if path is None:
            self.window.statusBar().showMessage("This task has no downloaded output yet.", 4000)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _on_outputs_recorded(self, local_id: str) -> None:
        self.window.gallery.refresh()

    def _forget_job(self, local_id: str) -> None:
        """Removing a queue row hides it from the queue; its outputs stay in the gallery."""
        self.library.delete_jobs([local_id])

    def select_job(self, job: Job) -> None:
        self._selected_job = job.local_id
        self.show_job(job)

    def show_job(self, job: Job) -> None:
        self.window.preview.show_outputs(preview_items(job))

    def _notify(self, job: Job) -> None:
        if not self.settings.notifications or job.status not in FINISHED:
            return
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        if active and self.window.isActiveWindow():
            return
        QApplication.alert(self.window)
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            self._tray = QSystemTrayIcon(app_icon(), self)
            self._tray.show()
        title = "Finished" if job.status is JobStatus.SUCCEEDED else f"Task {job.status.value}"
        self._tray.showMessage(title, f"{job.endpoint}\n{job.error or ''}".strip())

    # --- settings, errors ------------------------------------------------------------------------

    def open_settings(self) -> None:
        dialog = SettingsDialog(
            self.settings, self.key_store.get(), self.key_store.storage.description, self.window
        )
        dialog.saved.connect(self._on_settings_saved)
        dialog.open()

    def _on_settings_saved(self, settings: Settings, api_key: str) -> None:
        previous_key = self.key_store.get()
        backend_changed = (
            api_key != previous_key
            or settings.base_url != self.settings.base_url
            or (not api_key and settings.sim_speed != self.settings.sim_speed)
        )
        if settings.theme != self.settings.theme:
            from studio.ui.theme import apply_theme  # kept local: only this method may change

            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, settings.theme)
        self.settings = settings
        save_settings(settings)
        self.key_store.set(api_key)
        self.window.banner.hide()
        if backend_changed:
            self.tasks.spawn(self._switch_backend(), name="switch")
        elif self.runner is not None:
            self.runner.set_max_concurrent(settings.max_concurrent)

    async def _switch_backend(self) -> None:
        self.window.show_backend(None)
        await self.disconnect_backend()
        self.window.marketplace.set_endpoints([])
        await self.connect_backend()

    def _show_auth_problem(self) -> None:
        kind = self.backend.info.kind if self.backend else BackendKind.API
        where = "the simulator" if kind is BackendKind.DEMO else "the Mountsea API"
        self.window.banner.show_message(
            f"The API key was rejected by {where}. Check it in Settings.",
            action="Open Settings…",
            on_action=self.open_settings,
        )

    def _show_error(self, message: str) -> None:
        self.window.banner.show_message(message, level="error")

    def _on_log_folder_requested(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))
