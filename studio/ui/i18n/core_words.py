"""The one catalog of what studio/core says in English, translated where the UI shows it.

studio/core stays Qt-free and speaks English (notices, job problems, backend labels, durations);
``core_text`` turns such a sentence into the installed language. Each known sentence is a pattern
whose captured parts fill ``%1``, ``%2``… of its translation; captured parts are translated too
when they are core sentences themselves ("Not sent. " + a network problem). Anything unknown —
server errors above all — is shown as it came. Also here: durations, sizes, dates and job
statuses in the installed locale.
"""

from __future__ import annotations

import math
import re
from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QLocale

from studio.core.jobs import JobStatus
from studio.core.units import human_size
from studio.ui.i18n import validation_words
from studio.ui.i18n.field_words import field_title

CONTEXT: Final = "CoreWords"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# Whole sentences core writes as they are.
_EXACT: Final = {
    s: s
    for s in (
        str(QT_TRANSLATE_NOOP("CoreWords", "Demo — local simulator")),
        str(QT_TRANSLATE_NOOP("CoreWords", "Mountsea API")),
        str(QT_TRANSLATE_NOOP("CoreWords", "Connection problem — still trying")),
        str(QT_TRANSLATE_NOOP("CoreWords", "The server no longer knows this task.")),
        str(
            QT_TRANSLATE_NOOP(
                "CoreWords", "The job could not be recorded in the library, so it was not sent."
            )
        ),
        str(QT_TRANSLATE_NOOP("CoreWords", "The task timed out on the server.")),
        str(QT_TRANSLATE_NOOP("CoreWords", "The task failed.")),
        str(QT_TRANSLATE_NOOP("CoreWords", "Not saved.")),
        str(QT_TRANSLATE_NOOP("CoreWords", "taking longer than usual")),
        str(
            QT_TRANSLATE_NOOP(
                "CoreWords",
                "Saving was canceled; outputs not saved yet are fetched at the next start.",
            )
        ),
        str(
            QT_TRANSLATE_NOOP(
                "CoreWords",
                "The request may have reached the server, but no answer came back. The task may "
                "exist and may be charged; it was not sent again. Retry only if you are sure it "
                "did not start.",
            )
        ),
        str(
            QT_TRANSLATE_NOOP(
                "CoreWords",
                "The app stopped while this request was being sent. The task may exist and may be "
                "charged; it was not sent again. Retry only if you are sure it did not start.",
            )
        ),
        str(
            QT_TRANSLATE_NOOP(
                "CoreWords",
                "This job's task belongs to another backend; it can be followed again when that "
                "backend is in use.",
            )
        ),
        str(
            QT_TRANSLATE_NOOP(
                "CoreWords",
                "Not sent: the library could not be brought up to date at start-up (is the disk "
                "full?), so this job is not sent by itself. Retry it once there is room.",
            )
        ),
        str(
            QT_TRANSLATE_NOOP(
                "CoreWords",
                "This job is still running on another backend; it is followed again when that "
                "backend is in use.",
            )
        ),
        str(QT_TRANSLATE_NOOP("CoreWords", "rate limited by the server")),
        str(QT_TRANSLATE_NOOP("CoreWords", "server error")),
        str(QT_TRANSLATE_NOOP("CoreWords", "no connection")),
        str(QT_TRANSLATE_NOOP("CoreWords", "It printed nothing.")),
        str(QT_TRANSLATE_NOOP("CoreWords", "needs a prompt")),
        str(QT_TRANSLATE_NOOP("CoreWords", "an input image")),
        str(QT_TRANSLATE_NOOP("CoreWords", "an input video")),
        str(QT_TRANSLATE_NOOP("CoreWords", "input audio")),
        str(QT_TRANSLATE_NOOP("CoreWords", "an input file")),
        *(str(word) for word in validation_words.EXACT),
    )
}

# Sentences with parts: (pattern, translatable template with %1, %2…).
_PATTERNS: Final = [
    (re.compile(p, re.DOTALL), t)
    for p, t in (
        (r"API at (.+)", QT_TRANSLATE_NOOP("CoreWords", "API at %1")),
        (
            r"Picked up (\d+) unfinished task\(s\) from last time",
            QT_TRANSLATE_NOOP("CoreWords", "Picked up %1 unfinished task(s) from last time"),
        ),
        (
            r"The model list could not be loaded: (.+)",
            QT_TRANSLATE_NOOP("CoreWords", "The model list could not be loaded: %1"),
        ),
        (
            r"The disk is full \((.+)\): new files cannot be saved there and jobs that could not "
            r"be recorded were not sent\. Free some space, then retry them\.",
            QT_TRANSLATE_NOOP(
                "CoreWords",
                "The disk is full (%1): new files cannot be saved there and jobs that could not "
                "be recorded were not sent. Free some space, then retry them.",
            ),
        ),
        (
            r"The disk is full \((.+)\): the file was not saved\. Free some space, then retry\.",
            QT_TRANSLATE_NOOP(
                "CoreWords",
                "The disk is full (%1): the file was not saved. Free some space, then retry.",
            ),
        ),
        (
            r"Connection problem — still trying \((.+)\)",
            QT_TRANSLATE_NOOP("CoreWords", "Connection problem — still trying (%1)"),
        ),
        (r"server error (\d+)", QT_TRANSLATE_NOOP("CoreWords", "server error %1")),
        (
            r"Waiting — (.+), (\d+) s \(try (\d+) of (\d+)\)",
            QT_TRANSLATE_NOOP("CoreWords", "Waiting — %1, %2 s (try %3 of %4)"),
        ),
        (
            r"Unusable reply — trying again \((\d+) of (\d+)\): (.+)",
            QT_TRANSLATE_NOOP("CoreWords", "Unusable reply — trying again (%1 of %2): %3"),
        ),
        (
            r"Lost contact — last seen (.+?)\. (\d+) replies in a row could not be used "
            r"\(last: (.+)\)\. The task may still be running on the server: use “Follow again” "
            r"to look again\.",
            QT_TRANSLATE_NOOP(
                "CoreWords",
                "Lost contact — last seen %1. %2 replies in a row could not be used (last: %3). "
                "The task may still be running on the server: use “Follow again” to look again.",
            ),
        ),
        (
            r"Cancel not confirmed, still following: (.+)",
            QT_TRANSLATE_NOOP("CoreWords", "Cancel not confirmed, still following: %1"),
        ),
        (
            r"Not sent: the server answered “not now” \((.+)\) (\d+) times, so nothing was "
            r"created\. Retry when it is less busy\.",
            QT_TRANSLATE_NOOP(
                "CoreWords",
                "Not sent: the server answered “not now” (%1) %2 times, so nothing was created. "
                "Retry when it is less busy.",
            ),
        ),
        (r"Not sent\. (.+)", QT_TRANSLATE_NOOP("CoreWords", "Not sent. %1")),
        (r"Unexpected error: (.+)", QT_TRANSLATE_NOOP("CoreWords", "Unexpected error: %1")),
        (
            r"The demo simulator did not start\. (.+)",
            QT_TRANSLATE_NOOP("CoreWords", "The demo simulator did not start. %1"),
        ),
        (
            r"Stored in the system keychain \((.+)\)\.",
            QT_TRANSLATE_NOOP("CoreWords", "Stored in the system keychain (%1)."),
        ),
        (
            r"No system keychain is available: the key is stored in (.+) \(readable only by "
            r"you, not encrypted\)\.",
            QT_TRANSLATE_NOOP(
                "CoreWords",
                "No system keychain is available: the key is stored in %1 (readable only by you, "
                "not encrypted).",
            ),
        ),
        (r"≈ (.+) left", QT_TRANSLATE_NOOP("CoreWords", "≈ %1 left")),
        # Why Compare cannot send to a model (studio.core.compare).
        (r"needs (.+?) \((.+)\)", QT_TRANSLATE_NOOP("CoreWords", "needs %1 (%2)")),
        (
            r"(an input \w+|input audio) or (.+)",
            QT_TRANSLATE_NOOP("CoreWords", "%1 or %2"),
        ),
        (
            r"(.+) is required and has no default",
            QT_TRANSLATE_NOOP("CoreWords", "%1 is required and has no default"),
        ),
        (r"(\d+) h (\d+) min", QT_TRANSLATE_NOOP("CoreWords", "%1 h %2 min")),
        (r"(\d+) min (\d+) s", QT_TRANSLATE_NOOP("CoreWords", "%1 min %2 s")),
        (r"(\d+) s", QT_TRANSLATE_NOOP("CoreWords", "%1 s")),
        *validation_words.PATTERNS,
    )
]
# An ambiguous submit ends with the network problem in brackets.
_AMBIGUOUS = re.compile(r"(The request may have reached the server.+did not start\.) \((.+)\)")


def core_text(message: str) -> str:
    """``message`` (written by studio/core) in the installed language; unknown text as it is."""
    if not message:
        return message
    exact = _EXACT.get(message)
    if exact is not None:
        return _t(exact)
    ambiguous = _AMBIGUOUS.fullmatch(message)
    if ambiguous is not None:
        return f"{core_text(ambiguous.group(1))} ({core_text(ambiguous.group(2))})"
    for pattern, template in _PATTERNS:
        found = pattern.fullmatch(message)
        if found is not None:
            text = _t(str(template))
            for number, part in enumerate(found.groups(), start=1):
                text = text.replace(f"%{number}", core_text(part))
            return text
    return _titles(message)


def _titles(message: str) -> str:
    """A field title, or titles joined by " or " ("Image URL or Video URL"), translated."""
    parts = message.split(" or ")
    shown = [field_title(part) for part in parts]
    if len(parts) > 1 and any(a == b for a, b in zip(parts, shown, strict=True)):
        return message  # not all titles: leave the sentence whole
    text = shown[0]
    for part in shown[1:]:
        text = _t("%1 or %2").replace("%1", text).replace("%2", part)
    return text


_STATUS_WORDS: Final = {
    JobStatus.SUBMITTING: QT_TRANSLATE_NOOP("CoreWords", "Sending"),
    JobStatus.QUEUED: QT_TRANSLATE_NOOP("CoreWords", "Queued"),
    JobStatus.PROCESSING: QT_TRANSLATE_NOOP("CoreWords", "Running"),
    JobStatus.SUCCEEDED: QT_TRANSLATE_NOOP("CoreWords", "Done"),
    JobStatus.FAILED: QT_TRANSLATE_NOOP("CoreWords", "Failed"),
    JobStatus.TIMEOUT: QT_TRANSLATE_NOOP("CoreWords", "Timed out"),
    JobStatus.CANCELED: QT_TRANSLATE_NOOP("CoreWords", "Canceled"),
    JobStatus.UNKNOWN: QT_TRANSLATE_NOOP("CoreWords", "Unknown"),
    JobStatus.LOST: QT_TRANSLATE_NOOP("CoreWords", "Lost"),
    JobStatus.CONTACT_LOST: QT_TRANSLATE_NOOP("CoreWords", "No contact"),
}
WAITING: Final = str(QT_TRANSLATE_NOOP("CoreWords", "Waiting"))
SAVING: Final = str(QT_TRANSLATE_NOOP("CoreWords", "Saving"))


def status_key(status: JobStatus) -> str:
    """The English word for a status (a stable key: glyphs, tests)."""
    return str(_STATUS_WORDS[status])


def status_word(status: JobStatus | str) -> str:
    """A job status ("Done", "Timed out"…) in the installed language."""
    key = status_key(status) if isinstance(status, JobStatus) else status
    return _t(key)


def duration_text(seconds: float) -> str:
    """Seconds as "12 s", "3 min 05 s" or "1 h 02 min" in the installed language."""
    whole = max(0, int(seconds))
    if whole < 60:
        return _t("%1 s").replace("%1", str(whole))
    if whole < 3600:
        text = _t("%1 min %2 s").replace("%1", str(whole // 60))
        return text.replace("%2", f"{whole % 60:02d}")
    text = _t("%1 h %2 min").replace("%1", str(whole // 3600))
    return text.replace("%2", f"{whole % 3600 // 60:02d}")


def eta_text(seconds: float | None) -> str:
    """Seconds left ("≈ 20 s left"); "" without an estimate."""
    if seconds is None:
        return ""
    if seconds < 1:
        return _t("taking longer than usual")
    return _t("≈ %1 left").replace("%1", duration_text(math.ceil(seconds)))


def size_text(size: int) -> str:
    """A byte count for people ("4.5 MB", "812 KB"), with the locale's decimal point."""
    return human_size(size).replace(".", QLocale().decimalPoint())


def when_text(timestamp: float) -> str:
    """A moment as the locale writes a short date and time."""
    moment = QDateTime.fromSecsSinceEpoch(int(timestamp))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


_KINDS: Final = {
    "image": QT_TRANSLATE_NOOP("CoreWords", "image"),
    "video": QT_TRANSLATE_NOOP("CoreWords", "video"),
    "audio": QT_TRANSLATE_NOOP("CoreWords", "audio"),
    "text": QT_TRANSLATE_NOOP("CoreWords", "text"),
    "file": QT_TRANSLATE_NOOP("CoreWords", "file"),
}


def kind_word(kind: str) -> str:
    """A media kind ("image", "video"…) in the installed language; unknown kinds as they are."""
    word = _KINDS.get(kind)
    return _t(str(word)) if word else kind
