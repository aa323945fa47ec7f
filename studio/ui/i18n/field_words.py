"""Titles of common form fields in the installed language.

Field titles are made by studio/core from property names ("aspect_ratio" → "Aspect ratio") when
the schema gives none; the common ones are translated here, the rest stay as they are.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_TITLES: Final = frozenset(
    (
        QT_TRANSLATE_NOOP("FieldTitles", "Aspect ratio"),
        QT_TRANSLATE_NOOP("FieldTitles", "Audio URL"),
        QT_TRANSLATE_NOOP("FieldTitles", "Audio URLs"),
        QT_TRANSLATE_NOOP("FieldTitles", "Audio setting"),
        QT_TRANSLATE_NOOP("FieldTitles", "Auto fix"),
        QT_TRANSLATE_NOOP("FieldTitles", "CFG scale"),
        QT_TRANSLATE_NOOP("FieldTitles", "Composition plan"),
        QT_TRANSLATE_NOOP("FieldTitles", "Duration"),
        QT_TRANSLATE_NOOP("FieldTitles", "Duration (ms)"),
        QT_TRANSLATE_NOOP("FieldTitles", "Elements"),
        QT_TRANSLATE_NOOP("FieldTitles", "Enable prompt expansion"),
        QT_TRANSLATE_NOOP("FieldTitles", "Enable web search"),
        QT_TRANSLATE_NOOP("FieldTitles", "End image URL"),
        QT_TRANSLATE_NOOP("FieldTitles", "First frame URL"),
        QT_TRANSLATE_NOOP("FieldTitles", "Force instrumental"),
        QT_TRANSLATE_NOOP("FieldTitles", "Generate audio"),
        QT_TRANSLATE_NOOP("FieldTitles", "Image URL"),
        QT_TRANSLATE_NOOP("FieldTitles", "Image URLs"),
        QT_TRANSLATE_NOOP("FieldTitles", "Image size"),
        QT_TRANSLATE_NOOP("FieldTitles", "Item"),
        QT_TRANSLATE_NOOP("FieldTitles", "Language"),
        QT_TRANSLATE_NOOP("FieldTitles", "Last frame URL"),
        QT_TRANSLATE_NOOP("FieldTitles", "Limit generations"),
        QT_TRANSLATE_NOOP("FieldTitles", "Lines"),
        QT_TRANSLATE_NOOP("FieldTitles", "Mask URL"),
        QT_TRANSLATE_NOOP("FieldTitles", "Multi prompt"),
        QT_TRANSLATE_NOOP("FieldTitles", "Music length (ms)"),
        QT_TRANSLATE_NOOP("FieldTitles", "Music length"),
        QT_TRANSLATE_NOOP("FieldTitles", "Negative global styles"),
        QT_TRANSLATE_NOOP("FieldTitles", "Negative local styles"),
        QT_TRANSLATE_NOOP("FieldTitles", "Negative prompt"),
        QT_TRANSLATE_NOOP("FieldTitles", "Number of images"),
        QT_TRANSLATE_NOOP("FieldTitles", "Output format"),
        QT_TRANSLATE_NOOP("FieldTitles", "Positive global styles"),
        QT_TRANSLATE_NOOP("FieldTitles", "Positive local styles"),
        QT_TRANSLATE_NOOP("FieldTitles", "Prompt"),
        QT_TRANSLATE_NOOP("FieldTitles", "Quality"),
        QT_TRANSLATE_NOOP("FieldTitles", "Reference image URLs"),
        QT_TRANSLATE_NOOP("FieldTitles", "Reference video URLs"),
        QT_TRANSLATE_NOOP("FieldTitles", "Resolution"),
        QT_TRANSLATE_NOOP("FieldTitles", "Respect sections durations"),
        QT_TRANSLATE_NOOP("FieldTitles", "Safety tolerance"),
        QT_TRANSLATE_NOOP("FieldTitles", "Section name"),
        QT_TRANSLATE_NOOP("FieldTitles", "Sections"),
        QT_TRANSLATE_NOOP("FieldTitles", "Seed"),
        QT_TRANSLATE_NOOP("FieldTitles", "Shot type"),
        QT_TRANSLATE_NOOP("FieldTitles", "Start image URL"),
        QT_TRANSLATE_NOOP("FieldTitles", "Sync mode"),
        QT_TRANSLATE_NOOP("FieldTitles", "Task"),
        QT_TRANSLATE_NOOP("FieldTitles", "Timestamps"),
        QT_TRANSLATE_NOOP("FieldTitles", "Video URL"),
        QT_TRANSLATE_NOOP("FieldTitles", "Video URLs"),
        QT_TRANSLATE_NOOP("FieldTitles", "Voice IDs"),
        QT_TRANSLATE_NOOP("FieldTitles", "Preset"),
        QT_TRANSLATE_NOOP("FieldTitles", "Custom"),
        QT_TRANSLATE_NOOP("FieldTitles", "Width"),
        QT_TRANSLATE_NOOP("FieldTitles", "Height"),
        QT_TRANSLATE_NOOP("FieldTitles", "Value"),
        QT_TRANSLATE_NOOP("FieldTitles", "Input"),
        QT_TRANSLATE_NOOP("FieldTitles", "Number of outputs"),
        QT_TRANSLATE_NOOP("FieldTitles", "Style"),
        QT_TRANSLATE_NOOP("FieldTitles", "Steps"),
        QT_TRANSLATE_NOOP("FieldTitles", "Guidance scale"),
        QT_TRANSLATE_NOOP("FieldTitles", "Strength"),
        QT_TRANSLATE_NOOP("FieldTitles", "Width and height"),
        QT_TRANSLATE_NOOP("FieldTitles", "Loop"),
        QT_TRANSLATE_NOOP("FieldTitles", "Frames per second (FPS)"),
        QT_TRANSLATE_NOOP("FieldTitles", "Camera movement"),
        QT_TRANSLATE_NOOP("FieldTitles", "Style prompt"),
        QT_TRANSLATE_NOOP("FieldTitles", "Lyrics"),
        QT_TRANSLATE_NOOP("FieldTitles", "Text"),
        QT_TRANSLATE_NOOP("FieldTitles", "Title"),
        QT_TRANSLATE_NOOP("FieldTitles", "Instrumental"),
        QT_TRANSLATE_NOOP("FieldTitles", "Model"),
        QT_TRANSLATE_NOOP("FieldTitles", "Voice"),
        QT_TRANSLATE_NOOP("FieldTitles", "Speed"),
        QT_TRANSLATE_NOOP("FieldTitles", "Format"),
        QT_TRANSLATE_NOOP("FieldTitles", "Mask"),
    )
)


def field_title(title: str) -> str:
    """A field title in the installed language; unknown titles as they are."""
    if title in _TITLES:
        return QCoreApplication.translate("FieldTitles", title)
    return title
