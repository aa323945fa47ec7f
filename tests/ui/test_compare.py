"""ComparePanel with a fake queue: fan-out, limits, skipped models, columns moving on their own."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta
from importlib import resources
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer

from studio.core.api import Endpoint, EndpointDetail, MediaKind, MediaRef, parse_endpoint_detail
from studio.core.jobs import Job, JobStatus, SavedOutput
from studio.core.library import Recall, RecallMode
from studio.core.schema import FormSpec
from studio.ui.background import background
from studio.ui.compare import ComparePanel
from studio.ui.compare.picker import TOO_MANY, from_text
from tests.conftest import wait_until
from tests.fakes.preview_media import QT_MEDIA_INTERRUPTED, QT_MEDIA_NOISE, make_mp4, make_png

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from studio.ui.compare.column import CompareColumn

T2I = (
    "google/nano-banana/text-to-image",
    "openai/gpt-image-2/text-to-image",
    "google/nano-banana-pro/text-to-image",
)
EDIT = "google/nano-banana/edit"
START = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)


def catalog() -> dict[str, EndpointDetail]:
    text = resources.files("studio").joinpath("data/catalog.json").read_text(encoding="utf-8")
    details = (parse_endpoint_detail(raw) for raw in json.loads(text))
    return {detail.slug: detail for detail in details}


class FakeSource:
    """The session's catalog, details (which can fail) and submit(), recording what was sent."""

    def __init__(self) -> None:
        self.details = catalog()
        self.failing: set[str] = set()
        self.submitted: list[Job] = []

    @property
    def endpoints(self) -> list[Endpoint]:
        return list(self.details.values())

    async def fetch_detail(self, slug: str) -> EndpointDetail | None:
        if slug in self.failing:
            raise ConnectionError("the network went away")
        return self.details.get(slug)

    def submit(
        self, endpoint: str, input: Mapping[str, Any], webhook_url: str | None = None
    ) -> Job:
        job = Job(endpoint=endpoint, input=dict(input), webhook_url=webhook_url)
        self.submitted.append(job)
        return job


class Setup:
    """A shown panel over the catalog, with a fake source whose details can fail."""

    def __init__(self, qtbot: QtBot) -> None:
        self.source = FakeSource()
        self.details = self.source.details
        self.failing = self.source.failing
        self.queue = self.source  # what was submitted
        self.panel = ComparePanel(self.source)
        qtbot.addWidget(self.panel)
        self.panel.resize(1200, 800)
        self.panel.show()

    def tick(self, *slugs: str) -> None:
        for slug in slugs:
            assert self.panel.picker.set_checked(slug, True), slug

    def column(self, slug: str) -> CompareColumn:
        return next(c for c in self.panel.columns() if c.endpoint.slug == slug)

    def job_of(self, slug: str) -> Job:
        return next(job for job in self.queue.submitted if job.endpoint == slug)


@pytest.fixture
def setup(qtbot: QtBot) -> Setup:
    return Setup(qtbot)


async def compare(setup: Setup, prompt: str, *slugs: str, sent: int) -> None:
    setup.tick(*slugs)
    setup.panel.picker.prompt.setPlainText(prompt)
    assert setup.panel.compare()
    await wait_until(lambda: len(setup.queue.submitted) == sent)


def moved(job: Job, status: JobStatus, seconds: float, **changes: Any) -> Job:
    finished = START + timedelta(seconds=seconds) if status.is_settled else None
    return dataclasses.replace(
        job, status=status, submitted_at=START, finished_at=finished, **changes
    )


@pytest.mark.asyncio
async def test_three_image_models_get_the_prompt_in_valid_inputs(
    qtbot: QtBot, setup: Setup
) -> None:
    picker = setup.panel.picker
    picker.aspect.setCurrentIndex(picker.aspect.findData("16:9"))
    setup.tick(*T2I)
    picker.prompt.setPlainText("a lighthouse at dusk")
    picker.prompt.setFocus()
    qtbot.keyClick(picker.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # type: ignore[no-untyped-call]
    await wait_until(lambda: len(setup.queue.submitted) == 3)
    assert [job.endpoint for job in setup.queue.submitted] == list(T2I)
    for job in setup.queue.submitted:
        schema = setup.details[job.endpoint].input_schema
        assert FormSpec.from_schema(schema).validate(dict(job.input)) == []
        assert job.input["prompt"] == "a lighthouse at dusk"
    assert setup.job_of(T2I[0]).input["aspect_ratio"] == "16:9"
    gpt_image = setup.job_of(T2I[1]).input  # GPT Image sizes by image_size
    assert "aspect_ratio" not in gpt_image and gpt_image["image_size"] == "landscape_16_9"
    assert "landscape_16_9" in setup.column(T2I[1]).notes_label.text()
    names = [c.name_label.text() for c in setup.panel.columns()]
    assert names == [setup.details[slug].name for slug in T2I]
    assert all(c.status_label.text() == "Waiting" for c in setup.panel.columns())
    assert "\n" not in picker.prompt.toPlainText()


def test_a_fifth_model_is_refused(setup: Setup) -> None:
    picker = setup.panel.picker
    picker.set_capability("video")
    slugs = [s for s, d in setup.details.items() if d.capability == "video" and from_text(d)]
    setup.tick(*slugs[:4])
    assert picker.set_checked(slugs[4], True)
    assert picker.chosen_slugs() == slugs[:4]
    assert picker.note.text() == TOO_MANY
    checked = [
        picker.models.item(row).checkState() == Qt.CheckState.Checked
        for row in range(picker.models.count())
    ]
    assert checked.count(True) == 4


def test_one_model_or_no_prompt_does_not_start(setup: Setup) -> None:
    setup.tick(T2I[0])
    setup.panel.picker.prompt.setPlainText("a cat")
    assert not setup.panel.compare()
    assert "1 ticked" in setup.panel.picker.note.text()
    setup.tick(T2I[1])
    setup.panel.picker.prompt.setPlainText("   ")
    assert not setup.panel.compare()
    assert setup.panel.picker.note.text() == "Write a prompt first."
    assert setup.panel.columns() == [] and setup.queue.submitted == []


def test_models_that_need_an_input_are_not_offered(setup: Setup) -> None:
    picker = setup.panel.picker
    listed = {picker.models.item(row).text() for row in range(picker.models.count())}
    assert "Nano Banana Text to Image" in listed
    assert not any("Edit" in name for name in listed)
    assert not picker.set_checked(EDIT, True)


@pytest.mark.asyncio
async def test_a_model_needing_an_input_image_is_skipped_with_a_note(setup: Setup) -> None:
    # A text-to-image model whose schema still wants an image (as a new provider's might).
    wanting = setup.details[T2I[2]]
    schema = dict(wanting.input_schema)
    schema["required"] = [*schema.get("required", []), "image_url"]
    schema["properties"] = {
        **schema["properties"],
        "image_url": {"type": "string", "format": "uri"},
    }
    setup.details[T2I[2]] = dataclasses.replace(wanting, input_schema=schema)
    await compare(setup, "make it blue", T2I[0], T2I[2], sent=1)
    skipped = setup.column(T2I[2])
    await wait_until(lambda: skipped.status_label.text() == "Not sent")
    assert "needs an input image" in skipped.detail_label.text()
    assert skipped.detail_label.isVisibleTo(setup.panel)
    assert skipped.use_button.isHidden()
    assert setup.queue.submitted[0].endpoint == T2I[0]


@pytest.mark.asyncio
async def test_one_model_failing_to_load_does_not_stop_the_others(setup: Setup) -> None:
    setup.failing.add(T2I[1])
    await compare(setup, "a red bicycle", *T2I, sent=2)
    await wait_until(lambda: setup.column(T2I[1]).status_label.text() == "Not sent")
    assert "could not be loaded" in setup.column(T2I[1]).detail_label.text()
    assert {job.endpoint for job in setup.queue.submitted} == {T2I[0], T2I[2]}


@pytest.mark.asyncio
async def test_columns_follow_their_own_jobs(setup: Setup, tmp_path: Path) -> None:
    await compare(setup, "a fox in snow", *T2I, sent=3)
    done, failed, running = (setup.job_of(slug) for slug in T2I)
    for job in (done, failed, running):
        setup.panel.show_job(moved(job, JobStatus.PROCESSING, 0))
    assert setup.column(T2I[0]).status_label.text().startswith("Running · ")
    assert setup.panel._ticker.isActive()  # one shared clock while anything runs

    png = make_png(tmp_path / "fox.png", 640, 360)
    output = SavedOutput(MediaRef(url="https://x/fox.png", kind=MediaKind.IMAGE), png)
    setup.panel.show_job(moved(done, JobStatus.SUCCEEDED, 12, outputs=(output,)))
    setup.panel.show_job(
        moved(failed, JobStatus.FAILED, 3, error="<b>Content policy</b> violation")
    )
    setup.panel.show_job(Job(endpoint=T2I[2], input={}, status=JobStatus.FAILED))

    first, second, third = (setup.column(slug) for slug in T2I)
    assert first.status_label.text() == "Done · took 12 s · 640 × 360"
    assert first.stack.currentWidget() is first.image_view and first.image_view.has_image()
    assert first.use_button.isEnabled()
    assert second.status_label.text() == "Failed"
    assert second.detail_label.text() == "<b>Content policy</b> violation"
    assert second.detail_label.textFormat() == Qt.TextFormat.PlainText
    assert not second.use_button.isEnabled()
    assert third.status_label.text().startswith("Running · ")  # the stranger job changed nothing
    assert setup.panel._ticker.isActive()
    setup.panel.show_job(moved(running, JobStatus.SUCCEEDED, 20))
    assert third.status_label.text() == "Done · took 20 s"
    assert third.placeholder.text() == "The model returned no output."
    assert not setup.panel._ticker.isActive()


@pytest.mark.asyncio
async def test_use_this_one_asks_for_a_recall_of_that_job(setup: Setup) -> None:
    await compare(setup, "a paper boat", T2I[0], T2I[1], sent=2)
    recalls: list[Recall] = []
    setup.panel.recall_requested.connect(recalls.append)
    job = setup.job_of(T2I[1])
    setup.panel.show_job(moved(job, JobStatus.SUCCEEDED, 5))
    setup.column(T2I[1]).use_button.click()
    assert recalls == [Recall(endpoint=T2I[1], input=dict(job.input), mode=RecallMode.USE_ALL)]


@pytest.mark.asyncio
async def test_a_new_comparison_replaces_the_columns(setup: Setup) -> None:
    await compare(setup, "first", T2I[0], T2I[1], sent=2)
    old = setup.job_of(T2I[0])
    setup.panel.picker.set_checked(T2I[0], False)
    await compare(setup, "second", T2I[2], sent=4)
    assert [c.endpoint.slug for c in setup.panel.columns()] == [T2I[1], T2I[2]]
    setup.panel.show_job(moved(old, JobStatus.FAILED, 1, error="late news"))
    assert all(c.detail_label.text() != "late news" for c in setup.panel.columns())


def test_switching_capability_lists_only_its_models(setup: Setup) -> None:
    picker = setup.panel.picker
    setup.tick(T2I[0])
    picker.set_capability("video")
    listed = [picker.models.item(row).text() for row in range(picker.models.count())]
    videos = [d.name for d in setup.details.values() if d.capability == "video" and from_text(d)]
    assert listed == videos
    assert picker.chosen_slugs() == []
    assert not picker.duration.isHidden() and not picker.aspect.isHidden()
    picker.set_capability("image")
    assert picker.duration.isHidden()


@pytest.mark.asyncio
@pytest.mark.qt_log_ignore(*QT_MEDIA_NOISE, QT_MEDIA_INTERRUPTED)
async def test_video_results_load_paused(setup: Setup, tmp_path: Path) -> None:
    slugs = ("google/veo-3.1/fast/text-to-video", "kuaishou/kling-v3/pro/text-to-video")
    setup.panel.picker.set_capability("video")
    await compare(setup, "waves at night", *slugs, sent=2)
    clip = make_mp4(tmp_path / "waves.mp4", seconds=0.5)
    output = SavedOutput(MediaRef(url="https://x/waves.mp4", kind=MediaKind.VIDEO), clip)
    for slug in slugs:
        setup.panel.show_job(moved(setup.job_of(slug), JobStatus.SUCCEEDED, 4, outputs=(output,)))
    for slug in slugs:
        pane = setup.column(slug).pane
        assert pane is not None and pane.current_widget() is pane.video_view
        player = pane.video_view.player
        assert player.source().toLocalFile() == str(clip)
        assert player.playbackState() != QMediaPlayer.PlaybackState.PlayingState
    await background().aclose()
