"""Drive the real studio under Xvfb and capture the README screenshots (`make screenshots`).

Run on an X display (the Makefile target wraps it in xvfb-run). Screens are captured with
ImageMagick's `import -window root`, which also catches the video that QWidget.grab() misses.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import qasync
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from studio.core.jobs import Job
    from studio.ui.controller import StudioController
    from studio.ui.main_window import MainWindow

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots")


async def wait_for(predicate: Any, limit_s: float = 60.0) -> None:
    deadline = time.monotonic() + limit_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the studio did not get there in time")
        await asyncio.sleep(0.05)


def shoot(name: str) -> None:
    QApplication.processEvents()
    path = OUT / name
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    print("saved", path)


async def generate(controller: StudioController, slug: str, value: dict[str, Any]) -> None:
    window = controller.window
    window.marketplace.select_slug(slug)
    page = window.endpoint_page
    await wait_for(lambda: page.detail is not None and page.detail.slug == slug)
    assert page.form is not None
    page.form.set_value(value)
    before = len(controller.queue.model.jobs())
    page.generate.click()
    await wait_for(lambda: len(controller.queue.model.jobs()) > before)


IMAGE = "google/nano-banana/text-to-image"
MUSIC = "elevenlabs/elevenlabs-music/music-generate"
VIDEO = "google/veo-3.1/text-to-video"
EDIT = "openai/gpt-image-2/edit"
I2V = (
    "google/veo-3.1/fast/image-to-video",
    "kuaishou/kling-v3/pro/image-to-video",
    "bytedance/seedance-2.0/fast/image-to-video",
)


async def generate_all(controller: StudioController) -> dict[str, Job]:
    """An image, a music track, two more images and a video; waits until all are done."""
    await generate(
        controller,
        IMAGE,
        {"prompt": "Huge snowy mountains at sunrise, soft mist", "aspect_ratio": "16:9"},
    )
    await generate(
        controller,
        MUSIC,
        {"prompt": "warm lo-fi beat with vinyl crackle, 84 BPM", "music_length_ms": 20000},
    )
    await generate(
        controller,
        "openai/gpt-image-2/text-to-image",
        {"prompt": "A quiet forest lake, morning fog, pines", "num_images": 2},
    )
    await generate(
        controller,
        VIDEO,
        {"prompt": "A paper boat drifting down a neon-lit canal at night", "duration": "6s"},
    )
    model = controller.queue.model
    await wait_for(lambda: all(job.status.is_settled for job in model.jobs()), 120)
    return {job.endpoint: job for job in model.jobs()}


async def shoot_create(window: MainWindow, jobs: dict[str, Job]) -> None:
    for slug, name, pause in ((IMAGE, "image", 1.5), (MUSIC, "audio", 2.0), (VIDEO, "video", 2.5)):
        window.marketplace.select_slug(slug)
        window.queue.select_job(jobs[slug].local_id)
        await asyncio.sleep(pause)
        shoot(f"studio-{name}.png")


async def shoot_compare(window: MainWindow, jobs: dict[str, Job]) -> None:
    """Image-to-video on three models from the tour's first image: the translation table before
    sending, then the three videos in sync, paused at the same moment."""
    compare = window.compare
    assert compare is not None
    window.show_compare()
    compare.picker.set_task("image-to-video")
    made = next(out.path for out in jobs[IMAGE].outputs if out.path is not None)
    start = Path(os.environ["STUDIO_HOME"]) / "peaks-at-sunrise.png"  # a name a person would give
    shutil.copyfile(made, start)
    compare.form.slots["image"].load_paths([start])
    compare.form.prompt.setPlainText("Mist lifts off the peaks as the sun comes up, slow push in")
    for name, value in (("duration_s", 10), ("aspect_ratio", "21:9")):
        combo = compare.form.choices[name]
        combo.setCurrentIndex(combo.findData(value))
    await wait_for(lambda: bool(compare.form.slots["image"].files()))

    def ready() -> bool:
        compare.replan()
        ticked = all(compare.picker.set_checked(slug, True) for slug in I2V)
        return ticked and compare.compare_button.text() == "Compare · 3 videos"

    await wait_for(ready)
    await asyncio.sleep(1.0)
    shoot("studio-compare-table.png")
    compare.compare()
    video = compare.results.video
    await wait_for(
        lambda: len(video.lanes()) == 3 and all(lane.view.has_frame() for lane in video.lanes()),
        240,
    )
    video.seek(2500)
    await asyncio.sleep(2.0)
    shoot("studio-compare-video.png")


async def shoot_gallery(window: MainWindow) -> None:
    window.show_gallery()
    grid, gallery_model = window.gallery.grid, window.gallery.model
    await wait_for(lambda: gallery_model.rowCount() > 0)
    grid.setCurrentIndex(gallery_model.index(gallery_model.rowCount() - 1))
    await asyncio.sleep(2.0)
    shoot("studio-gallery.png")


async def shoot_send_to(
    window: MainWindow, controller: StudioController, jobs: dict[str, Job]
) -> None:
    """Send to… on the snowy mountains still, from its queue row: the grouped, searchable list."""
    flow = window.send_to
    assert flow is not None
    window.show_create()
    window.marketplace.select_slug(IMAGE)
    window.queue.select_job(jobs[IMAGE].local_id)
    await asyncio.sleep(1.0)
    row = window.queue.list.visualRect(window.queue.list.currentIndex())
    flow.send_job(jobs[IMAGE].local_id, window.queue.list.viewport().mapToGlobal(row.center()))
    await wait_for(lambda: flow.popup is not None and bool(flow.popup.entries()))
    await asyncio.sleep(1.0)
    shoot("studio-send-to.png")
    popup = flow.popup
    assert popup is not None
    entry = next(e for e in popup.entries() if e.slug == "bytedance/seedance-2.0/image-to-video")
    popup.pick(entry)
    page = window.endpoint_page
    await wait_for(
        lambda: page.form is not None and bool(page.form.uses()) and not page.form.is_busy()
    )
    await asyncio.sleep(1.5)
    shoot("studio-send-to-form.png")


async def shoot_mask(
    window: MainWindow, controller: StudioController, jobs: dict[str, Job]
) -> None:
    """The still sent to GPT Image 2 edit, and a mask painted over its sky."""
    from PySide6.QtCore import QPointF

    flow, masks = window.send_to, window.masks
    assert flow is not None and masks is not None
    sources = await controller.session.sources_of_job(jobs[IMAGE].local_id)
    detail = controller.session.cached_detail(EDIT) or await controller.session.fetch_detail(EDIT)
    assert detail is not None
    from studio.core.schema import media_inputs

    field = next(m for m in media_inputs(dict(detail.input_schema)) if m.path == "image_urls")
    flow.send(EDIT, field, sources)
    page = window.endpoint_page
    await wait_for(lambda: page.detail is not None and page.detail.slug == EDIT)
    await wait_for(
        lambda: page.form is not None and bool(page.form.uses()) and not page.form.is_busy()
    )
    assert page.form is not None
    prompt = page.form.field("prompt")
    if prompt is not None:
        prompt.set_value("Replace the sky with a swirling aurora")
    mask = page.form.media_field("mask_url")
    assert mask is not None
    mask.paint_button().click()
    await wait_for(lambda: masks.dialog is not None)
    dialog = masks.dialog
    assert dialog is not None
    canvas = dialog.canvas
    width, height = canvas.source.width(), canvas.source.height()
    canvas.brush_size = max(12, height // 7)
    for row in range(4):
        y = height * (0.08 + 0.09 * row)
        canvas.stroke([QPointF(width * 0.03, y), QPointF(width * 0.97, y)])
    dialog.size_box.setValue(canvas.brush_size)
    await asyncio.sleep(1.0)
    shoot("studio-mask.png")
    dialog.use_button.click()
    await wait_for(lambda: mask.overlay() is not None and not mask.is_busy())
    await asyncio.sleep(1.0)
    shoot("studio-mask-form.png")


async def shoot_dark(window: MainWindow, jobs: dict[str, Job]) -> None:
    """The same window in the dark theme, switched live as Settings does."""
    from studio.ui.theme import apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "dark")
    window.show_create()
    window.marketplace.select_slug(IMAGE)
    window.queue.select_job(jobs[IMAGE].local_id)
    await asyncio.sleep(1.5)
    shoot("studio-dark.png")


async def tour() -> int:
    from studio.app import build_studio
    from studio.core.session import Settings, save_settings

    save_settings(Settings(sim_speed=8.0, theme=os.environ.get("STUDIO_THEME", "system")))
    window, controller = build_studio()
    window.resize(1440, 900)
    window.show()
    await controller.start()
    jobs = await generate_all(controller)
    await shoot_create(window, jobs)
    await shoot_compare(window, jobs)
    await shoot_gallery(window)
    await shoot_send_to(window, controller, jobs)
    await shoot_mask(window, controller, jobs)
    await shoot_dark(window, jobs)
    window.close()
    await controller.aclose()
    return 0


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="studio-shots-") as home:
        os.environ["STUDIO_HOME"] = home
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Mountsea Studio")
        app.setQuitOnLastWindowClosed(False)
        code: int = qasync.run(tour())
        return code


if __name__ == "__main__":
    raise SystemExit(main())
