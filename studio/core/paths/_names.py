"""Free text (a prompt, a model name) made fit to be part of a file name on every system.

What is taken out or replaced, and why:

* path separators and the characters Windows refuses (``< > : " / \\ | ? *``): a name must never
  name another folder, and must open on every system it is copied to;
* control and format characters (newlines, bidirectional overrides that make ``gpj.exe`` read as
  ``exe.jpg``, zero-width joiners), unassigned and private code points: invisible in a file
  manager, or shown differently on another machine;
* every kind of space becomes one plain space; leading and trailing spaces and dots go (Windows
  drops trailing ones silently, and a leading dot hides a file on Unix).

The text is put in Unicode NFC first, so that the same prompt typed on macOS (often NFD) and on
Windows gives the same bytes. Length is counted in UTF-8 bytes, as Linux and macOS limit names
(255 bytes), and cut at a word where one is near, else between characters: a Chinese prompt of
twenty characters stays twenty readable characters.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_REFUSED: Final = frozenset('<>:"/\\|?*')
_DROPPED_CATEGORIES: Final = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_SPACES: Final = re.compile(r"\s+")
_WORD_CUT_SHARE: Final = 0.6  # cut at a space only if it keeps at least this share of the room


def name_part(text: str, max_bytes: int) -> str:
    """``text`` as a piece of a file name: one line, safe characters, at most ``max_bytes``."""
    cleaned = "".join(_safe_char(char) for char in unicodedata.normalize("NFC", text))
    cleaned = _SPACES.sub(" ", cleaned).strip(" .")
    return _shortened(cleaned, max_bytes).strip(" .")


def _safe_char(char: str) -> str:
    if char in _REFUSED:
        return " "
    category = unicodedata.category(char)
    if category.startswith("Z") or char.isspace():
        return " "
    return "" if category in _DROPPED_CATEGORIES else char


def _shortened(text: str, max_bytes: int) -> str:
    if len(text.encode("utf-8")) <= max_bytes:
        return text
    cut = text.encode("utf-8")[:max_bytes].decode("utf-8", "ignore")  # whole characters only
    space = cut.rfind(" ")
    if space >= len(cut) * _WORD_CUT_SHARE:
        return cut[:space]
    return cut
