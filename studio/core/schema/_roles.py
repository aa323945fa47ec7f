"""What a media field is for (start frame, end frame, reference, mask or source), from its words.

A field's own name speaks first ("start_image_url", "last_frame_url", "reference_image_urls",
"mask_url"), then its title and description ("Image to animate (first frame)", "Clip to continue
from", "Reference images"), and only then the shape of the schema around it: a lone image on a
schema that has a duration or an end frame is the start of a video, several images there are
references, and anything else is what the endpoint works on (the source).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

START: Final = "start"
END: Final = "end"
REFERENCE: Final = "reference"
MASK: Final = "mask"
SOURCE: Final = "source"
ROLES: Final = (START, END, REFERENCE, MASK, SOURCE)

_NAME_ROLES: Final = (
    (MASK, frozenset({"mask", "masks"})),
    (START, frozenset({"start", "first", "begin", "beginning", "initial", "opening"})),
    (END, frozenset({"end", "last", "final", "tail", "ending", "closing"})),
    (REFERENCE, frozenset({"reference", "references", "ref", "refs", "style", "subject"})),
    (REFERENCE, frozenset({"subjects", "character", "characters", "element", "elements"})),
    (SOURCE, frozenset({"source", "src", "driving"})),
)
_FRAME: Final = r"(?:frame|image|picture|shot)"
_FRAME_ROLES: Final = (
    (START, re.compile(rf"\b(?:first|start|starting|initial|opening) {_FRAME}|\bto animate\b")),
    (END, re.compile(rf"\b(?:last|end|final|ending|closing) {_FRAME}")),
)
_TEXT_ROLES: Final = (
    (
        SOURCE,
        re.compile(
            r"\bto (?:edit|continue|extend|transcribe|translate|upscale|restyle|remix|inpaint"
            r"|modify|transform|lip-?sync)\b|\bcontinue from\b|\bdriving\b|\bsource\b"
        ),
    ),
    (REFERENCE, re.compile(r"\breferences?\b|\bappearance\b|\bcharacters?\b|\bsubjects?\b")),
)
_VIDEO_SETTINGS: Final = frozenset(
    {"duration", "fps", "num_frames", "frames_per_second", "video_length", "generate_audio"}
)
_FRAMES: Final = (START, END)
_WORD: Final = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Clues:
    """What a media field says about itself: the words of its path, its title and description."""

    kind: str
    multiple: bool
    path: str
    text: str


def role_from_words(clues: Clues) -> str | None:
    """The role the field's own words give, or None when they say nothing.

    Only images are frames: a "first_video_url" is not a start frame.
    """
    is_image = clues.kind == "image"
    tokens = set(_WORD.findall(clues.path.lower()))
    for role, words in _NAME_ROLES:
        if tokens & words and (is_image or role not in _FRAMES):
            return role
    text = clues.text.lower()
    # "End frame (same ratio as the start frame)": the frame named first is the field's own.
    frames = [(m.start(), role) for role, p in _FRAME_ROLES if (m := p.search(text))]
    if frames and is_image:
        return min(frames)[1]
    for role, pattern in _TEXT_ROLES:
        if pattern.search(text):
            return role
    return None


def fallback_role(clues: Clues, top_level_names: frozenset[str], roles: set[str]) -> str:
    """The role of a field whose words are silent, from the schema around it."""
    if clues.kind != "image":
        return SOURCE
    makes_video = bool(top_level_names & _VIDEO_SETTINGS) or END in roles
    if not makes_video:
        return SOURCE
    return REFERENCE if clues.multiple else START
