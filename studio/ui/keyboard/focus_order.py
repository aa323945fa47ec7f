"""Tab order as a list of steps, followed by the window's focusNextPrevChild.

Qt puts every widget added to a window at the end of that window's focus chain, so a form built
for each endpoint (or a row added to a list field) would be reached after everything else. The
owner of a window therefore works out where Tab goes from the steps at each Tab (next_stop) and
moves the focus there itself; Qt's focus chain is never rewritten. (Rewriting it with
setTabOrder meant taking the focus proxy from the QTabWidgets so that their tab bars could move
on their own, and that left Qt with dangling state: a later model reset in the Compare table
crashed in C++.)

A step is a widget (a Tab stop itself) or `Within(container)`: the stops inside that container
that no other step names, in the order the focus chain has them (their creation order).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from collections.abc import Sequence

_CHAIN_LIMIT = 100_000  # a broken chain must not hang the app


@dataclass(frozen=True)
class Within:
    """The Tab stops inside `container`, except those another step places."""

    container: QWidget


Step = QWidget | Within


def takes_tab(widget: QWidget) -> bool:
    """Whether Tab can stop at this widget (a proxied part, e.g. a spin box's line edit, not)."""
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def focus_chain(window: QWidget) -> list[QWidget]:
    """Every widget of the window's focus chain, starting after the window itself."""
    chain: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window and len(chain) < _CHAIN_LIMIT:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def resolve(window: QWidget, steps: Sequence[Step]) -> list[QWidget]:
    """The Tab stops the steps name, in order, each once."""
    stops = [w for w in focus_chain(window) if takes_tab(w)]
    named = {id(step) for step in steps if isinstance(step, QWidget)}
    placed: set[int] = set()
    order: list[QWidget] = []
    for step in steps:
        if isinstance(step, Within):
            inside = step.container.isAncestorOf
            found = [w for w in stops if id(w) not in named and inside(w)]
        else:
            found = [step] if takes_tab(step) and step.window() is window else []
        for widget in found:
            if id(widget) not in placed:
                placed.add(id(widget))
                order.append(widget)
    return order


def _position(order: Sequence[QWidget], widget: QWidget | None) -> int | None:
    """Where `widget` (the focus) is in the order: itself, else the stop that holds it."""
    if widget is None:
        return None
    for index, stop in enumerate(order):
        if stop is widget:
            return index
    return next((i for i, stop in enumerate(order) if stop.isAncestorOf(widget)), None)


def next_stop(window: QWidget, steps: Sequence[Step], forward: bool) -> QWidget | None:
    """Where Tab (forward) or Shift+Tab goes from the focus: the next shown, enabled stop of
    the steps, round and round. None when the focus is on none of them (Qt's chain applies)."""
    order = resolve(window, steps)
    at = _position(order, QApplication.focusWidget())
    if at is None:
        return None
    count = len(order)
    for step in range(1, count):
        widget = order[(at + step if forward else at - step) % count]
        if widget.isVisible() and widget.isEnabled():
            return widget
    return None
