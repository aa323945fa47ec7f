"""Text results (transcripts): which tasks have one, and the MediaRef that stands for its file.

A succeeded task with no media but with text or other output (a Whisper transcript: ``text``,
``language`` and timed ``chunks``) is kept as one JSON file (see media.text_bytes); one file per
result keeps trash, export and start-up checks one-to-one with its library row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from studio.core.api import MediaKind, MediaRef, TaskStatus

if TYPE_CHECKING:
    from studio.core.api import Task

TEXT_MEDIA_TYPE: Final = "application/json"
_MEDIA_KEYS: Final = frozenset({"images", "videos", "audio"})
_EMPTY: Final[tuple[object, ...]] = (None, "", [], {})


def text_result(task: Task | None) -> dict[str, Any] | None:
    """The output to keep as a text file: a succeeded task's output without media, else None.

    Media keys left empty (``"images": []``) do not count as a result.
    """
    if task is None or task.status is not TaskStatus.SUCCEEDED or task.media or not task.output:
        return None
    found = any(value not in _EMPTY for key, value in task.output.items() if key not in _MEDIA_KEYS)
    return task.output if found else None


def text_media(size: int | None = None) -> MediaRef:
    """The MediaRef of a text output: no remote URL (it was never a file on the server)."""
    return MediaRef(url="", kind=MediaKind.OTHER, content_type=TEXT_MEDIA_TYPE, file_size=size)


def is_text_media(media: MediaRef) -> bool:
    """True for the MediaRef of a text output (see text_media), live or rebuilt from the library."""
    return not media.url and media.content_type == TEXT_MEDIA_TYPE
