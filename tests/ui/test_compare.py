"""ComparePanel over a fake session: the model list and its reasons, fan-out, limits, models that
cannot be loaded or whose schema changed, columns following their own jobs, Use this one."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer

from studio.core.api import MediaKind
from studio.core.jobs import Job, JobStatus
from studio.core.library import Recall, RecallMode
from studio.core.schema import FormSpec
from studio.ui.background import background
from studio.ui.compare.picker import REASON_ROLE, SLUG_ROLE
from tests.conftest import wait_until
from tests.fakes.preview_media import QT_MEDIA_INTERRUPTED, QT_MEDIA_NOISE, make_mp4, make_png
from tests.ui.compare_helpers import T2I, Setup, done, moved

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

EDIT = "google/nano-banana/edit"


@pytest.fixture
def setup(qtbot: QtBot) -> Setup:
    return Setup(qtbot)


def listed(setup: Setup) -> dict[str, str]:
    """Slug → the reason it cannot be ticked ("" when it can), as the list shows them."""
    models = setup.panel.picker.models
    return {
        str(models.item(r).data(SLUG_ROLE)): str(models.item(r).data(REASON_ROLE))
        for r in range(models.count())
    }


@pytest.mark.asyncio
async def test_three_image_models_get_the_prompt_in_valid_inputs(
    qtbot: QtBot, setup: Setup
) -> None:
    form = setup.panel.form
    form.choices["aspect_ratio"].setCurrentIndex(form.choices["aspect_ratio"].findData("16:9"))
    form.prompt.setPlainText("a lighthouse at dusk")
    setup.tick(*T2I)
    form.prompt.setFocus()
    assert setup.panel.compare_button.text() == "Compare · 3 images"
    qtbot.keyClick(form.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # type: ignore[no-untyped-call]
    await wait_until(lambda: len(setup.source.submitted) == 3)
    assert [job.endpoint for job in setup.source.submitted] == list(T2I)
    for job in setup.source.submitted:
        schema = setup.details[job.endpoint].input_schema
        assert FormSpec.from_schema(schema).validate(dict(job.input)) == []
        assert job.input["prompt"] == "a lighthouse at dusk"
    assert setup.job_of(T2I[0]).input["aspect_ratio"] == "16:9"
    gpt_image = setup.job_of(T2I[1]).input  # GPT Image sizes by image_size
    assert "aspect_ratio" not in gpt_image and gpt_image["image_size"] == "landscape_16_9"
    model = setup.panel.table.translation_model
    cell = model.index(model.row_of("aspect_ratio"), 1).data()
    assert cell == "landscape_16_9\nmapped (asked 16:9)"  # the mapping is shown, not hidden
    names = [c.title_label.text() for c in setup.panel.results.columns()]
    assert names == [setup.details[slug].name for slug in T2I]
    assert all(c.status_label.text() == "Waiting" for c in setup.panel.results.columns())
    assert "\n" not in form.prompt.toPlainText()
    await background().aclose()


def test_a_seventh_model_is_refused(setup: Setup) -> None:
    picker = setup.panel.picker
    picker.set_task("text-to-video")
    setup.panel.replan()
    slugs = [slug for slug, reason in listed(setup).items() if not reason]
    assert len(slugs) >= 7
    setup.tick(*slugs[:6])
    assert picker.set_checked(slugs[6], True)
    assert picker.chosen_slugs() == slugs[:6]


def test_one_column_or_no_prompt_does_not_start(setup: Setup) -> None:
    setup.tick(T2I[0])
    setup.panel.form.prompt.setPlainText("a cat")
    assert not setup.panel.compare()
    assert "1 so far" in setup.panel.note.text()
    setup.tick(T2I[1])
    setup.panel.form.prompt.setPlainText("   ")
    assert not setup.panel.compare()
    model = setup.panel.table.translation_model
    status = model.index(model.row_of("__status__"), 0).data()
    assert status == "Not sent: needs a prompt"
    assert setup.panel.comparison is None and setup.source.submitted == []


def test_the_list_says_why_a_model_cannot_take_the_intent(setup: Setup) -> None:
    setup.panel.replan()
    reasons = listed(setup)
    assert reasons["google/nano-banana/text-to-image"] == ""
    assert reasons[EDIT] == "needs an input image (Image URLs)"
    assert not setup.panel.picker.set_checked(EDIT, True)
    setup.panel.picker.set_task("image-to-video")
    setup.panel.replan()
    reasons = listed(setup)
    assert reasons["google/veo-3.1/image-to-video"] == ""
    assert reasons["google/veo-3.1/text-to-video"] == "takes no start image"
    assert reasons["google/veo-3.1/first-last-frame-to-video"] == (
        "needs an input image (Last frame URL)"
    )
    order = list(reasons)  # the ones that fit come first
    assert max(order.index(s) for s, r in reasons.items() if not r) < min(
        order.index(s) for s, r in reasons.items() if r
    )


def test_one_model_with_several_values_is_never_a_dead_end(setup: Setup) -> None:
    picker = setup.panel.picker
    picker.set_task("music")
    setup.panel.replan()
    assert list(listed(setup).values()) == [""]  # the one music model
    picker.set_one_model(True)
    picker.vary.setCurrentIndex(picker.vary.findData("duration_s"))
    picker.values.setText("10, 30 s, 60")
    setup.tick("elevenlabs/elevenlabs-music/music-generate")
    setup.panel.form.prompt.setPlainText("calm piano")
    setup.panel.replan()
    model = setup.panel.table.translation_model
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(3)] == [
        "ElevenLabs Music\n10 s",
        "ElevenLabs Music\n30 s",
        "ElevenLabs Music\n60 s",
    ]
    assert setup.panel.compare_button.text() == "Compare · 3 tracks"
    picker.vary.setCurrentIndex(picker.vary.findData("seed"))
    picker.count.setValue(4)
    variants, problem = setup.panel.draft_variants()
    assert problem == "" and len({v.changes["seed"] for v in variants}) == 4


@pytest.mark.asyncio
async def test_a_model_that_cannot_be_loaded_shows_why_and_keeps_retry(setup: Setup) -> None:
    setup.tick(*T2I)
    setup.source.failing.add(T2I[1])
    setup.panel.form.prompt.setPlainText("a red bicycle")
    assert setup.panel.compare()
    await wait_until(lambda: setup.column(T2I[1]).status_label.text() == "Not sent")
    failed = setup.column(T2I[1])
    assert "could not be loaded" in failed.detail_label.text()
    assert failed.retry_button.isVisibleTo(setup.panel)
    await wait_until(lambda: len(setup.source.submitted) == 2)
    assert {job.endpoint for job in setup.source.submitted} == {T2I[0], T2I[2]}
    setup.source.failing.clear()
    failed.retry_button.click()
    await wait_until(lambda: len(setup.source.submitted) == 3)
    assert setup.source.submitted[-1].endpoint == T2I[1]
    await wait_until(lambda: setup.column(T2I[1]).status_label.text() == "Waiting")
    await background().aclose()


@pytest.mark.asyncio
async def test_a_model_whose_schema_changed_is_not_sent_and_says_so(setup: Setup) -> None:
    setup.tick(*T2I)
    setup.panel.form.prompt.setPlainText("a fox")
    setup.panel.replan()
    changed = setup.details[T2I[2]]
    schema = {
        **changed.input_schema,
        "required": ["prompt", "style"],
        "properties": {
            **changed.input_schema["properties"],
            "style": {"type": "string", "default": "photo"},
        },
    }
    setup.source.fresh[T2I[2]] = dataclasses.replace(changed, input_schema=schema)  # fmt: skip
    assert setup.panel.compare()
    await wait_until(lambda: setup.column(T2I[2]).status_label.text() == "Not sent")
    assert "settings changed" in setup.column(T2I[2]).detail_label.text()
    await wait_until(lambda: len(setup.source.submitted) == 2)
    setup.column(T2I[2]).retry_button.click()  # the table showed the new translation: send it
    await wait_until(lambda: len(setup.source.submitted) == 3)
    assert setup.source.submitted[-1].input["style"] == "photo"
    await background().aclose()


@pytest.mark.asyncio
async def test_columns_follow_their_own_jobs(setup: Setup, tmp_path: Path) -> None:
    await setup.compare("a fox in snow", *T2I, sent=3)
    finished, failed, running = (setup.job_of(slug) for slug in T2I)
    for job in (finished, failed, running):
        setup.update(moved(job, JobStatus.PROCESSING, 0))
    first, second, third = (setup.column(slug) for slug in T2I)
    assert first.status_label.text().startswith("Running · ")
    assert setup.panel._ticker.isActive()  # one shared clock while anything runs
    png = make_png(tmp_path / "fox.png", 640, 360)
    setup.update(done(finished, png, MediaKind.IMAGE, 12))
    setup.update(moved(failed, JobStatus.FAILED, 3, error="<b>Content policy</b> violation"))
    setup.panel.show_job(Job(endpoint=T2I[2], input={}, status=JobStatus.FAILED))
    await wait_until(first.canvas.has_image)  # decoded in a worker thread
    assert first.status_label.text() == "Done · took 12 s · 640 × 360"
    assert first.body.currentWidget() is first.canvas and first.use_button.isEnabled()
    assert second.status_label.text() == "Failed · 3 s"
    assert second.detail_label.text() == "<b>Content policy</b> violation"
    assert second.detail_label.textFormat() == Qt.TextFormat.PlainText
    assert not second.use_button.isEnabled() and second.retry_button.isVisibleTo(setup.panel)
    assert third.status_label.text().startswith("Running · ")  # the stranger job changed nothing
    second.retry_button.click()
    assert setup.source.retried == [failed.local_id]
    assert second.status_label.text() == "Queued"
    setup.update(moved(running, JobStatus.SUCCEEDED, 20))
    assert third.status_label.text() == "Done · took 20 s"
    assert third.placeholder.text() == "The model returned no output."
    setup.update(moved(failed, JobStatus.TIMEOUT, 30, error="The task timed out."))
    assert second.status_label.text() == "Timed out · 30 s"
    assert second.retry_button.isVisibleTo(setup.panel)
    assert not setup.panel._ticker.isActive()
    await background().aclose()


@pytest.mark.asyncio
async def test_use_this_one_recalls_the_job_and_shows_its_output(setup: Setup) -> None:
    await setup.compare("a paper boat", T2I[0], T2I[1], sent=2)
    recalls: list[Recall] = []
    chosen: list[Job] = []
    setup.panel.recall_requested.connect(recalls.append)
    setup.panel.output_chosen.connect(chosen.append)
    job = moved(setup.job_of(T2I[1]), JobStatus.SUCCEEDED, 5)
    setup.update(job)
    assert not setup.column(T2I[1]).send_button.isVisibleTo(setup.panel)  # nothing to send to
    setup.column(T2I[1]).use_button.click()
    assert recalls == [Recall(endpoint=T2I[1], input=dict(job.input), mode=RecallMode.USE_ALL)]
    assert chosen == [job]
    sent: list[Job] = []
    setup.panel.send_requested.connect(sent.append)
    setup.update(job)
    assert setup.column(T2I[1]).send_button.isVisibleTo(setup.panel)
    setup.column(T2I[1]).send_button.click()
    assert sent == [job]  # the hook the Send to… menu connects to
    await background().aclose()


@pytest.mark.asyncio
async def test_a_new_comparison_replaces_the_columns(setup: Setup) -> None:
    await setup.compare("first", T2I[0], T2I[1], sent=2)
    old = setup.job_of(T2I[0])
    setup.panel.picker.set_checked(T2I[0], False)
    await setup.compare("second", T2I[2], sent=4)
    assert setup.panel.comparison is not None
    assert setup.panel.comparison.slugs == (T2I[1], T2I[2])
    setup.update(moved(old, JobStatus.FAILED, 1, error="late news"))
    assert all(c.detail_label.text() != "late news" for c in setup.panel.results.columns())
    await background().aclose()


def test_switching_task_lists_only_its_models(setup: Setup) -> None:
    picker = setup.panel.picker
    setup.tick(T2I[0])
    picker.set_task("text-to-video")
    videos = [d.name for d in setup.details.values() if d.capability == "video"]
    shown = [picker.models.item(row).text().split("\n")[0] for row in range(picker.models.count())]
    assert sorted(shown) == sorted(videos)
    assert picker.chosen_slugs() == []
    form = setup.panel.form
    assert form.choices["duration_s"].isVisibleTo(setup.panel)
    picker.set_task("text-to-image")
    assert not form.choices["duration_s"].isVisibleTo(setup.panel)
    picker.set_task("transcribe")
    assert not form.prompt.isVisibleTo(setup.panel) and "audio" in form.slots


@pytest.mark.asyncio
@pytest.mark.qt_log_ignore(*QT_MEDIA_NOISE, QT_MEDIA_INTERRUPTED)
async def test_video_results_show_a_poster_and_wait_paused(setup: Setup, tmp_path: Path) -> None:
    slugs = ("google/veo-3.1/fast/text-to-video", "kuaishou/kling-v3/pro/text-to-video")
    setup.panel.picker.set_task("text-to-video")
    await setup.compare("waves at night", *slugs, sent=2)
    clip = make_mp4(tmp_path / "waves.mp4", seconds=0.5)
    for slug in slugs:
        setup.update(done(setup.job_of(slug), clip, MediaKind.VIDEO, 4))
    video = setup.panel.results.video
    await wait_until(lambda: len(video.lanes()) == 2 and all(
        lane.view.has_frame() for lane in video.lanes()))  # fmt: skip
    for lane in video.lanes():
        assert lane.player.source().toLocalFile() == str(clip)
        assert lane.player.playbackState() != QMediaPlayer.PlaybackState.PlayingState
    assert not video.is_playing()
    await background().aclose()
