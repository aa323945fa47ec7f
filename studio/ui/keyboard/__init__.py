"""The keyboard: Tab order that follows the work, shortcuts that never fire while typing, the
window's keyboard actions and the shortcut sheet built from the real shortcuts.

The sheet (studio.ui.keyboard.sheet) and its catalog (studio.ui.keyboard.catalog) are imported
when F1 is first pressed, not at start-up."""

from __future__ import annotations

from studio.ui.keyboard.actions import KeyboardActions
from studio.ui.keyboard.create_order import create_tab_steps
from studio.ui.keyboard.focus_order import Step, Within, next_stop, resolve, takes_tab
from studio.ui.keyboard.typing_guard import guard_typing, is_text_input

__all__ = [
    "KeyboardActions",
    "Step",
    "Within",
    "create_tab_steps",
    "guard_typing",
    "is_text_input",
    "next_stop",
    "resolve",
    "takes_tab",
]
