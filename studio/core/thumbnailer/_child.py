"""The thumbnail process itself: reads requests on stdin, answers on stdout, one at a time.

Besides thumbnails it finishes downloaded files (media.finish_file: hashing, probing and
embedding metadata are the same kind of heavy media work, kept out of the window's process).

It ends at the end of its input (the studio closed the pipe or went away) and, on Linux, when
the studio's process dies while a decode runs (a parent-death signal). What it cannot make
into a thumbnail is answered as an error; a bug in a decoder is logged to stderr and answered
as an error too, so one bad file never ends the process. A crash inside a native decoder ends
it, and the studio starts another (see _client).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import traceback
from typing import TYPE_CHECKING, BinaryIO

from studio.core.media import (
    DecodedImage,
    ThumbnailError,
    decode_preview,
    finish_file,
    make_thumbnail,
)
from studio.core.thumbnailer import _protocol as protocol

if TYPE_CHECKING:
    from pathlib import Path


def serve(requests: BinaryIO, answers: BinaryIO) -> None:
    """Answer every request line until requests end."""
    for line in requests:
        if not line.strip():
            continue
        try:
            number, request, cache = protocol.read_request(line)
        except (ValueError, KeyError, TypeError) as error:
            print(f"thumbnailer: a malformed request ({error})", file=sys.stderr)
            continue
        answers.write(_answer(number, request, cache))
        answers.flush()


def _answer(
    number: int, request: protocol.ThumbnailRequest | protocol.FinishRequest, cache: Path
) -> bytes:
    if isinstance(request, protocol.FinishRequest):
        return _finished(number, request)
    try:
        thumb = make_thumbnail(request.path, request.kind, request.size, cache)
        result = decode_preview(thumb, (request.size, request.size), fit=request.fit)
    except ThumbnailError as error:
        return protocol.error_answer(number, protocol.THUMBNAIL_ERROR, str(error))
    except OSError as error:
        return protocol.error_answer(number, protocol.OS_ERROR, str(error))
    except Exception as error:
        traceback.print_exc(file=sys.stderr)
        return protocol.error_answer(number, protocol.THUMBNAIL_ERROR, f"cannot decode: {error}")
    if isinstance(result, DecodedImage):
        return protocol.image_answer(number, result) + result.pixels
    # A DecodeFailure says why in words; None (asked to stop) is not expected here.
    message = "no picture" if result is None else result.message
    return protocol.error_answer(number, protocol.THUMBNAIL_ERROR, message)


def _finished(number: int, request: protocol.FinishRequest) -> bytes:
    try:
        facts = finish_file(request.path, request.request, request.facts)
    except OSError as error:  # the studio handles it as its own (a full disk is told)
        message = (error.strerror or str(error)) if error.errno is not None else str(error)
        return protocol.error_answer(number, protocol.OS_ERROR, message, error.errno)
    except Exception as error:  # the studio does it again itself, and sees what this was
        traceback.print_exc(file=sys.stderr)
        return protocol.error_answer(number, protocol.THUMBNAIL_ERROR, f"cannot finish: {error}")
    return protocol.facts_answer(number, facts)


def end_with_parent(parent: int) -> None:
    """Linux: this process gets SIGKILL when its parent ends; if that already happened, exit."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGKILL))
    if parent and os.getppid() != parent:
        sys.exit(0)


def main(argv: list[str]) -> int:
    """``python -m studio.core.thumbnailer [PARENT_PID]``."""
    end_with_parent(int(argv[0]) if argv and argv[0].isdigit() else 0)
    # Answers go to a copy of stdout; whatever a library prints lands on stderr instead of in
    # the middle of an answer.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    with contextlib.suppress(KeyboardInterrupt, BrokenPipeError), answers:
        serve(sys.stdin.buffer, answers)
    return 0
