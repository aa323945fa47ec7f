"""What an output file is called: its day, prompt and model, and a short id.

``2026-12-02 lighthouse at dusk · nano-banana · a1b2c3d4-0.png`` — readable in a file manager
and in a folder of exports, sorted by day, and the same each time it is asked for the same job:
only what the library keeps of the job goes in (its id, input, endpoint slug and creation time,
never the catalog's names, which may change), so a restarted app finds the file it saved.

The short id is the job id's first characters (random hex): with the day, prompt and model it
tells jobs apart. The date at the front also keeps the name clear of Windows' reserved device
names (``CON``, ``NUL``…) and of a leading dot. Names written before this scheme
(``<local id>[-a<n>]-<index>.<ext>``) are still found (see _files.destination_of).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from studio.core.paths import name_part

if TYPE_CHECKING:
    from datetime import date

PROMPT_BYTES: Final = 60  # 20 Chinese characters, about 10 English words
MODEL_BYTES: Final = 40
SHORT_ID_CHARS: Final = 8
SEPARATOR: Final = " · "
_SAFE_ID: Final = re.compile(r"[A-Za-z0-9_-]+")


def model_of(endpoint: str) -> str:
    """The model part of an endpoint slug: ``google/veo-3.1/fast/text-to-video`` → ``veo-3.1-fast``
    (neither the provider nor the kind of task)."""
    parts = [part for part in endpoint.split("/") if part]
    if len(parts) >= 3:
        parts = parts[1:-1]
    elif len(parts) == 2:
        parts = parts[1:]
    return "-".join(parts)


def output_stem(
    *, prompt: str, endpoint: str, local_id: str, day: date, index: int, attempt: int = 1
) -> str:
    """The file name without its extension; a later attempt of the same job adds ``-a<n>``.

    Raises ValueError for a job id that is not plain letters, digits, '-' and '_'.
    """
    if not _SAFE_ID.fullmatch(local_id):
        raise ValueError(f"unsafe local id for a file name: {local_id!r}")
    short = local_id[:SHORT_ID_CHARS]
    ending = short if attempt <= 1 else f"{short}-a{attempt}"
    words = [
        part
        for part in (name_part(prompt, PROMPT_BYTES), name_part(model_of(endpoint), MODEL_BYTES))
        if part
    ]
    return f"{day.isoformat()} {SEPARATOR.join([*words, f'{ending}-{int(index)}'])}"


def legacy_output_stem(local_id: str, index: int, attempt: int = 1) -> str:
    """The name this version's predecessors gave the same file: ``<local id>[-a<n>]-<index>``."""
    if not _SAFE_ID.fullmatch(local_id):
        raise ValueError(f"unsafe local id for a file name: {local_id!r}")
    stem = local_id if attempt <= 1 else f"{local_id}-a{attempt}"
    return f"{stem}-{int(index)}"
