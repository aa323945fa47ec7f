"""What the gallery model asks the library, and the answers: run in a worker thread, plain data.

A Reload replaces every row (a new filter, or a refresh that re-reads the loaded rows); a Page
continues after the last row held; an Update reads again the outputs a change touched (by id or
by job) with the new total; a Fill reads back items the model dropped to save memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from studio.core.library import GalleryItem, Library, OutputFilter

_RELOAD_CHUNK: Final = 2000  # rows per statement when a refresh reads many back


@dataclass(frozen=True)
class Reload:
    output_filter: OutputFilter
    rows: int  # how many to read from the first


@dataclass(frozen=True)
class Page:
    output_filter: OutputFilter
    offset: int
    after: tuple[float, int] | None  # (created_at, id) of the last row held
    limit: int


@dataclass(frozen=True)
class Update:
    output_filter: OutputFilter
    output_ids: frozenset[int] = frozenset()
    local_ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Fill:
    output_ids: tuple[int, ...]


Read = Reload | Page | Update | Fill


@dataclass(frozen=True)
class Answer:
    items: Sequence[GalleryItem]
    total: int | None = None  # counted for a Reload or an Update
    # An Update's outputs, shown or not: those asked by id and every output of the jobs asked.
    asked: frozenset[int] = field(default_factory=frozenset)


def read(library: Library, question: Read, pause: Callable[[], object] | None = None) -> Answer:
    """Runs in a worker thread (never on the GUI thread); pause() is called between rows (see
    studio.ui.gil.wait_for_gui)."""
    if isinstance(question, Reload):
        return _reload(library, question, pause)
    if isinstance(question, Page):
        items = library.page_outputs(
            question.output_filter, question.offset, question.limit, question.after, pause=pause
        )
        return Answer(items)
    if isinstance(question, Update):
        return _update(library, question, pause)
    return Answer(library.gallery_items(None, output_ids=question.output_ids, pause=pause))


def _update(library: Library, question: Update, pause: Callable[[], object] | None) -> Answer:
    items = library.gallery_items(
        question.output_filter,
        output_ids=question.output_ids,
        local_ids=question.local_ids,
        pause=pause,
    )
    asked = set(question.output_ids)
    for local_id in question.local_ids:
        asked.update(output.id for output in library.outputs_for_job(local_id))
    return Answer(items, library.count_outputs(question.output_filter), frozenset(asked))


def _reload(library: Library, question: Reload, pause: Callable[[], object] | None) -> Answer:
    f = question.output_filter
    total = library.count_outputs(f)
    items: list[GalleryItem] = []
    while len(items) < min(question.rows, total):
        after = None if not items else (items[-1].output.created_at, items[-1].id)
        limit = min(_RELOAD_CHUNK, question.rows - len(items))
        page = library.page_outputs(f, len(items), limit, after, pause=pause)
        items += page
        if len(page) < limit:
            break
    return Answer(items, total)
