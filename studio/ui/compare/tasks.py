"""What can be compared: a capability and what the user gives every model (text only, a start
image, references, a video, audio), with the settings that make sense for it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from studio.core.compare import Intent


@dataclass(frozen=True)
class MediaSlot:
    """One media input of a task: the Intent field it fills, its label, whether it must be given,
    the kind of file and whether it takes several."""

    setting: str
    label: str
    required: bool
    kind: str = "image"
    multiple: bool = False


@dataclass(frozen=True)
class Task:
    """One thing to compare; `fields` are the Intent settings offered for it."""

    key: str
    label: str
    capability: str
    slots: tuple[MediaSlot, ...] = ()
    fields: tuple[str, ...] = ()
    prompt: bool = True

    def required(self) -> tuple[MediaSlot, ...]:
        return tuple(slot for slot in self.slots if slot.required)

    def with_placeholders(self, intent: Intent) -> Intent:
        """`intent` with every missing required media (and an empty prompt) filled by a stand-in,
        so the model list can say which models fit before the user has chosen the file."""
        changes: dict[str, Any] = {}
        if self.prompt and not intent.prompt.strip():
            changes["prompt"] = "a prompt"  # judged as if written: it is asked for before sending
        for slot in self.required():
            if not getattr(intent, slot.setting):
                stand_in = _PLACEHOLDERS[slot.kind]
                changes[slot.setting] = (stand_in,) if slot.multiple else stand_in
        return replace(intent, **changes) if changes else intent


_PLACEHOLDERS: Final = {
    "image": "https://placeholder.invalid/image.png",
    "video": "https://placeholder.invalid/video.mp4",
    "audio": "https://placeholder.invalid/audio.mp3",
}
_PICTURE = ("aspect_ratio", "resolution", "negative_prompt", "seed")
_MOTION = ("aspect_ratio", "duration_s", "resolution", "generate_audio", "negative_prompt", "seed")

TASKS: Final = (
    Task(
        "text-to-image",
        str(QT_TRANSLATE_NOOP("Compare", "Images from text")),
        "image",
        (),
        _PICTURE,
    ),
    Task(
        "edit-image",
        str(QT_TRANSLATE_NOOP("Compare", "Edit an image")),
        "image",
        (MediaSlot("image", str(QT_TRANSLATE_NOOP("Compare", "Image to edit")), True),),
        ("aspect_ratio", "resolution", "seed"),
    ),
    Task(
        "text-to-video", str(QT_TRANSLATE_NOOP("Compare", "Videos from text")), "video", (), _MOTION
    ),
    Task(
        "image-to-video",
        str(QT_TRANSLATE_NOOP("Compare", "Videos from an image")),
        "video",
        (
            MediaSlot("image", str(QT_TRANSLATE_NOOP("Compare", "Start image")), True),
            MediaSlot(
                "end_image", str(QT_TRANSLATE_NOOP("Compare", "End image (optional)")), False
            ),
        ),
        _MOTION,
    ),
    Task(
        "reference-to-video",
        str(QT_TRANSLATE_NOOP("Compare", "Videos from references")),
        "video",
        (
            MediaSlot(
                "reference_images",
                str(QT_TRANSLATE_NOOP("Compare", "Reference images")),
                True,
                multiple=True,
            ),
        ),
        _MOTION,
    ),
    Task(
        "edit-video",
        str(QT_TRANSLATE_NOOP("Compare", "Edit a video")),
        "video",
        (MediaSlot("video", str(QT_TRANSLATE_NOOP("Compare", "Video to edit")), True, "video"),),
        ("aspect_ratio", "duration_s", "resolution", "seed"),
    ),
    Task(
        "music", str(QT_TRANSLATE_NOOP("Compare", "Music from text")), "audio", (), ("duration_s",)
    ),
    Task(
        "transcribe",
        str(QT_TRANSLATE_NOOP("Compare", "Transcribe audio")),
        "transcribe",
        (
            MediaSlot(
                "audio", str(QT_TRANSLATE_NOOP("Compare", "Audio to transcribe")), True, "audio"
            ),
        ),
        (),
        prompt=False,
    ),
)


def task_named(key: str) -> Task:
    return next((task for task in TASKS if task.key == key), TASKS[0])
