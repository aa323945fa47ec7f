"""What studio/core/schema says about a value that does not fit (our words, not the server's).

Patterns for core_words: each a regular expression and its translatable template.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP

_NUMBER: Final = r"-?\d+(?:\.\d+)?"
# The JSON types as core names them ("Must be a whole number or empty").
_TYPES: Final = r"(?:text|a whole number|a number|true or false|a list|an object|empty)"

EXACT: Final = (
    QT_TRANSLATE_NOOP("CoreWords", "Required"),
    QT_TRANSLATE_NOOP("CoreWords", "Not an accepted field"),
    QT_TRANSLATE_NOOP("CoreWords", "Not a valid choice"),
    QT_TRANSLATE_NOOP("CoreWords", "Doesn't have the expected format"),
    QT_TRANSLATE_NOOP("CoreWords", "Items must not repeat"),
    QT_TRANSLATE_NOOP("CoreWords", "This value is not allowed"),
    QT_TRANSLATE_NOOP("CoreWords", "No value is allowed here"),
    QT_TRANSLATE_NOOP("CoreWords", "text"),
    QT_TRANSLATE_NOOP("CoreWords", "a whole number"),
    QT_TRANSLATE_NOOP("CoreWords", "a number"),
    QT_TRANSLATE_NOOP("CoreWords", "true or false"),
    QT_TRANSLATE_NOOP("CoreWords", "a list"),
    QT_TRANSLATE_NOOP("CoreWords", "an object"),
    QT_TRANSLATE_NOOP("CoreWords", "empty"),
)

PATTERNS: Final = (
    (
        r"Must be at least (\S+) characters?",
        QT_TRANSLATE_NOOP("CoreWords", "At least %1 characters"),
    ),
    (r"Must be at most (\S+) characters?", QT_TRANSLATE_NOOP("CoreWords", "At most %1 characters")),
    (r"Add at least (\S+) items?", QT_TRANSLATE_NOOP("CoreWords", "Add at least %1 items")),
    (r"At most (\S+) items?", QT_TRANSLATE_NOOP("CoreWords", "At most %1 items")),
    (
        r"Fill in at least (\S+) fields?",
        QT_TRANSLATE_NOOP("CoreWords", "Fill in at least %1 fields"),
    ),
    (r"At most (\S+) fields?", QT_TRANSLATE_NOOP("CoreWords", "At most %1 fields")),
    (rf"Must be at least ({_NUMBER})", QT_TRANSLATE_NOOP("CoreWords", "Must be at least %1")),
    (rf"Must be at most ({_NUMBER})", QT_TRANSLATE_NOOP("CoreWords", "Must be at most %1")),
    (
        rf"Must be greater than ({_NUMBER})",
        QT_TRANSLATE_NOOP("CoreWords", "Must be greater than %1"),
    ),
    (rf"Must be less than ({_NUMBER})", QT_TRANSLATE_NOOP("CoreWords", "Must be less than %1")),
    (
        rf"Must be a multiple of ({_NUMBER})",
        QT_TRANSLATE_NOOP("CoreWords", "Must be a multiple of %1"),
    ),
    (r"Must be a valid (\S+)", QT_TRANSLATE_NOOP("CoreWords", "Must be a valid %1")),
    (r"Must be one of: (.+)", QT_TRANSLATE_NOOP("CoreWords", "Must be one of: %1")),
    (r"Fill in only one of: (.+)", QT_TRANSLATE_NOOP("CoreWords", "Fill in only one of: %1")),
    (r"Fill in (.+)", QT_TRANSLATE_NOOP("CoreWords", "Fill in %1")),
    (rf"({_TYPES}) or ({_TYPES}(?: or {_TYPES})*)", QT_TRANSLATE_NOOP("CoreWords", "%1 or %2")),
    (rf"Must be ({_TYPES}(?: or {_TYPES})*)", QT_TRANSLATE_NOOP("CoreWords", "Must be %1")),
)
