"""Bringing a past generation back into the form — from a queue row, the gallery or a dropped file.

What the user was editing is never lost: every recall offers Undo.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from studio.core.library import LibraryError, Recall, RecallMode, make_recall
from studio.ui.background import spawn
from studio.ui.banner import FORM_CONTEXT
from studio.ui.endpoint.loader import DETAIL_KEY

if TYPE_CHECKING:
    from studio.core.jobs import Job
    from studio.core.session import Session
    from studio.ui.endpoint.loader import EndpointLoader
    from studio.ui.main_window import MainWindow

translate = QCoreApplication.translate
LOCAL_ENDPOINTS = ("studio/",)  # outputs made on this machine (frames), not by an endpoint
FormState = tuple[str, dict[str, Any]]  # (endpoint slug, form value): what a recall can undo

# Marked for the translation pass here, translated where shown.
_FILLED = {
    RecallMode.REMIX: QT_TRANSLATE_NOOP(
        "RecallFlow", "The form was filled with all its parameters and a new seed."
    ),
    RecallMode.USE_ALL: QT_TRANSLATE_NOOP(
        "RecallFlow", "The form was filled with all its parameters."
    ),
    RecallMode.USE_PROMPT: QT_TRANSLATE_NOOP("RecallFlow", "The form was filled with its prompt."),
}
_NO_SEED = QT_TRANSLATE_NOOP(
    "RecallFlow", "The form was filled with all its parameters (this model takes no seed to vary)."
)


class RecallFlow:
    """Fills the endpoint page from a Recall; the window's banner offers Undo.

    A job whose inputs were library outputs gets those same local files back in their fields
    (a field whose file is gone keeps the copy that was sent, and says so).
    """

    def __init__(
        self, window: MainWindow, loader: EndpointLoader, session: Session | None = None
    ) -> None:
        self._window = window
        self._loader = loader
        self._session = session
        window.file_dropped.connect(self._on_file_dropped)

    def recall_job(self, job: Job, mode: str) -> None:
        if self._session is None:
            self.apply_recall(make_recall(job.endpoint, job.input, mode))
            return
        spawn(self._recall_job(job, mode), key=(self, "job"), on_error=self._say_error)

    async def _recall_job(self, job: Job, mode: str) -> None:
        assert self._session is not None
        try:
            recalled = await self._session.recall(job.local_id, mode)
        except LibraryError:  # a row the library does not know (yet): its own input
            recalled = make_recall(job.endpoint, job.input, mode)
        self.apply_recall(recalled)

    def _say_error(self, text: str) -> None:
        self._window.banner.show_message(text, level="error")

    def apply_recall(self, recall: Recall) -> None:
        if recall.endpoint.startswith(LOCAL_ENDPOINTS):
            # A frame picked here was made by no model: there is nothing to fill a form with.
            self._window.banner.show_message(
                QCoreApplication.translate(
                    "Recall", "A picked frame has no model parameters: use Send to… with it."
                ),
                level="info",
            )
            return
        page = self._window.endpoint_page
        previous = (page.detail.slug, page.form.value()) if page.detail and page.form else None
        self._window.show_create()
        if recall.mode is RecallMode.USE_PROMPT and previous is not None:
            # Only the prompt changes: the endpoint and the other settings stay as they were.
            recall = Recall(previous[0], {**previous[1], **recall.input}, recall.mode)
        spawn(self._load(recall, previous), key=DETAIL_KEY)

    async def _load(self, recall: Recall, previous: FormState | None) -> None:
        self._window.marketplace.select_slug(recall.endpoint, emit=False)
        if await self._loader.load(recall.endpoint, initial=recall.input) is None:
            return
        self._put_back_sources(recall)
        self._window.banner.show_message(
            self._filled_text(recall),
            level="info",
            action=translate("RecallFlow", "Undo") if previous is not None else "",
            on_action=(lambda: self._restore(previous)) if previous is not None else None,
            context=FORM_CONTEXT,  # another endpoint opened later: this Undo would be stale
        )

    def _filled_text(self, recall: Recall) -> str:
        """What the recall put into the form; a remix says "new seed" only where one exists."""
        form = self._window.endpoint_page.form
        seedless = form is not None and "seed" not in form.field_names()
        if recall.mode is RecallMode.REMIX and seedless:
            return translate("RecallFlow", str(_NO_SEED))
        return translate("RecallFlow", str(_FILLED[recall.mode]))

    def _put_back_sources(self, recall: Recall) -> None:
        form = self._window.endpoint_page.form
        if form is None:
            return
        for link in recall.sources:
            field = form.media_field(link.field, link.position)
            if field is None:
                continue
            if link.source.usable:
                field.set_output(link.source)
            else:
                field.note_source_problem(
                    QCoreApplication.translate(
                        "Recall", "%1: %2 The copy sent with the job is used."
                    )
                    .replace("%1", link.source.name)
                    .replace("%2", link.source.problem or "")
                )

    def _restore(self, previous: FormState) -> None:
        slug, value = previous
        self._window.marketplace.select_slug(slug, emit=False)
        spawn(self._loader.load(slug, initial=value), key=DETAIL_KEY)

    def _on_file_dropped(self, path: str) -> None:
        spawn(self._recall_file(Path(path)), key=(self, "drop"))

    async def _recall_file(self, path: Path) -> None:
        if not await self._window.gallery.commands.recall_from_file(path):
            text = translate("RecallFlow", "%1 has no Mountsea Studio parameters to recall.")
            self._window.banner.show_message(text.replace("%1", path.name), level="warning")
