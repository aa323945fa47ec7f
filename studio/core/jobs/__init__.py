"""Jobs: a Job is ours, a Task is the server's. The JobRunner submits, follows and downloads.

Also the one JobStatus, the journal protocol the runner writes every change into, where output
files go, and the typical durations behind each estimate.
"""

from typing import TYPE_CHECKING

from studio.core._lazy import lazy_names

if TYPE_CHECKING:
    from studio.core.jobs._eta import DurationStats
    from studio.core.jobs._files import (
        destination_of,
        output_path,
        save_text_output,
        text_output_path,
        text_saved_output,
    )
    from studio.core.jobs._models import (
        AMBIGUOUS_SUBMIT_MESSAGE,
        CONNECTION_WARNING,
        LOST_MESSAGE,
        NOT_RECORDED_MESSAGE,
        Job,
        JobJournal,
        JobStateError,
        JobStatus,
        SavedOutput,
        Sleep,
        TaskClient,
        disk_full_message,
        prompt_of,
        utc_now,
    )
    from studio.core.jobs._names import output_stem
    from studio.core.jobs._runner import JobRunner
    from studio.core.jobs._submit import SUBMIT_RETRY
    from studio.core.jobs._text import TEXT_MEDIA_TYPE, is_text_media, text_media, text_result

# Each name's module is imported the first time the name is used (see studio.core._lazy).
__getattr__ = lazy_names(
    __name__,
    {
        "_eta": ("DurationStats",),
        "_files": (
            "destination_of",
            "output_path",
            "save_text_output",
            "text_output_path",
            "text_saved_output",
        ),
        "_models": (
            "AMBIGUOUS_SUBMIT_MESSAGE",
            "CONNECTION_WARNING",
            "LOST_MESSAGE",
            "NOT_RECORDED_MESSAGE",
            "Job",
            "JobJournal",
            "JobStateError",
            "JobStatus",
            "SavedOutput",
            "Sleep",
            "TaskClient",
            "disk_full_message",
            "prompt_of",
            "utc_now",
        ),
        "_names": ("output_stem",),
        "_runner": ("JobRunner",),
        "_submit": ("SUBMIT_RETRY",),
        "_text": (
            "TEXT_MEDIA_TYPE",
            "is_text_media",
            "text_media",
            "text_result",
        ),
    },
)

__all__ = [
    "AMBIGUOUS_SUBMIT_MESSAGE",
    "CONNECTION_WARNING",
    "LOST_MESSAGE",
    "NOT_RECORDED_MESSAGE",
    "SUBMIT_RETRY",
    "TEXT_MEDIA_TYPE",
    "DurationStats",
    "Job",
    "JobJournal",
    "JobRunner",
    "JobStateError",
    "JobStatus",
    "SavedOutput",
    "Sleep",
    "TaskClient",
    "destination_of",
    "disk_full_message",
    "is_text_media",
    "output_path",
    "output_stem",
    "prompt_of",
    "save_text_output",
    "text_media",
    "text_output_path",
    "text_result",
    "text_saved_output",
    "utc_now",
]
