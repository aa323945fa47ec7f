"""The durable SQLite library of jobs and their outputs: nothing made is lost, everything is found.

``Library`` is the store (migrations, queries, curation, files); ``LibraryJournal`` is the
runner's journal into it (every queue row durable before its request leaves), and
``QueuedJournal`` writes it from a thread of its own, off the event loop.
"""

from typing import TYPE_CHECKING

from studio.core._lazy import lazy_names

if TYPE_CHECKING:
    from studio.core.library._comparisons import ComparisonRecord
    from studio.core.library._curation import make_recall, request_for
    from studio.core.library._health import Damage
    from studio.core.library._journal import (
        LibraryJournal,
        job_from_record,
        pending_text_row,
        saved_outputs,
        task_of,
    )
    from studio.core.library._library import Library
    from studio.core.library._queued import QueuedJournal
    from studio.core.library._recovery import RecoveryReport, open_library
    from studio.core.library._sidecars import sidecar_facts
    from studio.core.library._store import DB_NAME
    from studio.core.library._types import (
        ExportResult,
        GalleryItem,
        JobRecord,
        LibraryError,
        OutputFilter,
        OutputKind,
        OutputRecord,
        Recall,
        RecallMode,
        ReconcilePlan,
        TrashToken,
    )

# Each name's module is imported the first time the name is used (see studio.core._lazy).
__getattr__ = lazy_names(
    __name__,
    {
        "_comparisons": ("ComparisonRecord",),
        "_curation": (
            "make_recall",
            "request_for",
        ),
        "_health": ("Damage",),
        "_journal": (
            "LibraryJournal",
            "job_from_record",
            "pending_text_row",
            "saved_outputs",
            "task_of",
        ),
        "_library": ("Library",),
        "_queued": ("QueuedJournal",),
        "_recovery": (
            "RecoveryReport",
            "open_library",
        ),
        "_sidecars": ("sidecar_facts",),
        "_store": ("DB_NAME",),
        "_types": (
            "ExportResult",
            "GalleryItem",
            "JobRecord",
            "LibraryError",
            "OutputFilter",
            "OutputKind",
            "OutputRecord",
            "Recall",
            "RecallMode",
            "ReconcilePlan",
            "TrashToken",
        ),
    },
)

__all__ = [
    "DB_NAME",
    "ComparisonRecord",
    "Damage",
    "ExportResult",
    "GalleryItem",
    "JobRecord",
    "Library",
    "LibraryError",
    "LibraryJournal",
    "OutputFilter",
    "OutputKind",
    "OutputRecord",
    "QueuedJournal",
    "Recall",
    "RecallMode",
    "ReconcilePlan",
    "RecoveryReport",
    "TrashToken",
    "job_from_record",
    "make_recall",
    "open_library",
    "pending_text_row",
    "request_for",
    "saved_outputs",
    "sidecar_facts",
    "task_of",
]
