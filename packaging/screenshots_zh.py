"""The README's Chinese screenshots (`make screenshots-zh`): each screen at 1280×800 in zh_CN.

Main window (an image in the preview), Settings, Compare (the translation table) and Gallery,
driven like packaging/screenshots.py, whose helpers it uses.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from typing import TYPE_CHECKING

import qasync
from PySide6.QtWidgets import QApplication
from screenshots import I2V, IMAGE, OUT, generate, shoot, wait_for

if TYPE_CHECKING:
    from studio.core.jobs import Job
    from studio.ui.controller import StudioController
    from studio.ui.main_window import MainWindow

WIDTH, HEIGHT = 1280, 800


async def make_image(controller: StudioController) -> Job:
    await generate(
        controller,
        IMAGE,
        {"prompt": "雪山日出，薄雾缭绕，广角", "aspect_ratio": "16:9"},
    )
    model = controller.queue.model
    local_id = model.jobs()[-1].local_id

    def settled() -> Job | None:
        job = model.job(local_id)
        return job if job is not None and job.status.is_settled else None

    await wait_for(settled, 120)
    job = settled()
    assert job is not None
    return job


async def shoot_main(window: MainWindow, job: Job) -> None:
    window.marketplace.select_slug(IMAGE)
    window.queue.select_job(job.local_id)
    await asyncio.sleep(2.0)
    shoot("studio-zh-main.png")


async def shoot_settings(window: MainWindow, controller: StudioController) -> None:
    from studio.ui.settings_dialog import SettingsDialog

    controller.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    dialog.move(window.geometry().center() - dialog.rect().center())
    await asyncio.sleep(1.0)
    shoot("studio-zh-settings.png")
    dialog.reject()


async def shoot_compare(window: MainWindow) -> None:
    compare = window.compare
    assert compare is not None
    window.show_compare()
    compare.picker.set_task("image-to-video")
    compare.form.prompt.setPlainText("薄雾从山峰间升起，太阳升起，镜头缓慢推进")

    def ready() -> bool:
        compare.replan()
        return all(compare.picker.set_checked(slug, True) for slug in I2V)

    await wait_for(ready)
    await asyncio.sleep(1.5)
    shoot("studio-zh-compare.png")


async def shoot_gallery(window: MainWindow) -> None:
    window.show_gallery()
    grid, gallery_model = window.gallery.grid, window.gallery.model
    await wait_for(lambda: gallery_model.rowCount() > 0)
    grid.setCurrentIndex(gallery_model.index(gallery_model.rowCount() - 1))
    await asyncio.sleep(2.0)
    shoot("studio-zh-gallery.png")


async def tour() -> int:
    from studio.app import build_studio
    from studio.core.session import Settings, save_settings

    save_settings(Settings(sim_speed=8.0, language="zh_CN"))
    window, controller = build_studio()
    window.resize(WIDTH, HEIGHT)
    window.show()
    await controller.start()
    job = await make_image(controller)
    await shoot_main(window, job)
    await shoot_settings(window, controller)
    await shoot_compare(window)
    await shoot_gallery(window)
    window.close()
    await controller.aclose()
    return 0


def main() -> int:
    from studio.ui import i18n

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="studio-shots-zh-") as home:
        os.environ["STUDIO_HOME"] = home
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Mountsea Studio")
        app.setQuitOnLastWindowClosed(False)
        i18n.install(app, "zh_CN")
        code: int = qasync.run(tour())
        return code


if __name__ == "__main__":
    raise SystemExit(main())
