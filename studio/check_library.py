"""``python -m studio --check-library``: check the library and repair it, without the window.

Prints what it found and did. Exit code 0: the library is sound; 1: damage was found and
repaired; 2: damage was found and the library could not be rebuilt (see the log). No Qt.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from studio.core.library import OutputFilter, open_library
from studio.core.session import configure_logging, load_settings

if TYPE_CHECKING:
    from collections.abc import Sequence

SOUND, REPAIRED, NOT_REPAIRED = 0, 1, 2


def main(_argv: Sequence[str] = (), out: TextIO = sys.stdout) -> int:
    log_path = configure_logging()
    settings = load_settings()
    library, report = open_library(outputs_root=settings.outputs_dir())
    try:
        if report is not None:
            print("\n".join(report.summary()), file=out)
            print(f"Details are in the log: {log_path}", file=out)
            return REPAIRED if report.error is None else NOT_REPAIRED
        outputs = library.count_outputs(OutputFilter(include_trashed=True))
        print(
            f"The library is sound: {library.count_jobs()} job(s), {outputs} output(s), "
            f"outputs in {library.outputs_root}.",
            file=out,
        )
        behind = library.submit_log_report
        if not behind.changed:
            return SOUND
        print(
            "It had lost track of some submits, now put right from the submit log: "
            f"{len(behind.marked_unknown) + len(behind.recreated)} may exist on the server "
            f"(shown as unknown, not sent again), {len(behind.answered)} followed again, "
            f"{len(behind.not_sent)} not sent.",
            file=out,
        )
        return REPAIRED
    finally:
        library.close()
