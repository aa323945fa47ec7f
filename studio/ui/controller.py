"""Connects the window to the session: its events onto widgets, the user's requests onto it.

The session (``studio.core.session``) does the work; everything slow there is a coroutine, and
every coroutine started here goes through the UI's one owner (``studio.ui.background``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from studio.core import paths
from studio.core.jobs import Job, JobStatus
from studio.core.schema import FieldError
from studio.core.session import BackendKind, BackendState
from studio.ui.background import background, spawn
from studio.ui.banner import FORM_CONTEXT
from studio.ui.endpoint import RequestDialog
from studio.ui.endpoint.loader import DETAIL_KEY, REFRESH_KEY
from studio.ui.i18n.core_words import core_text, status_word
from studio.ui.icons import app_icon
from studio.ui.plural import english_plural
from studio.ui.preview import PreviewKind
from studio.ui.preview_choice import PreviewChoice
from studio.ui.recovery_dialog import RecoveryDialog
from studio.ui.session_events import SessionEvents
from studio.ui.settings_dialog import SettingsDialog
from studio.ui.theme import apply_theme
from studio.ui.window_state import window_state_store

if TYPE_CHECKING:
    from studio.core.api import Endpoint
    from studio.core.chain import InputUse
    from studio.core.library import RecoveryReport
    from studio.core.session import BackendChanged, CatalogChanged, Notice, Session, Settings
    from studio.ui.endpoint.loader import EndpointLoader
    from studio.ui.main_window import MainWindow
    from studio.ui.queue import QueueViewModel
    from studio.ui.recall import RecallFlow

log = logging.getLogger("studio.ui")

FINISHED = (JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.TIMEOUT)
_TROUBLE = (BackendState.UNREACHABLE, BackendState.KEY_REJECTED)


class StudioController(QObject):
    """The window's brain: it only maps; the session decides."""

    def __init__(
        self,
        window: MainWindow,
        queue: QueueViewModel,
        session: Session,
        loader: EndpointLoader,
        recall: RecallFlow,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.queue = queue
        self.session = session
        self.loader = loader
        self.recall = recall
        self.events = SessionEvents(session, self)
        self._backend: BackendChanged | None = None
        self._catalog_is_live = False  # the endpoints shown came from the backend itself
        self.preview_choice = PreviewChoice(
            window.preview, window.queue, queue.model.endpoint_name, self
        )
        self._tray: QSystemTrayIcon | None = None
        self.recovery_dialog: RecoveryDialog | None = None
        background().set_error_handler(self._show_error)
        self._connect_window()
        self._connect_events()

    def _connect_window(self) -> None:
        w = self.window
        w.marketplace.endpoint_selected.connect(self._on_endpoint_selected)
        w.endpoint_page.generate_requested.connect(self._on_generate_requested)
        w.endpoint_page.show_request_requested.connect(self._on_show_request)
        w.endpoint_page.form_replaced.connect(self._on_form_replaced)
        w.endpoint_page.carry_offered.connect(self._on_carry_offered)
        w.endpoint_page.endpoint_switched.connect(self._on_endpoint_switched)
        w.settings_requested.connect(self.open_settings)
        w.refresh_requested.connect(self._on_refresh_requested)
        w.cancel_all_requested.connect(self.queue.cancel_all)
        w.log_folder_requested.connect(self._on_log_folder_requested)
        self.queue.job_finished.connect(self._on_job_finished)
        self.queue.error_raised.connect(self._show_error)
        w.queue.cleared.connect(self._on_queue_cleared)

    def _connect_events(self) -> None:
        e = self.events
        e.backend_changed.connect(self._on_backend_changed)
        e.catalog_changed.connect(self._on_catalog_changed)
        e.job_changed.connect(self._on_job_changed)
        e.job_removed.connect(self.queue.forget)
        e.outputs_recorded.connect(self._on_outputs_recorded)
        e.notice.connect(self._on_notice)
        e.library_recovered.connect(self._on_library_recovered)

    # --- life ------------------------------------------------------------------------------------

    async def start(self) -> None:
        """Start mapping events, then the session (cached catalog at once, then the backend)."""
        self.events.start()
        self.window.show_backend(None)
        await self.session.start()
        await self.events.caught_up()

    async def aclose(self) -> None:
        """Stop the UI's coroutines, then the session (which closes the library)."""
        self.events.stop()
        await self.loader.drafts.aflush()
        await background().aclose()
        await self.session.aclose()
        gallery = self.window.built_gallery
        if gallery is not None:
            await gallery.aclose()
        thumbnails = self.window.queue.list.thumbnails  # shared with the gallery, if built
        if thumbnails is not None:
            await thumbnails.aclose()
        if self._tray is not None:
            self._tray.hide()

    # --- the session's events --------------------------------------------------------------------

    def _on_backend_changed(self, event: BackendChanged) -> None:
        """The status bar's message and its backend indicator say the same thing."""
        previous, self._backend = self._backend, event
        self.queue.set_backend(event.identity)  # another backend's tasks show as paused
        status = self.window.statusBar()
        if event.state is BackendState.STARTING:
            self.window.show_backend(None)
            demo = event.kind is BackendKind.DEMO
            status.showMessage(
                self.tr("Starting the demo simulator…") if demo else self.tr("Connecting…")
            )
            return
        if event.state in (BackendState.OFFLINE, BackendState.FAILED):
            self.window.show_backend(None)
            status.clearMessage()
            if event.state is BackendState.FAILED:
                problem = core_text(event.problem or "")
                self._show_error(self.tr("Could not start the backend: %1").replace("%1", problem))
            return
        status.clearMessage()
        self.window.show_backend(event.info, event.problem)
        was_in_trouble = previous is not None and previous.state in _TROUBLE
        if event.state is BackendState.KEY_REJECTED:
            self._show_auth_problem()
        elif event.state is BackendState.UNREACHABLE and not was_in_trouble:
            label = core_text(event.info.label) if event.info is not None else self.tr("The server")
            self.window.banner.show_message(
                self.tr(
                    "%1 cannot be reached: %2. The last known models are shown; running tasks "
                    "are kept and followed again once it answers."
                )
                .replace("%1", label)
                .replace("%2", core_text(event.problem or "")),
                level="warning",
            )
        elif event.state is BackendState.CONNECTED and was_in_trouble:
            self.window.banner.hide()

    def _on_catalog_changed(self, event: CatalogChanged) -> None:
        self._catalog_is_live = not event.from_cache
        endpoints = list(event.endpoints)
        self.window.marketplace.set_endpoints(endpoints)
        self.queue.model.set_endpoint_names({e.slug: e.name for e in endpoints})
        compare = self.window.built_compare  # one built later reads the catalog then
        if compare is not None:
            compare.refresh_endpoints()
        if endpoints:
            self._select_initial_endpoint(endpoints)
        current = self.window.marketplace.current_endpoint()
        if not event.from_cache and current is not None:  # shown from a remembered catalog
            spawn(self.loader.refresh(current.slug, current.name), key=REFRESH_KEY)

    def _on_job_changed(self, job: Job) -> None:
        self.queue.show(job)
        compare = self.window.built_compare  # no comparison runs before it is built
        if compare is not None:
            compare.show_job(job)
        self.preview_choice.changed(job)
        page = self.window.endpoint_page
        if job.field_errors and page.detail is not None and page.detail.slug == job.endpoint:
            errors = [FieldError(path=f.path, message=f.message) for f in job.field_errors]
            page.show_server_errors(errors)

    def _on_outputs_recorded(self, local_id: str) -> None:
        gallery = self.window.built_gallery  # one built later reads the library then
        if gallery is not None:
            gallery.outputs_recorded(local_id)

    def _on_notice(self, notice: Notice) -> None:
        if notice.status_bar:
            self.window.statusBar().showMessage(
                core_text(notice.message)
            )  # until another replaces it
        elif notice.level == "info":
            self.window.statusBar().showMessage(core_text(notice.message), 6000)
        else:
            self.window.banner.show_message(core_text(notice.message), level=notice.level)

    def _on_library_recovered(self, report: RecoveryReport) -> None:
        dialog = RecoveryDialog(report, self.window)
        dialog.folder_requested.connect(self._on_folder_requested)
        self.recovery_dialog = dialog  # kept: the dialog is modeless
        dialog.open()

    def _on_folder_requested(self, folder: str) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

    # --- catalog and endpoints -------------------------------------------------------------------

    def _select_initial_endpoint(self, endpoints: list[Endpoint]) -> None:
        panel = self.window.marketplace
        if panel.current_endpoint() is not None:
            return
        slug = str(window_state_store().value("last_endpoint", "") or "")
        if slug and panel.select_slug(slug):
            return
        first = next((e for e in endpoints if e.capability == "image"), endpoints[0])
        panel.select_slug(first.slug)

    def _on_refresh_requested(self) -> None:
        spawn(self.session.refresh_catalog(), key="catalog")

    def _on_endpoint_selected(self, endpoint: Endpoint) -> None:
        window_state_store().setValue("last_endpoint", endpoint.slug)
        quiet = not self._catalog_is_live  # the live catalog asks again (refresh) when it comes
        spawn(self.loader.load(endpoint.slug, endpoint.name, quiet=quiet), key=DETAIL_KEY)

    # --- submit, queue, previews -----------------------------------------------------------------

    def _on_generate_requested(
        self, slug: str, inputs: list[dict[str, Any]], webhook: str, uses: list[InputUse]
    ) -> None:
        self.preview_choice.generation_started()
        page = self.window.endpoint_page
        local = page.form.local_file_names() if page.form is not None else []
        sent = 0
        for value in inputs:
            job = self.queue.submit(slug, value, webhook or None, uses)
            if job is None:
                break
            if local:
                self.queue.model.set_local_files(job.local_id, local)
            sent += 1
        if sent:
            self._prepare_player(slug)
            self.window.statusBar().showMessage(
                english_plural(self.tr("Submitted %n task(s) to %1", "", sent), sent).replace(
                    "%1", slug
                ),
                4000,
            )

    def _prepare_player(self, slug: str) -> None:
        """A video or audio task is under way: the preview readies its player meanwhile."""
        model = self.window.marketplace.model
        row = model.row_of(slug)
        kind = model.endpoint_at(row).capability if row >= 0 else ""
        key = ("prepare player", kind)
        if kind in (PreviewKind.VIDEO, PreviewKind.AUDIO) and not background().is_running(key):
            spawn(self.window.preview.prepare_player(PreviewKind(kind)), key=key)

    def _on_form_replaced(self, slug: str, message: str, previous: dict[str, Any]) -> None:
        self._offer_undo(message, slug, previous)

    def _on_carry_offered(
        self, slug: str, source: str, titles: list[str], values: dict[str, Any]
    ) -> None:
        """Values of the model before were not carried over by themselves: offer them."""
        fields = ", ".join(titles)
        text = self.tr("Not carried over from %1: %2.").replace("%1", source).replace("%2", fields)

        def carry() -> None:
            before = self.window.endpoint_page.carry_in(slug, values)
            if before is not None:
                done = self.tr("Carried over from %1: %2.").replace("%1", source)
                self._offer_undo(done.replace("%2", fields), slug, before)

        self.window.banner.show_message(
            text,
            level="info",
            action=self.tr("Carry over"),
            on_action=carry,
            context=FORM_CONTEXT,
        )

    def _offer_undo(self, message: str, slug: str, previous: dict[str, Any]) -> None:
        """An Undo that belongs to the endpoint on the page: it closes when another one opens."""
        page = self.window.endpoint_page
        self.window.banner.show_message(
            message,
            level="info",
            action=self.tr("Undo"),
            on_action=lambda: page.set_form_value(previous, slug),
            context=FORM_CONTEXT,
        )

    def _on_endpoint_switched(self, _slug: str) -> None:
        self.window.banner.close_context(FORM_CONTEXT)

    def _on_show_request(self, slug: str, body: dict[str, Any]) -> None:
        # Snippets are for copying into real code: in demo mode they name the real API, not the
        # simulator's temporary port.
        info = self.session.backend_info
        demo = info is None or info.kind is BackendKind.DEMO
        base = self.session.settings.base_url if demo or info is None else info.base_url
        dialog = RequestDialog(base, slug, body, self.window)
        dialog.show()

    def _on_job_finished(self, job: Job) -> None:
        self.preview_choice.finished(job)
        self._notify(job)

    def _on_queue_cleared(self, local_ids: list[str]) -> None:
        count = len(local_ids)
        text = english_plural(
            self.tr(
                "Cleared %n finished task(s) from the queue; their outputs stay in the gallery.",
                "",
                count,
            ),
            count,
        )
        self.window.banner.show_message(
            text,
            level="info",
            action=self.tr("Undo"),
            on_action=lambda: self.queue.restore(local_ids),
        )

    def open_job_output(self, job: Job) -> None:
        """Open the first downloaded output with the system's default application."""
        path = next((out.path for out in job.outputs if out.path is not None), None)
        if path is None:
            self.window.statusBar().showMessage(
                self.tr("This task has no downloaded output yet."), 4000
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def select_job(self, job: Job) -> None:
        """The user chose this job (a queue row, Compare's "Use this one"): the preview shows
        it and keeps it (see PreviewChoice)."""
        self.preview_choice.choose(job)

    def _notify(self, job: Job) -> None:
        if not self.session.settings.notifications or job.status not in FINISHED:
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
        title = (
            self.tr("Finished")
            if job.status is JobStatus.SUCCEEDED
            else self.tr("Task %1").replace("%1", status_word(job.status))
        )
        self._tray.showMessage(title, f"{job.endpoint}\n{core_text(job.error or '')}".strip())

    # --- settings, errors ------------------------------------------------------------------------

    def open_settings(self) -> None:
        store = self.session.key_store
        dialog = SettingsDialog(
            self.session.settings, store.get(), store.storage.description, self.window
        )
        dialog.saved.connect(self._on_settings_saved)
        dialog.open()

    def _on_settings_saved(self, settings: Settings, api_key: str) -> None:
        if settings.theme != self.session.settings.theme:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, settings.theme)
        self.window.banner.hide()
        if settings.language != self.session.settings.language:
            self.window.banner.show_message(
                self.tr("The new language applies when the studio starts again."), level="info"
            )
        self.session.apply_settings(settings, api_key)

    def _show_auth_problem(self) -> None:
        backend = self._backend
        demo = backend is not None and backend.kind is BackendKind.DEMO
        text = (
            self.tr("The API key was rejected by the simulator. Check it in Settings.")
            if demo
            else self.tr("The API key was rejected by the Mountsea API. Check it in Settings.")
        )
        self.window.banner.show_message(
            text,
            action=self.tr("Open Settings…"),
            on_action=self.open_settings,
        )

    def _show_error(self, message: str) -> None:
        self.window.banner.show_message(message, level="error")

    def _on_log_folder_requested(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))
