"""English plurals until an English translation supplies them.

Counted strings are written the Qt way, ``self.tr("%n video(s)", "", n)``, so that a translation
can give each language its own plural forms. With no translation loaded Qt fills in the number
but leaves "(s)"; ``english_plural`` makes that "1 video" / "3 videos". A translated text has no
"(s)" and is returned as it is.
"""

from __future__ import annotations


def english_plural(text: str, count: int) -> str:
    """``text`` with every "(s)" resolved for ``count``."""
    return text.replace("(s)", "" if count == 1 else "s")
