"""Send to…: the searchable, grouped list of endpoints an output can go to next.

``SendToPopup`` is the list itself (a popup at the cursor: type to search, Enter or a click to
pick); ``SendToFlow`` is the reusable way in for every output of the studio (queue rows, the
preview, gallery items, later Compare columns): ``send_outputs(ids)``, ``send_job(local_id)``,
``send_file(path)``, ``extend_shot(...)``, ``pick_frame(...)``. Picking an entry opens the
endpoint in Create with the output's local file in the right field (asking which when several
fit), the prompt carried over and the previous form one Undo away.

Signals (SendToPopup):
    picked(object) — an Entry was chosen.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    Qt,
)
from PySide6.QtGui import (
    QCursor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QMenu,
    QWidget,
)
from typing_extensions import override

from studio.core.chain import (
    ExtendTarget,
    FrameError,
    Source,
    plan_send,
    probe_video,
    takes,
)
from studio.ui.background import spawn
from studio.ui.chain.outputs_drag import dragged_outputs
from studio.ui.chain.popup import (
    Entry,
    SendToPopup,
    describe_sources,
    entries_for,
    problem_of,
    tr,
    tr_n,
)
from studio.ui.endpoint.loader import DETAIL_KEY
from studio.ui.forms.array_fields import ArrayField
from studio.ui.forms.media_field import MediaField

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from studio.core.schema import MediaInput
    from studio.core.session import Session
    from studio.ui.chain.frame_picker import FramePickerDialog
    from studio.ui.endpoint.loader import EndpointLoader
    from studio.ui.main_window import MainWindow


class SendToFlow(QObject):
    """Sends outputs on: the popup, the choice of field, and the form filled with Undo."""

    def __init__(self, window: MainWindow, session: Session, loader: EndpointLoader) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._loader = loader
        self.popup: SendToPopup | None = None  # the one on show (tests look at it)
        self.field_menu: QMenu | None = None
        self.frame_dialog: FramePickerDialog | None = None
        self.last_frame: Source | None = None  # the frame the picker saved last
        self._watching = False

    # --- ways in ---------------------------------------------------------------------------

    def send_outputs(self, output_ids: Sequence[int], at: QPoint | None = None) -> None:
        ids = list(output_ids)
        self._open(lambda: self._session.sources(ids), at)

    def send_job(self, local_id: str, at: QPoint | None = None) -> None:
        self._open(lambda: self._session.sources_of_job(local_id), at)

    def send_file(self, path: Path, at: QPoint | None = None) -> None:
        async def lookup() -> list[Source]:
            found = await self._session.source_for_file(path)
            return [found] if found is not None else []

        self._open(lookup, at)

    def send_sources(self, sources: Sequence[Source], at: QPoint | None = None) -> None:
        chosen = list(sources)

        async def given() -> list[Source]:
            return chosen

        self._open(given, at)

    def send_payload(self, payload: dict[str, Any], at: QPoint | None = None) -> None:
        """Send what a drag of our outputs carried (gallery ids or a queue row)."""
        self._open(lambda: self._payload_sources(payload), at)

    async def _payload_sources(self, payload: dict[str, Any]) -> list[Source]:
        local_id = payload.get("local_id")
        if isinstance(local_id, str):
            return await self._session.sources_of_job(local_id)
        ids = [i for i in payload.get("output_ids", []) if isinstance(i, int)]
        return await self._session.sources(ids)

    # --- drag and drop onto Create ---------------------------------------------------------------

    def watch_drops(self, on: bool) -> None:
        """While one of our outputs is dragged, drops on Create are ours to place (the views
        call this around their drags: no filter runs on every event the rest of the time)."""
        app = QApplication.instance()
        if app is None or on == self._watching:
            return
        self._watching = on
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kinds = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)
        if event.type() not in kinds or not isinstance(watched, QWidget):
            return False
        if not isinstance(event, QDragEnterEvent | QDragMoveEvent | QDropEvent):
            return False
        return self.handle_drag(watched, event)

    def handle_drag(self, receiver: QWidget, event: QDropEvent) -> bool:
        """A drag event of our outputs over Create: accepted there, and a drop placed.

        Qt gives the event to the nearest widget that takes drops (the window, over a label):
        the widget really under the cursor decides.
        """
        payload = dragged_outputs(event.mimeData())
        position = event.position().toPoint()
        under = receiver.childAt(position) or receiver
        create = self._window.main_splitter
        if payload is None or not (under is create or create.isAncestorOf(under)):
            return False
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            target = _media_target(under)
            at = receiver.mapToGlobal(position)
            if target is None:
                self.send_payload(payload, at)
            else:
                spawn(
                    self._fill_field(target, payload), key=(self, "drop"), on_error=self._say_error
                )
        return True

    async def _fill_field(self, target: MediaField | ArrayField, payload: dict[str, Any]) -> None:
        sources = await self._payload_sources(payload)
        kind = (
            target.spec.item.media
            if isinstance(target, ArrayField) and target.spec.item
            else (target.spec.media)
        )
        field_kind = kind.value if kind is not None else "file"
        fitting = [s for s in sources if takes(field_kind, s.kind)]
        if not fitting:
            what = sources[0].kind if sources else ""
            self._say_error(
                tr("This field takes %1 files; the output is %2.")
                .replace("%1", field_kind)
                .replace("%2", what or tr("not saved"))
            )
            return
        if isinstance(target, ArrayField):
            target.add_outputs(fitting)
        else:
            target.set_output(fitting[0])

    # --- the popup -------------------------------------------------------------------------

    def _open(self, lookup: Any, at: QPoint | None) -> None:
        if self.popup is not None:
            self.popup.close()
        popup = SendToPopup(tr("Send to…"), self._window)
        popup.destroyed.connect(lambda: self._forget_popup(popup))
        self.popup = popup
        popup.popup_at(at if at is not None else self._default_place())
        spawn(self._fill(popup, lookup), key=(self, "popup"), on_error=self._say_error)

    def _forget_popup(self, popup: SendToPopup) -> None:
        if self.popup is popup:
            self.popup = None

    def _default_place(self) -> QPoint:
        cursor = QCursor.pos()
        if self._window.geometry().contains(cursor):
            return cursor
        return self._window.mapToGlobal(self._window.rect().center() - QPoint(210, 230))

    async def _fill(self, popup: SendToPopup, lookup: Any) -> None:
        sources: list[Source] = await lookup()
        if self.popup is not popup:
            return
        popup.show_what(describe_sources(sources))
        reason = problem_of(sources)
        kind = sources[0].kind if sources else "image"
        targets = await self._session.send_targets(kind)
        extend: list[ExtendTarget] = []
        if kind == "video" and len(sources) == 1:
            extend = await self._session.extend_targets(sources[0])
        if self.popup is not popup:
            return
        popup.set_entries(entries_for(targets, extend), reason)
        popup.picked.connect(lambda entry: self.choose(entry, sources))

    def choose(self, entry: Entry, sources: Sequence[Source]) -> None:
        """An entry was picked: ask for the field when several fit, then open the endpoint."""
        chosen = list(sources)
        if entry.extend is not None:
            spawn(
                self._extend(chosen[0], entry.extend), key=(self, "send"), on_error=self._say_error
            )
            return
        if len(entry.fields) == 1:
            self.send(entry.slug, entry.fields[0], chosen)
            return
        menu = QMenu(self._window)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addSection(tr("Which field?"))
        for field in entry.fields:
            action = menu.addAction(field.title)
            action.triggered.connect(lambda _=False, f=field: self.send(entry.slug, f, chosen))
        self.field_menu = menu
        menu.popup(QCursor.pos())

    # --- opening the endpoint ----------------------------------------------------------------

    def send(self, slug: str, field: MediaInput, sources: Sequence[Source]) -> None:
        """Open ``slug`` in Create with the sources' files in ``field`` (Undo in the banner)."""
        spawn(
            self._send(slug, field.path, list(sources)),
            key=(self, "send"),
            on_error=self._say_error,
        )

    async def _send(
        self, slug: str, field: str, sources: list[Source], prompt: str | None = None
    ) -> None:
        page = self._window.endpoint_page
        previous = capture_form(self._window)
        self._window.show_create()
        detail = self._session.cached_detail(slug) or await self._session.fetch_detail(slug)
        schema = dict(detail.input_schema) if detail is not None else {}
        chosen_prompt = prompt if prompt is not None else (sources[0].prompt if sources else "")
        plan = plan_send(schema, field, sources, chosen_prompt)
        self._window.marketplace.select_slug(slug, emit=False)
        fresh = await self._loader.load(slug, initial=plan.values)
        if fresh is None or page.form is None:
            return
        plan = plan_send(dict(fresh.input_schema), field, sources, chosen_prompt)
        placed = 0
        for placement in plan.placements:
            target = page.form.media_field(placement.field, placement.position)
            if target is not None and target.set_output(placement.source):
                placed += 1
        self._say_sent(
            fresh.name or slug,
            field=field,
            missing=plan.missing_field,
            placed=placed,
            left_out=len(plan.left_out),
            previous=previous,
        )

    def _say_sent(
        self,
        name: str,
        *,
        field: str,
        missing: str | None,
        placed: int,
        left_out: int,
        previous: FormState | None,
    ) -> None:
        if missing is not None:
            text = tr("%1 no longer has the field “%2”: the output was not placed.")
            level = "warning"
        else:
            text = tr_n("%1 now holds %n output(s) in “%2”.", placed)
            level = "info"
            if left_out:
                text += " " + tr_n("The field takes fewer: %n left out.", left_out)
        text = text.replace("%1", name).replace("%2", missing or field)
        self._window.banner.show_message(
            text,
            level=level,
            action=tr("Undo") if previous is not None else "",
            on_action=(lambda: self._restore(previous)) if previous is not None else None,
        )

    def _restore(self, previous: FormState) -> None:
        self._window.marketplace.select_slug(previous.slug, emit=False)
        spawn(self._restore_form(previous), key=DETAIL_KEY, on_error=self._say_error)

    async def _restore_form(self, previous: FormState) -> None:
        await self._loader.load(previous.slug, initial=previous.value)
        form = self._window.endpoint_page.form
        if form is None:
            return
        for field, position, source in previous.outputs:
            target = form.media_field(field, position)
            if target is not None:
                target.set_output(source)

    # --- Extend shot and frames ----------------------------------------------------------------

    def extend_shot(self, video: Source, target: ExtendTarget | None = None) -> None:
        """The shot goes on: its last frame (or the clip) into the best image-to-video model."""
        spawn(self._extend(video, target), key=(self, "send"), on_error=self._say_error)

    def extend_shot_of_outputs(self, output_ids: Sequence[int]) -> None:
        ids = list(output_ids)[:1]

        async def run() -> None:
            found = await self._session.sources(ids)
            if found:
                await self._extend(found[0], None)

        spawn(run(), key=(self, "send"), on_error=self._say_error)

    def extend_shot_of_file(self, path: Path) -> None:
        async def run() -> None:
            found = await self._session.source_for_file(path)
            if found is not None:
                await self._extend(found, None)
            else:
                self._say_error(tr("This file is not in the library."))

        spawn(run(), key=(self, "send"), on_error=self._say_error)

    async def _extend(self, video: Source, target: ExtendTarget | None) -> None:
        if video.kind != "video" or not video.usable:
            self._say_error(video.problem or tr("Extend shot needs a video."))
            return
        if target is None:
            targets = await self._session.extend_targets(video)
            if not targets:
                self._say_error(tr("No model here can continue a shot."))
                return
            target = targets[0]
        if target.takes_clip:
            await self._send(target.slug, target.field.path, [video], video.prompt)
            return
        frame = await self._session.save_frame(video, None)
        await self._send(target.slug, target.field.path, [frame], video.prompt)

    def pick_frame(self, video: Source) -> None:
        """Open the frame picker on a video; an undecodable one says why instead."""
        spawn(self._pick_frame(video), key=(self, "frames"), on_error=self._say_error)

    def pick_frame_of_outputs(self, output_ids: Sequence[int]) -> None:
        ids = list(output_ids)[:1]

        async def run() -> None:
            found = await self._session.sources(ids)
            if found:
                await self._pick_frame(found[0])

        spawn(run(), key=(self, "frames"), on_error=self._say_error)

    def pick_frame_of_file(self, path: Path) -> None:
        async def run() -> None:
            found = await self._session.source_for_file(path)
            if found is None:
                self._say_error(tr("This file is not in the library."))
            else:
                await self._pick_frame(found)

        spawn(run(), key=(self, "frames"), on_error=self._say_error)

    async def _pick_frame(self, video: Source) -> None:
        if video.kind != "video" or video.file is None or not video.usable:
            self._say_error(video.problem or tr("Frames come from videos."))
            return
        try:
            facts = await asyncio.to_thread(probe_video, video.file)
        except FrameError as error:
            self._say_error(tr("No frame picker: %1").replace("%1", str(error)))
            return
        from studio.ui.chain.frame_picker import FramePickerDialog  # not needed at start-up

        dialog = FramePickerDialog(video, facts, self._window)
        dialog.frame_chosen.connect(lambda at: self.use_frame(video, at))
        self.frame_dialog = dialog
        dialog.open()

    def use_frame(self, video: Source, at_s: float | None) -> None:
        """Save the frame as an image output, then offer it through Send to…."""
        spawn(self._use_frame(video, at_s), key=(self, "frame"), on_error=self._say_error)

    async def _use_frame(self, video: Source, at_s: float | None) -> None:
        frame = await self._session.save_frame(video, at_s)
        self.last_frame = frame
        self.send_sources([frame])

    def _say_error(self, text: str) -> None:
        self._window.banner.show_message(text, level="error")


@dataclass(frozen=True)
class FormState:
    """What a send replaces: the endpoint, the form's value and the library outputs it held."""

    slug: str
    value: dict[str, Any]
    outputs: tuple[tuple[str, int, Source], ...]


def capture_form(window: MainWindow) -> FormState | None:
    page = window.endpoint_page
    form = page.form
    if page.detail is None or form is None:
        return None
    outputs = []
    for use in form.uses():
        field = form.media_field(use.field, use.position)
        source = field.output() if field is not None else None
        if source is not None:
            outputs.append((use.field, use.position, source))
    return FormState(page.detail.slug, form.value(), tuple(outputs))


def _media_target(widget: QWidget | None) -> MediaField | ArrayField | None:
    """The media field (or media list) a drop on this widget is for, if any."""
    field: MediaField | None = None
    while widget is not None:
        if isinstance(widget, ArrayField) and widget.acceptDrops():
            empty = field is None or field.value() is None
            return widget if empty else field
        if isinstance(widget, MediaField) and field is None:
            field = widget
        widget = widget.parentWidget()
    return field
