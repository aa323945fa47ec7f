"""Bringing a past generation back into the form — from a queue row, the gallery or a dropped file.

What the user was editing is never lost: every recall offers Undo.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from studio.core.library import Recall, RecallMode, make_recall
from studio.ui.background import spawn
from studio.ui.banner import FORM_CONTEXT
from studio.ui.endpoint.loader import DETAIL_KEY

if TYPE_CHECKING:
    from studio.core.jobs import Job
    from studio.ui.endpoint.loader import EndpointLoader
    from studio.ui.main_window import MainWindow

translate = QCoreApplication.translate
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
    """Fills the endpoint page from a Recall; the window's banner offers Undo."""

    def __init__(self, window: MainWindow, loader: EndpointLoader) -> None:
        self._window = window
        self._loader = loader
        window.file_dropped.connect(self._on_file_dropped)

    def recall_job(self, job: Job, mode: str) -> None:
        self.apply_recall(make_recall(job.endpoint, job.input, mode))

    def apply_recall(self, recall: Recall) -> None:
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
