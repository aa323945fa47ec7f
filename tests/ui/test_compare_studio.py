"""ComparePanel on the real app and embedded simulator: two image models, both columns finish."""

from __future__ import annotations

import pytest

from studio.core.jobs import JobStatus
from studio.ui.background import background
from studio.ui.compare import ComparePanel
from tests.conftest import wait_until
from tests.ui.studio_harness import running_studio

SLUGS = ("google/nano-banana/text-to-image", "openai/gpt-image-2/text-to-image")


@pytest.mark.asyncio
async def test_two_image_models_finish_side_by_side() -> None:
    async with running_studio() as (window, controller):
        await wait_until(lambda: len(window.marketplace.model.endpoints()) > 0, 20)
        panel = ComparePanel(controller.session)
        controller.events.job_changed.connect(panel.show_job)
        panel.resize(1000, 700)
        panel.show()
        try:
            for slug in SLUGS:
                assert panel.picker.set_checked(slug, True)
            panel.picker.prompt.setPlainText("a lighthouse at dusk, oil painting")
            assert panel.compare()

            def finished() -> bool:
                jobs = [c.job for c in panel.columns()]
                return all(j is not None and j.status.is_settled for j in jobs)

            await wait_until(finished, 60)
            for column in panel.columns():
                assert column.job is not None
                assert column.job.status is JobStatus.SUCCEEDED, column.job.error
                assert column.status_label.text().startswith("Done · took ")
                assert column.image_view.has_image()
                assert column.stack.currentWidget() is column.image_view
            queued = {job.endpoint for job in controller.queue.model.jobs()}
            assert set(SLUGS) <= queued  # the comparison's jobs are ordinary queue rows
        finally:
            await background().aclose()
            panel.close()
            panel.deleteLater()
