"""What the studio and its thumbnail process say to each other, over the child's stdin/stdout.

A request is one line of JSON: a thumbnail ``{"id", "path", "kind", "size", "fit", "cache"}``,
or a downloaded file to finish ``{"id", "op": "finish", "path", "request", "facts"}`` (see
media.finish_file). An answer is one line of JSON with the same ``id`` and an ``answer`` of
``"image"`` (followed by exactly ``length`` bytes of pixels), ``"facts"`` (the finished file's
``sha256``, ``size`` and media facts) or ``"error"`` (``error`` is ``"thumbnail"`` or ``"os"``,
raised in the studio as ThumbnailError and OSError, the latter with its ``errno``). Paths
travel as JSON strings; undecodable bytes in a file name survive as surrogates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from studio.core.media import DecodedImage, FileFacts, ThumbnailError

IMAGE: Final = "image"
FACTS: Final = "facts"
ERROR: Final = "error"
FINISH: Final = "finish"
THUMBNAIL_ERROR: Final = "thumbnail"
OS_ERROR: Final = "os"


@dataclass(frozen=True)
class ThumbnailRequest:
    """A thumbnail of path (a file of kind: image, video, audio, text) at most size × size,
    with fit: scaled to fit fit × fit device pixels, so whoever shows it copies it."""

    path: Path
    kind: str
    size: int
    fit: int | None = None


@dataclass(frozen=True)
class FinishRequest:
    """A downloaded file to finish: media.finish_file's arguments (plain JSON values)."""

    path: Path
    request: dict[str, Any]
    facts: dict[str, Any] | None = None


def request_line(number: int, request: ThumbnailRequest, cache: Path) -> bytes:
    fields = {
        "id": number,
        "path": str(request.path),
        "kind": request.kind,
        "size": request.size,
        "fit": request.fit,
        "cache": str(cache),
    }
    return _line(fields)


def finish_line(number: int, request: FinishRequest) -> bytes:
    fields = {
        "id": number,
        "op": FINISH,
        "path": str(request.path),
        "request": request.request,
        "facts": request.facts,
    }
    return _line(fields)


def read_request(line: bytes) -> tuple[int, ThumbnailRequest | FinishRequest, Path]:
    """The request of a line and the thumbnails' cache folder (a finish names none: ".");
    raises ValueError (and KeyError, TypeError) on a malformed one."""
    fields = json.loads(line)
    if fields.get("op") == FINISH:
        facts = fields["facts"]
        finish = FinishRequest(
            Path(str(fields["path"])),
            dict(fields["request"]),
            None if facts is None else dict(facts),
        )
        return int(fields["id"]), finish, Path()
    fit = fields["fit"]
    request = ThumbnailRequest(
        Path(str(fields["path"])),
        str(fields["kind"]),
        int(fields["size"]),
        None if fit is None else int(fit),
    )
    return int(fields["id"]), request, Path(str(fields["cache"]))


def image_answer(number: int, image: DecodedImage) -> bytes:
    fields = {
        "id": number,
        "answer": IMAGE,
        "width": image.width,
        "height": image.height,
        "stride": image.stride,
        "has_alpha": image.has_alpha,
        "source_width": image.source_width,
        "source_height": image.source_height,
        "format": image.format,
        "file_size": image.file_size,
        "length": len(image.pixels),
    }
    return _line(fields)


def facts_answer(number: int, facts: FileFacts) -> bytes:
    return _line({"id": number, "answer": FACTS, **facts.fields()})


def error_answer(number: int, error: str, message: str, errno: int | None = None) -> bytes:
    fields = {"id": number, "answer": ERROR, "error": error, "message": message, "errno": errno}
    return _line(fields)


def _line(fields: dict[str, Any]) -> bytes:
    """One line of the protocol: JSON in ASCII (paths' odd bytes escaped), then a newline."""
    return json.dumps(fields).encode("ascii") + b"\n"


@dataclass(frozen=True)
class Answer:
    """One answer as read back: an image, a finished file's facts, or an error to raise
    (ThumbnailError or OSError)."""

    number: int
    image: DecodedImage | None = None
    facts: FileFacts | None = None
    error: Exception | None = None


def answer_header(line: bytes) -> tuple[dict[str, Any], int]:
    """The fields of an answer line and how many pixel bytes follow it."""
    fields = json.loads(line)
    if not isinstance(fields, dict):
        raise ValueError("an answer is a JSON object")
    length = int(fields.get("length", 0)) if fields.get("answer") == IMAGE else 0
    return fields, length


def answer_of(fields: dict[str, Any], pixels: bytes) -> Answer:
    number = int(fields["id"])
    kind = fields.get("answer")
    if kind == IMAGE:
        image = DecodedImage(
            pixels=pixels,
            width=int(fields["width"]),
            height=int(fields["height"]),
            stride=int(fields["stride"]),
            has_alpha=bool(fields["has_alpha"]),
            source_width=int(fields["source_width"]),
            source_height=int(fields["source_height"]),
            format=str(fields["format"]),
            file_size=None if fields["file_size"] is None else int(fields["file_size"]),
        )
        if image.stride < image.width * (4 if image.has_alpha else 3) or len(pixels) != (
            image.stride * image.height
        ):
            raise ValueError("an image answer's pixels do not match its size")
        return Answer(number, image=image)
    if kind == FACTS:
        return Answer(number, facts=FileFacts.from_fields(fields))
    message = str(fields.get("message", "no thumbnail"))
    if fields.get("error") == OS_ERROR:
        errno = fields.get("errno")
        error = OSError(int(errno), message) if errno is not None else OSError(message)
        return Answer(number, error=error)
    return Answer(number, error=ThumbnailError(message))
