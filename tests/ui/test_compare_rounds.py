"""A winner (one at most) and rejects, Rerun as a new round with new seeds, a comparison kept and
reopened exactly as it was, the confirmation before more than four videos, and the gallery's
Comparisons view and detail link."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QMessageBox

from studio.core.api import MediaKind
from studio.core.compare import Verdict
from studio.core.jobs import JobStatus
from studio.core.library import Library, OutputKind
from studio.ui.background import background
from studio.ui.compare import ComparePanel, ComparisonsView
from tests.conftest import wait_until
from tests.fakes.preview_media import make_png
from tests.ui.compare_helpers import T2I, Setup, done, moved
from tests.ui.gallery_helpers import open_panel

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot


@pytest.fixture
def setup(qtbot: QtBot) -> Setup:
    return Setup(qtbot)


async def finished_pair(setup: Setup, tmp_path: Path) -> None:
    await setup.compare("a fox in snow", T2I[0], T2I[1], sent=2)
    for slug in T2I[:2]:
        setup.update(done(setup.job_of(slug), make_png(tmp_path / f"{slug[:6]}.png", 64, 48),
                          MediaKind.IMAGE))  # fmt: skip


@pytest.mark.asyncio
async def test_one_winner_rejects_and_every_verdict_kept(setup: Setup, tmp_path: Path) -> None:
    await finished_pair(setup, tmp_path)
    first, second = setup.panel.results.columns()
    first.winner_button.click()
    assert first.verdict_label.text() == "★ Winner" and first.winner_button.isChecked()
    second.winner_button.click()  # a new winner: the old one is no longer
    assert first.verdict is Verdict.NONE and not first.winner_button.isChecked()
    first.reject_button.click()
    assert first.verdict_label.text() == "✕ Rejected"
    run = setup.panel.run
    assert run is not None
    await run.saved_now()
    kept = setup.source.kept[run.comparison.id]
    assert kept.winner() == (0, 1)
    assert kept.rounds[0].entries[0].verdict is Verdict.REJECTED
    second.winner_button.click()  # unmark
    await run.saved_now()
    assert setup.source.kept[run.comparison.id].winner() is None
    await background().aclose()


@pytest.mark.asyncio
async def test_rerun_is_a_new_round_with_new_seeds(setup: Setup, tmp_path: Path) -> None:
    await finished_pair(setup, tmp_path)
    first_round = [job.local_id for job in setup.source.submitted]
    setup.panel.results.rerun_button.click()
    await wait_until(lambda: len(setup.source.submitted) == 4)
    rerun = setup.source.submitted[2:]
    seed = rerun[0].input["seed"]
    assert "seed" not in rerun[1].input  # GPT Image 2 has no seed: the table says so
    assert all("seed" not in j.input for j in setup.source.submitted[:2])
    results = setup.panel.results
    assert results.round_label.text() == "Round 2 of 2" and results.round_label.isVisibleTo(
        setup.panel)  # fmt: skip
    assert [c.job.local_id for c in results.columns() if c.job] == [j.local_id for j in rerun]
    model = setup.panel.table.translation_model
    assert model.index(model.row_of("seed"), 0).data() == f"{seed}\nsent as asked"
    assert model.index(model.row_of("seed"), 1).data() == "—\ndropped"
    results.previous_round.click()
    assert results.round_label.text() == "Round 1 of 2"
    assert [c.job.local_id for c in results.columns() if c.job] == first_round
    comparison = setup.panel.comparison
    assert comparison is not None and len(comparison.rounds) == 2
    await background().aclose()


@pytest.mark.asyncio
async def test_a_kept_comparison_reopens_exactly_as_it_was(
    qtbot: QtBot, setup: Setup, tmp_path: Path
) -> None:
    form = setup.panel.form
    form.choices["aspect_ratio"].setCurrentIndex(form.choices["aspect_ratio"].findData("21:9"))
    await finished_pair(setup, tmp_path)
    setup.panel.results.columns()[1].winner_button.click()
    run = setup.panel.run
    assert run is not None
    await run.saved_now()
    comparison_id = run.comparison.id
    # The catalog moves on meanwhile; the reopened table still shows what was sent then.
    setup.source.details[T2I[1]] = dataclasses.replace(
        setup.details[T2I[1]], input_schema={"type": "object", "properties": {}}
    )
    again = ComparePanel(setup.source)
    qtbot.addWidget(again)
    again.show()
    assert await again.reopen(comparison_id)
    reopened = again.comparison
    assert reopened is not None and reopened == setup.source.kept[comparison_id]
    assert again.picker.chosen_slugs() == list(T2I[:2])
    assert again.form.prompt.toPlainText() == "a fox in snow"
    assert again.form.choices["aspect_ratio"].currentData() == "21:9"
    columns = again.results.columns()
    assert [c.verdict for c in columns] == [Verdict.NONE, Verdict.WINNER]
    assert all(c.job is not None and c.job.status is JobStatus.SUCCEEDED for c in columns)
    model = again.table.translation_model
    assert model.index(model.row_of("aspect_ratio"), 1).data() == "1904×816\nmapped (asked 21:9)"
    assert not await again.reopen("gone")
    assert again.note.text() == "That comparison is no longer in the library."
    await background().aclose()


@pytest.mark.asyncio
async def test_more_than_four_videos_are_confirmed_first(setup: Setup) -> None:
    setup.panel.picker.set_task("text-to-video")
    setup.panel.form.prompt.setPlainText("rain on a tin roof")
    setup.panel.replan()
    models = setup.panel.picker.models
    slugs = [str(models.item(r).data(256 + 1)) for r in range(6)]
    setup.tick(*slugs)
    assert setup.panel.compare_button.text() == "Compare · 6 videos"
    assert setup.panel.compare()
    box = setup.panel.confirm_box
    assert box is not None and box.isVisible() and setup.source.submitted == []
    assert "6 video tasks" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert setup.source.submitted == [] and setup.panel.comparison is None
    assert setup.panel.compare()
    box = setup.panel.confirm_box
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    await wait_until(lambda: len(setup.source.submitted) == 6)
    setup.tick()  # four or fewer go at once
    setup.panel.picker.set_checked(slugs[5], False)
    setup.panel.picker.set_checked(slugs[4], False)
    assert setup.panel.compare() and setup.panel.confirm_box is None
    await wait_until(lambda: len(setup.source.submitted) == 10)
    await background().aclose()


@pytest.mark.asyncio
async def test_the_gallery_lists_comparisons_and_an_output_links_to_its_own(
    qtbot: QtBot, setup: Setup, tmp_path: Path
) -> None:
    await finished_pair(setup, tmp_path)
    run = setup.panel.run
    assert run is not None
    await run.saved_now()
    view = ComparisonsView(setup.source)
    qtbot.addWidget(view)
    view.show()
    await view.reload()
    assert [r.id for r in view.records()] == [run.comparison.id]
    assert view.list.item(0).text().startswith("a fox in snow\n")
    opened: list[str] = []
    view.open_requested.connect(opened.append)
    assert view.select(run.comparison.id)
    view.open_button.click()
    assert opened == [run.comparison.id]
    # The gallery detail: an output made by a comparison links back to it.
    library = Library.open(tmp_path / "lib" / "library.sqlite3")
    job = setup.job_of(T2I[0])
    library.create_job(job.local_id, job.endpoint, dict(job.input))
    library.update_job(job.local_id, status=JobStatus.SUCCEEDED)
    library.add_output(job.local_id, 0, OutputKind.IMAGE, "https://x/a.png")
    records = {r.id: r for r in await setup.source.list_comparisons()}

    async def lookup(local_id: str) -> object:
        return records[run.comparison.id] if local_id == job.local_id else None

    async with open_panel(library) as gallery:
        gallery.set_comparison_lookup(lookup)  # type: ignore[arg-type]
        linked: list[str] = []
        gallery.comparison_requested.connect(linked.append)
        gallery.grid.setCurrentIndex(gallery.model.index(0))
        link = gallery.detail.comparison_link
        await wait_until(link.isVisible)
        assert "a fox in snow" in link.text()
        link.linkActivated.emit(run.comparison.id)
        assert linked == [run.comparison.id]
    library.close()
    setup.update(moved(job, JobStatus.SUCCEEDED, 1))
    await background().aclose()
