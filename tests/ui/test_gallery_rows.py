"""GalleryRows' packed path column: the same strings back as a plain list holds, through every
change a gallery makes (pages appended, rows inserted, removed and read again)."""

from __future__ import annotations

import random

from studio.ui.gallery.rows import PathColumn


def _text(chooser: random.Random) -> str | None:
    if chooser.random() < 0.2:
        return None
    pieces = ["media/", "2026-12-04 ", "森林 · ", "veo-3.1", "é", "\udc80", "", "a.png"]
    return "".join(chooser.choice(pieces) for _ in range(chooser.randrange(0, 6)))


def test_a_path_column_holds_what_a_list_holds_through_every_change() -> None:
    chooser = random.Random(12)
    column, plain = PathColumn(), list[str | None]()
    for _ in range(600):
        step = chooser.random()
        if step < 0.3 or not plain:
            texts = [_text(chooser) for _ in range(chooser.randrange(0, 8))]
            column.extend(texts)
            plain.extend(texts)
        elif step < 0.5:
            row, text = chooser.randrange(len(plain) + 1), _text(chooser)
            column.insert(row, text)
            plain.insert(row, text)
        elif step < 0.7:
            row = chooser.randrange(len(plain))
            column.delete(row)
            del plain[row]
        elif step < 0.85:
            row, text = chooser.randrange(len(plain)), _text(chooser)
            column.set(row, text)
            plain[row] = text
        else:  # look at some rows between changes (the starts are rebuilt lazily)
            for row in chooser.sample(range(len(plain)), min(3, len(plain))):
                assert column.get(row) == plain[row]
        assert len(column) == len(plain)
    assert [column.get(row) for row in range(len(plain))] == plain
    assert [column.has(row) for row in range(len(plain))] == [t is not None for t in plain]
