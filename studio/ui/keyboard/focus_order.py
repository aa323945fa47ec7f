"""Tab order as a list of steps, applied with setTabOrder.

Qt puts every widget added to a window at the end of that window's focus chain, so a form built
for each endpoint (or a row added to a list field) would be reached after everything else. The
owner of a window therefore applies its order again before each Tab: a few dozen setTabOrder
calls, cheap enough that the chain is never stale.

A step is a widget (a Tab stop itself) or `Within(container)`: the stops inside that container
that no other step names, in the order the focus chain has them (their creation order).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

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


def _deepest_proxy(widget: QWidget) -> QWidget | None:
    proxy = widget.focusProxy()
    seen = 0
    while proxy is not None and proxy.focusProxy() is not None and seen < 16:
        proxy, seen = proxy.focusProxy(), seen + 1
    return proxy


def _compounds(chain: Sequence[QWidget]) -> list[QWidget]:
    """Widgets that hand their focus to a widget inside them (a QTabWidget to its tab bar)."""
    found = []
    for widget in chain:
        proxy = _deepest_proxy(widget)
        if proxy is not None and widget.isAncestorOf(proxy):
            found.append(widget)
    return found


def flatten_compounds(window: QWidget, stops: Sequence[QWidget]) -> None:
    """Make the inner stop the only stop of its compound widget.

    Tab stops at a compound (a QTabWidget) where the compound sits in the chain and focuses its
    inner stop (the tab bar); once the inner stop is moved elsewhere, the compound would still
    send Tab there from its old place, and moving the compound instead drags along everything
    inside it (the whole Create tab, for the window's tabs)."""
    ordered = {id(stop) for stop in stops}
    for compound in _compounds(focus_chain(window)):
        proxy = _deepest_proxy(compound)
        if proxy is not None and id(proxy) in ordered:
            compound.setFocusProxy(cast("QWidget", None))  # the stubs forget that None clears it
            compound.setFocusPolicy(Qt.FocusPolicy.NoFocus)


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


def apply_tab_order(window: QWidget, steps: Sequence[Step]) -> list[QWidget]:
    """Chain the steps' stops one after the other; returns them in Tab order."""
    order = resolve(window, steps)
    flatten_compounds(window, order)
    for first, second in pairwise(order):
        QWidget.setTabOrder(first, second)
    return order
