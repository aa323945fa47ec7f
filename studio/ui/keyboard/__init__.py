"""The keyboard: Tab order that follows the work, shortcuts that never fire while typing, the
window's keyboard actions and the shortcut sheet built from the real shortcuts."""

from __future__ import annotations

from studio.ui.keyboard.actions import KeyboardActions
from studio.ui.keyboard.catalog import KeyHelp, all_shortcuts, key_text, with_keys
from studio.ui.keyboard.create_order import create_tab_steps
from studio.ui.keyboard.focus_order import Step, Within, next_stop, resolve, takes_tab
from studio.ui.keyboard.sheet import ShortcutSheet
from studio.ui.keyboard.typing_guard import guard_typing, is_text_input

__all__ = [
    "KeyHelp",
    "KeyboardActions",
    "ShortcutSheet",
    "Step",
    "Within",
    "all_shortcuts",
    "create_tab_steps",
    "guard_typing",
    "is_text_input",
    "key_text",
    "next_stop",
    "resolve",
    "takes_tab",
    "with_keys",
]
