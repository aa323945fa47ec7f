"""The session's side of the creative chain: sources to send on, targets, frames, lineage.

Every library read or write here runs in a worker thread, so the UI never waits on SQLite or
a decoder; details of endpoints not seen yet are fetched quietly (a few at a time) and cached.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Final

from studio.core.chain import InputUse, extend_targets, frame_png, send_targets
from studio.core.session._events import OutputsRecorded

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from studio.core.api import EndpointDetail
    from studio.core.chain import ExtendTarget, Lineage, SendTarget, Source
    from studio.core.library import Library, Recall, RecallMode
    from studio.core.session._events import EventHub

log = logging.getLogger("studio.session")

FRAME_ENDPOINT: Final = "studio/frame"
FRAME_MODEL: Final = "frame picker"
_FETCHES_AT_ONCE: Final = 4


class CreativeLoop:
    """Mixed into Session: it provides the library, the hub and the endpoint details."""

    _library: Library
    _hub: EventHub

    def cached_detail(self, slug: str) -> EndpointDetail | None:
        raise NotImplementedError

    async def fetch_detail(self, slug: str, *, quiet: bool = False) -> EndpointDetail | None:
        raise NotImplementedError

    def _endpoint_slugs(self) -> list[str]:
        raise NotImplementedError

    # --- sources ---------------------------------------------------------------------------

    async def sources(self, output_ids: Iterable[int]) -> list[Source]:
        """Library outputs as things to send on (each says if its file is gone)."""
        return await asyncio.to_thread(self._library.sources, list(output_ids))

    async def sources_of_job(self, local_id: str) -> list[Source]:
        return await asyncio.to_thread(self._library.sources_of_job, local_id)

    async def source_for_file(self, path: Path) -> Source | None:
        """The library output whose file this is, or None for a file from elsewhere."""
        return await asyncio.to_thread(self._library.source_for_file, path)

    async def lineage(self, output_id: int) -> Lineage:
        """What the output was made from and what it was used in."""
        return await asyncio.to_thread(self._library.lineage, output_id)

    async def input_names(self, local_ids: Iterable[str]) -> dict[str, list[str]]:
        """The library files each job used as inputs (queue tooltips)."""
        return await asyncio.to_thread(self._library.input_names, list(local_ids))

    async def recall(self, target: int | str, mode: RecallMode | str) -> Recall:
        """Parameters of an output (by id) or a job (by local id), with its library inputs."""
        return await asyncio.to_thread(self._library.recall, target, mode)

    # --- where an output can go ------------------------------------------------------------

    async def send_targets(self, kind: str) -> list[SendTarget]:
        """Every endpoint that takes an output of this kind, grouped, the most used first."""
        details = await self.all_details()
        usage = await asyncio.to_thread(self._library.endpoint_usage)
        return send_targets(kind, details, usage)

    async def extend_targets(self, video: Source) -> list[ExtendTarget]:
        """Where the shot can go on: the video's own family first."""
        details = await self.all_details()
        usage = await asyncio.to_thread(self._library.endpoint_usage)
        return extend_targets(video.endpoint, details, usage)

    async def all_details(self) -> list[EndpointDetail]:
        """The detail of every catalog endpoint: cached ones at once, the rest fetched."""
        slugs = self._endpoint_slugs()
        known = {slug: self.cached_detail(slug) for slug in slugs}
        missing = [slug for slug, detail in known.items() if detail is None]
        if missing:
            slots = asyncio.Semaphore(_FETCHES_AT_ONCE)

            async def fetch(slug: str) -> None:
                async with slots:
                    known[slug] = await self.fetch_detail(slug, quiet=True)

            await asyncio.gather(*(fetch(slug) for slug in missing))
        return [detail for slug in slugs if (detail := known.get(slug)) is not None]

    # --- frames ----------------------------------------------------------------------------

    async def save_frame(self, video: Source, at_s: float | None) -> Source:
        """A frame of the video (``at_s`` seconds in, None for the last) as a new image output.

        The PNG is full size and names its video and timestamp in its metadata and sidecar; the
        library records the video as its input. Raises FrameError when it cannot be decoded.
        """
        if video.file is None or video.problem is not None:
            raise ValueError(video.problem or "The video has no file.")
        png, frame = await asyncio.to_thread(frame_png, video.file, at_s)
        timestamp = round(frame.timestamp_s, 3)
        values = {"prompt": video.prompt, "video": video.name, "timestamp_s": timestamp}
        use = InputUse("video", 0, video.output_id, timestamp)
        stem = video.file.stem
        saved = await asyncio.to_thread(
            self._library.add_local_output,
            FRAME_ENDPOINT,
            values,
            png,
            media_type="image/png",
            file_hint=f"{stem}-frame.png",
            model=FRAME_MODEL,
            uses=[use],
        )
        made = await asyncio.to_thread(self._library.get_output, saved.output_id)
        self._hub.publish(OutputsRecorded(made.local_id if made is not None else ""))
        return saved
