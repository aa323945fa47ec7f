"""Starting the preview's coroutines: always under the UI's one owner (studio.ui.background)."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from studio.ui.background import spawn

if TYPE_CHECKING:
    from collections.abc import Callable, Coroutine, Hashable


def spawn_if_running(
    coro: Coroutine[Any, Any, Any],
    *,
    key: Hashable = None,
    on_error: Callable[[str], None] | None = None,
) -> asyncio.Task[Any] | None:
    """``spawn()`` on the app's running loop; without one (a script or a synchronous test using a
    widget on its own) nothing could run the coroutine, so it is closed and None returned."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        coro.close()
        return None
    return spawn(coro, key=key, on_error=on_error)
