"""The Create tab's Tab order, which follows the work: the model search, the model list, the
prompt, the other fields, Advanced, Generate and its options; then the queue and the preview;
then what is used less (the page's tabs, the window's tabs, the marketplace's filters)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studio.ui.keyboard.focus_order import Step, Within

if TYPE_CHECKING:
    from studio.ui.main_window import MainWindow


def create_tab_steps(window: MainWindow) -> list[Step]:
    """The steps of the Create tab, in Tab order (see focus_order)."""
    models, page, queue = window.marketplace, window.endpoint_page, window.queue
    return [
        models.search,
        models.list,
        models.clear_filters,
        *page.tab_steps(),
        Within(window.banner),
        queue.list,
        Within(queue),
        Within(window.preview),
        page.tabs.tabBar(),
        Within(page),
        window.modes.tabBar(),
        models.capability,
        models.tag,
        Within(models),
    ]
