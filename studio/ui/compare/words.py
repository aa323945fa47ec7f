"""The Compare tab's words and colours for what the core reports: settings, hows, values, why a
model does not fit, what a model will not accept about a file. All translatable ("Compare")."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from studio.core.compare import How, MediaProblemKind
from studio.core.media import describe_data_uri
from studio.ui.i18n.core_words import core_text, size_text

if TYPE_CHECKING:
    from collections.abc import Mapping

    from studio.core.compare import Fit, MediaProblem

CONTEXT: Final = "Compare"
_LONG = 60

SETTING_LABELS: Final = {
    "prompt": str(QT_TRANSLATE_NOOP("Compare", "Prompt")),
    "negative_prompt": str(QT_TRANSLATE_NOOP("Compare", "Negative prompt")),
    "aspect_ratio": str(QT_TRANSLATE_NOOP("Compare", "Aspect ratio")),
    "duration_s": str(QT_TRANSLATE_NOOP("Compare", "Duration")),
    "resolution": str(QT_TRANSLATE_NOOP("Compare", "Resolution")),
    "seed": str(QT_TRANSLATE_NOOP("Compare", "Seed")),
    "num_outputs": str(QT_TRANSLATE_NOOP("Compare", "Outputs")),
    "generate_audio": str(QT_TRANSLATE_NOOP("Compare", "Audio track")),
    "image": str(QT_TRANSLATE_NOOP("Compare", "Start image")),
    "end_image": str(QT_TRANSLATE_NOOP("Compare", "End image")),
    "reference_images": str(QT_TRANSLATE_NOOP("Compare", "Reference images")),
    "video": str(QT_TRANSLATE_NOOP("Compare", "Video")),
    "audio": str(QT_TRANSLATE_NOOP("Compare", "Audio")),
}
# "This model takes no …", for the model list.
_REFUSED: Final = {
    "image": str(QT_TRANSLATE_NOOP("Compare", "takes no start image")),
    "end_image": str(QT_TRANSLATE_NOOP("Compare", "takes no end image")),
    "reference_images": str(QT_TRANSLATE_NOOP("Compare", "takes no reference images")),
    "video": str(QT_TRANSLATE_NOOP("Compare", "takes no video")),
    "audio": str(QT_TRANSLATE_NOOP("Compare", "takes no audio")),
}
HOW_WORDS: Final = {
    How.SENT: str(QT_TRANSLATE_NOOP("Compare", "sent as asked")),
    How.MAPPED: str(QT_TRANSLATE_NOOP("Compare", "mapped")),
    How.CLAMPED: str(QT_TRANSLATE_NOOP("Compare", "clamped")),
    How.DEFAULT: str(QT_TRANSLATE_NOOP("Compare", "model default")),
    How.DROPPED: str(QT_TRANSLATE_NOOP("Compare", "dropped")),
    How.OVERRIDDEN: str(QT_TRANSLATE_NOOP("Compare", "set by hand")),
}
# Cell tints (light theme, dark theme): green as asked, blue respelled, amber nearest, orange a
# default, grey not sent, violet by hand. The words say the same, for anyone who cannot tell.
HOW_COLOURS: Final = {
    How.SENT: ("#dcefe2", "#23422f"),
    How.MAPPED: ("#dce8f7", "#22364f"),
    How.CLAMPED: ("#fbeccb", "#4a3b17"),
    How.DEFAULT: ("#fadfcf", "#4d2f1d"),
    How.DROPPED: ("#e6e6e6", "#3a3b3e"),
    How.OVERRIDDEN: ("#ebe0f7", "#3c2d52"),
}
PROBLEM_COLOURS: Final = ("#f8d7d5", "#5a2624")


def tr(text: str, n: int = -1) -> str:
    """A string already marked with QT_TRANSLATE_NOOP("Compare", …), translated now."""
    return QCoreApplication.translate(CONTEXT, text, None, n)


def setting_label(setting: str) -> str:
    return tr(SETTING_LABELS.get(setting, setting))


def how_word(how: How) -> str:
    return tr(HOW_WORDS[how])


def value_text(value: Any, media_names: Mapping[str, str] | None = None) -> str:
    """A value as a cell shows it: files by name, sizes as W×H, switches as on/off."""
    names = media_names or {}
    if value is None:
        return "—"
    if isinstance(value, bool):
        on = QCoreApplication.translate("Compare", "on")
        return on if value else QCoreApplication.translate("Compare", "off")
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict) and {"width", "height"} <= value.keys():
        return f"{value['width']}×{value['height']}"
    if isinstance(value, list | tuple):
        return ", ".join(value_text(item, names) for item in value)
    text = str(value)
    if text in names:
        return names[text]
    if text.startswith("data:"):
        return describe_data_uri(text)
    return text if len(text) <= _LONG else text[: _LONG - 1] + "…"


def asked_text(setting: str, value: Any, media_names: Mapping[str, str] | None = None) -> str:
    """What the user asked for, with its unit: "10 s", "21:9", "harbour.png"."""
    text = value_text(value, media_names)
    if setting == "duration_s" and isinstance(value, int | float) and not isinstance(value, bool):
        return QCoreApplication.translate("Compare", "%1 s").replace("%1", text)
    return text


def fit_reason(fit: Fit) -> str:
    """Why a model cannot take the intent, in a few words ("" when it can)."""
    parts = [tr(_REFUSED.get(setting, setting)) for setting in fit.refused]
    if fit.problem:
        parts.append(core_text(fit.problem))
    return "; ".join(parts)


def fill(template: str, *values: object) -> str:
    """Qt's %1, %2 … placeholders filled in one pass (a value holding "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m[1]) - 1]), template)


def problem_text(problem: MediaProblem, file_name: str) -> str:
    """One thing a model will not accept about a file, in a sentence."""
    kind, actual, allowed = problem.kind, problem.actual, problem.allowed
    if kind is MediaProblemKind.FORMAT:
        text = QCoreApplication.translate("Compare", "%1 is %2; this model takes %3.")
        return fill(text, file_name, actual, ", ".join(allowed))
    if kind is MediaProblemKind.TOO_LARGE:
        text = QCoreApplication.translate("Compare", "%1 is %2; this model takes at most %3.")
        return fill(text, file_name, size_text(actual), size_text(allowed))
    if kind is MediaProblemKind.TOO_SMALL:
        text = QCoreApplication.translate(
            "Compare", "%1 is %2 px on its short side; this model needs at least %3 px."
        )
        return fill(text, file_name, actual, allowed)
    if kind is MediaProblemKind.ASPECT:
        text = QCoreApplication.translate(
            "Compare", "%1 has an aspect of %2:1; this model takes %3:1 to %4:1."
        )
        return fill(text, file_name, f"{actual:.2f}", f"{allowed[0]:.2f}", f"{allowed[1]:.2f}")
    text = QCoreApplication.translate("Compare", "%1 lasts %2 s; this model takes %3–%4 s.")
    return fill(text, file_name, f"{actual:.1f}", f"{allowed[0]:g}", f"{allowed[1]:g}")
