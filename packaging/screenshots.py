"""Drive the real studio under Xvfb and capture the README screenshots (`make screenshots`).

Run on an X display (the Makefile target wraps it in xvfb-run). Screens are captured with
ImageMagick's `import -window root`, which also catches the video that QWidget.grab() misses.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import qasync
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from studio.ui.controller import StudioController

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


async def tour() -> int:
    from studio.app import build_studio
    from studio.core.settings import Settings, save_settings

    save_settings(Settings(sim_speed=8.0))
    window, controller = build_studio()
    window.resize(1440, 900)
    window.show()
    await controller.start()
    await generate(
        controller,
        "google/nano-banana/text-to-image",
        {"prompt": "Huge snowy mountains at sunrise, soft mist", "aspect_ratio": "16:9"},
    )
    await generate(
        controller,
        "elevenlabs/elevenlabs-music/music-generate",
        {"prompt": "warm lo-fi beat with vinyl crackle, 84 BPM", "music_length_ms": 20000},
    )
    await generate(
        controller,
        "openai/gpt-image-2/text-to-image",
        {"prompt": "A quiet forest lake, morning fog, pines", "num_images": 2},
    )
    await generate(
        controller,
        "google/veo-3.1/text-to-video",
        {"prompt": "A paper boat drifting down a neon-lit canal at night", "duration": "6s"},
    )
    model = controller.queue.model
    await wait_for(lambda: all(job.status.is_settled for job in model.jobs()), 120)
    jobs = {job.endpoint: job for job in model.jobs()}
    queue = window.queue
    window.marketplace.select_slug("google/nano-banana/text-to-image")
    queue.select_job(jobs["google/nano-banana/text-to-image"].local_id)
    await asyncio.sleep(1.5)
    shoot("studio-image.png")
    window.marketplace.select_slug("elevenlabs/elevenlabs-music/music-generate")
    queue.select_job(jobs["elevenlabs/elevenlabs-music/music-generate"].local_id)
    await asyncio.sleep(2.0)
    shoot("studio-audio.png")
    window.marketplace.select_slug("google/veo-3.1/text-to-video")
    queue.select_job(jobs["google/veo-3.1/text-to-video"].local_id)
    await asyncio.sleep(2.5)
    shoot("studio-video.png")
    compare = window.compare
    assert compare is not None
    window.show_compare()
    compare.picker.set_capability("image")
    for slug in (
        "google/nano-banana/text-to-image",
        "openai/gpt-image-2/text-to-image",
        "google/nano-banana-pro/text-to-image",
    ):
        compare.picker.set_checked(slug, True)
    compare.picker.prompt.setPlainText("A red fox asleep in fresh snow, first light")
    compare.compare()
    await wait_for(
        lambda: len(compare.columns()) == 3 and all(job.status.is_settled for job in model.jobs()),
        120,
    )
    await asyncio.sleep(2.0)
    shoot("studio-compare.png")
    window.show_gallery()
    grid, gallery_model = window.gallery.grid, window.gallery.model
    await wait_for(lambda: gallery_model.rowCount() > 0)
    grid.setCurrentIndex(gallery_model.index(gallery_model.rowCount() - 1))
    await asyncio.sleep(2.0)
    shoot("studio-gallery.png")
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
