"""translate() on every catalog endpoint for a set of intents: each row's `how`, each problem, and
every body it returns accepted by the endpoint's FormSpec.

Rows are written as letters in Intent field order: S sent, M mapped, C clamped, D default,
- dropped. After them come the problems (joined with "; ") when the body cannot be sent.
"""

from __future__ import annotations

import pytest

from studio.core.compare import How, Intent, translate
from studio.core.schema import FormSpec
from tests.core.schema_samples import SCHEMAS

Table = dict[str, tuple[str, ...]]

IMG = "https://files.example/start.png"
IMG2 = "https://files.example/end.png"
REFS = ["https://files.example/r1.png", "https://files.example/r2.png"]
VID = "https://files.example/clip.mp4"
AUD = "https://files.example/voice.mp3"

LETTERS = {How.SENT: "S", How.MAPPED: "M", How.CLAMPED: "C", How.DEFAULT: "D", How.DROPPED: "-"}
PROMPT = "needs a prompt"
IMAGE = "needs an input image (Image URL)"
IMAGES = "needs an input image (Image URLs)"
FIRST_FRAME = "needs an input image (First frame URL)"
LAST_FRAME = "needs an input image (Last frame URL)"
START_IMAGE = "needs an input image (Start image URL)"
IMAGE_OR_CLIP = "needs an input image or an input video (Image URL or Video URL)"
WAN_REFERENCES = (
    "needs an input image or an input video (Reference image URLs or Reference video URLs)"
)
VIDEO = "needs an input video (Video URL)"
SEEDANCE_REFERENCES = "needs an input image or an input video (Image URLs or Video URLs)"
AUDIO = "needs input audio (Audio URL)"
LENGTH = "Music length (ms) is required and has no default"

TEXT: Table = {
    "google/veo-3.1/text-to-video": ("S S C C S S - S",),
    "google/veo-3.1/image-to-video": ("S S C C S S - S", IMAGE),
    "google/veo-3.1/reference-to-video": ("S - C C S - - S", IMAGES),
    "google/veo-3.1/first-last-frame-to-video": ("S S C C S S - S", FIRST_FRAME, LAST_FRAME),
    "google/veo-3.1/fast/text-to-video": ("S S C C S S - S",),
    "google/veo-3.1/fast/image-to-video": ("S S C C S S - S", IMAGE),
    "google/veo-3.1/fast/reference-to-video": ("S - C C S - - S", IMAGES),
    "google/veo-3.1/lite/text-to-video": ("S S C C C S - S",),
    "google/veo-3.1/lite/image-to-video": ("S S C C C S - S", IMAGE),
    "google/veo-3/text-to-video": ("S S C C C S - S",),
    "google/veo-3/image-to-video": ("S S C C C S - S", IMAGE),
    "kuaishou/kling-v3/standard/text-to-video": ("S S C M - - - S",),
    "kuaishou/kling-v3/standard/image-to-video": ("S S - M - - - S", START_IMAGE),
    "kuaishou/kling-v3/pro/text-to-video": ("S S C M - - - S",),
    "kuaishou/kling-v3/pro/image-to-video": ("S S - M - - - S", START_IMAGE),
    "alibaba/wan-2.7/text-to-video": ("S S C S C S - -",),
    "alibaba/wan-2.7/image-to-video": ("S S - S C S - -", IMAGE_OR_CLIP),
    "alibaba/wan-2.7/reference-to-video": ("S S C S C S - -", WAN_REFERENCES),
    "alibaba/wan-2.7/edit-video": ("S S C S C S - -", VIDEO),
    "bytedance/seedance-2.0/text-to-video": ("S - S M C S - S",),
    "bytedance/seedance-2.0/image-to-video": ("S - S M C S - S", IMAGE),
    "bytedance/seedance-2.0/reference-to-video": ("S - S M C S - S", SEEDANCE_REFERENCES),
    "bytedance/seedance-2.0/fast/text-to-video": ("S - S M C S - S",),
    "bytedance/seedance-2.0/fast/image-to-video": ("S - S M C S - S", IMAGE),
    "bytedance/seedance-2.0/fast/reference-to-video": ("S - S M C S - S", SEEDANCE_REFERENCES),
    "google/nano-banana/text-to-image": ("S - S - - S S -",),
    "google/nano-banana/edit": ("S - S - - S S -", IMAGES),
    "google/nano-banana-2/text-to-image": ("S - S - M S S -",),
    "google/nano-banana-2/edit": ("S - S - M S S -", IMAGES),
    "google/nano-banana-pro/text-to-image": ("S - S - M S S -",),
    "google/nano-banana-pro/edit": ("S - S - M S S -", IMAGES),
    "openai/gpt-image-2/text-to-image": ("S - M - M - S -",),
    "openai/gpt-image-2/edit": ("S - M - M - S -", IMAGES),
    "elevenlabs/elevenlabs-music/music-generate": ("S - - M - - - -",),
    "openai/whisper-v3/transcribe": ("- - - - - - - -", AUDIO),
}
START: Table = {
    "google/veo-3.1/text-to-video": ("S -",),
    "google/veo-3.1/image-to-video": ("S S",),
    "google/veo-3.1/reference-to-video": ("S -", IMAGES),
    "google/veo-3.1/first-last-frame-to-video": ("S S", LAST_FRAME),
    "google/veo-3.1/fast/text-to-video": ("S -",),
    "google/veo-3.1/fast/image-to-video": ("S S",),
    "google/veo-3.1/fast/reference-to-video": ("S -", IMAGES),
    "google/veo-3.1/lite/text-to-video": ("S -",),
    "google/veo-3.1/lite/image-to-video": ("S S",),
    "google/veo-3/text-to-video": ("S -",),
    "google/veo-3/image-to-video": ("S S",),
    "kuaishou/kling-v3/standard/text-to-video": ("S -",),
    "kuaishou/kling-v3/standard/image-to-video": ("S S",),
    "kuaishou/kling-v3/pro/text-to-video": ("S -",),
    "kuaishou/kling-v3/pro/image-to-video": ("S S",),
    "alibaba/wan-2.7/text-to-video": ("S -",),
    "alibaba/wan-2.7/image-to-video": ("S S",),
    "alibaba/wan-2.7/reference-to-video": ("S -", WAN_REFERENCES),
    "alibaba/wan-2.7/edit-video": ("S -", VIDEO),
    "bytedance/seedance-2.0/text-to-video": ("S -",),
    "bytedance/seedance-2.0/image-to-video": ("S S",),
    "bytedance/seedance-2.0/reference-to-video": ("S -", SEEDANCE_REFERENCES),
    "bytedance/seedance-2.0/fast/text-to-video": ("S -",),
    "bytedance/seedance-2.0/fast/image-to-video": ("S S",),
    "bytedance/seedance-2.0/fast/reference-to-video": ("S -", SEEDANCE_REFERENCES),
    "google/nano-banana/text-to-image": ("S -",),
    "google/nano-banana/edit": ("S S",),
    "google/nano-banana-2/text-to-image": ("S -",),
    "google/nano-banana-2/edit": ("S S",),
    "google/nano-banana-pro/text-to-image": ("S -",),
    "google/nano-banana-pro/edit": ("S S",),
    "openai/gpt-image-2/text-to-image": ("S -",),
    "openai/gpt-image-2/edit": ("S S",),
    "elevenlabs/elevenlabs-music/music-generate": ("S -", LENGTH),
    "openai/whisper-v3/transcribe": ("- -", AUDIO),
}
FRAMES: Table = {
    "google/veo-3.1/text-to-video": ("S - -",),
    "google/veo-3.1/image-to-video": ("S S -",),
    "google/veo-3.1/reference-to-video": ("S - -", IMAGES),
    "google/veo-3.1/first-last-frame-to-video": ("S S S",),
    "google/veo-3.1/fast/text-to-video": ("S - -",),
    "google/veo-3.1/fast/image-to-video": ("S S -",),
    "google/veo-3.1/fast/reference-to-video": ("S - -", IMAGES),
    "google/veo-3.1/lite/text-to-video": ("S - -",),
    "google/veo-3.1/lite/image-to-video": ("S S -",),
    "google/veo-3/text-to-video": ("S - -",),
    "google/veo-3/image-to-video": ("S S -",),
    "kuaishou/kling-v3/standard/text-to-video": ("S - -",),
    "kuaishou/kling-v3/standard/image-to-video": ("S S S",),
    "kuaishou/kling-v3/pro/text-to-video": ("S - -",),
    "kuaishou/kling-v3/pro/image-to-video": ("S S S",),
    "alibaba/wan-2.7/text-to-video": ("S - -",),
    "alibaba/wan-2.7/image-to-video": ("S S S",),
    "alibaba/wan-2.7/reference-to-video": ("S - -", WAN_REFERENCES),
    "alibaba/wan-2.7/edit-video": ("S - -", VIDEO),
    "bytedance/seedance-2.0/text-to-video": ("S - -",),
    "bytedance/seedance-2.0/image-to-video": ("S S S",),
    "bytedance/seedance-2.0/reference-to-video": ("S - -", SEEDANCE_REFERENCES),
    "bytedance/seedance-2.0/fast/text-to-video": ("S - -",),
    "bytedance/seedance-2.0/fast/image-to-video": ("S S S",),
    "bytedance/seedance-2.0/fast/reference-to-video": ("S - -", SEEDANCE_REFERENCES),
    "google/nano-banana/text-to-image": ("S - -",),
    "google/nano-banana/edit": ("S S -",),
    "google/nano-banana-2/text-to-image": ("S - -",),
    "google/nano-banana-2/edit": ("S S -",),
    "google/nano-banana-pro/text-to-image": ("S - -",),
    "google/nano-banana-pro/edit": ("S S -",),
    "openai/gpt-image-2/text-to-image": ("S - -",),
    "openai/gpt-image-2/edit": ("S S -",),
    "elevenlabs/elevenlabs-music/music-generate": ("S - -", LENGTH),
    "openai/whisper-v3/transcribe": ("- - -", AUDIO),
}
REFS_TABLE: Table = {
    "google/veo-3.1/text-to-video": ("S -",),
    "google/veo-3.1/image-to-video": ("S -", IMAGE),
    "google/veo-3.1/reference-to-video": ("S S",),
    "google/veo-3.1/first-last-frame-to-video": ("S -", FIRST_FRAME, LAST_FRAME),
    "google/veo-3.1/fast/text-to-video": ("S -",),
    "google/veo-3.1/fast/image-to-video": ("S -", IMAGE),
    "google/veo-3.1/fast/reference-to-video": ("S S",),
    "google/veo-3.1/lite/text-to-video": ("S -",),
    "google/veo-3.1/lite/image-to-video": ("S -", IMAGE),
    "google/veo-3/text-to-video": ("S -",),
    "google/veo-3/image-to-video": ("S -", IMAGE),
    "kuaishou/kling-v3/standard/text-to-video": ("S -",),
    "kuaishou/kling-v3/standard/image-to-video": ("S -", START_IMAGE),
    "kuaishou/kling-v3/pro/text-to-video": ("S -",),
    "kuaishou/kling-v3/pro/image-to-video": ("S -", START_IMAGE),
    "alibaba/wan-2.7/text-to-video": ("S -",),
    "alibaba/wan-2.7/image-to-video": ("S -", IMAGE_OR_CLIP),
    "alibaba/wan-2.7/reference-to-video": ("S S",),
    "alibaba/wan-2.7/edit-video": ("S S", VIDEO),
    "bytedance/seedance-2.0/text-to-video": ("S -",),
    "bytedance/seedance-2.0/image-to-video": ("S -", IMAGE),
    "bytedance/seedance-2.0/reference-to-video": ("S S",),
    "bytedance/seedance-2.0/fast/text-to-video": ("S -",),
    "bytedance/seedance-2.0/fast/image-to-video": ("S -", IMAGE),
    "bytedance/seedance-2.0/fast/reference-to-video": ("S S",),
    "google/nano-banana/text-to-image": ("S -",),
    "google/nano-banana/edit": ("S -", IMAGES),
    "google/nano-banana-2/text-to-image": ("S -",),
    "google/nano-banana-2/edit": ("S -", IMAGES),
    "google/nano-banana-pro/text-to-image": ("S -",),
    "google/nano-banana-pro/edit": ("S -", IMAGES),
    "openai/gpt-image-2/text-to-image": ("S -",),
    "openai/gpt-image-2/edit": ("S -", IMAGES),
    "elevenlabs/elevenlabs-music/music-generate": ("S -", LENGTH),
    "openai/whisper-v3/transcribe": ("- -", AUDIO),
}
VIDEO_TABLE: Table = {
    "google/veo-3.1/text-to-video": ("S -",),
    "google/veo-3.1/image-to-video": ("S -", IMAGE),
    "google/veo-3.1/reference-to-video": ("S -", IMAGES),
    "google/veo-3.1/first-last-frame-to-video": ("S -", FIRST_FRAME, LAST_FRAME),
    "google/veo-3.1/fast/text-to-video": ("S -",),
    "google/veo-3.1/fast/image-to-video": ("S -", IMAGE),
    "google/veo-3.1/fast/reference-to-video": ("S -", IMAGES),
    "google/veo-3.1/lite/text-to-video": ("S -",),
    "google/veo-3.1/lite/image-to-video": ("S -", IMAGE),
    "google/veo-3/text-to-video": ("S -",),
    "google/veo-3/image-to-video": ("S -", IMAGE),
    "kuaishou/kling-v3/standard/text-to-video": ("S -",),
    "kuaishou/kling-v3/standard/image-to-video": ("S -", START_IMAGE),
    "kuaishou/kling-v3/pro/text-to-video": ("S -",),
    "kuaishou/kling-v3/pro/image-to-video": ("S -", START_IMAGE),
    "alibaba/wan-2.7/text-to-video": ("S -",),
    "alibaba/wan-2.7/image-to-video": ("S S",),
    "alibaba/wan-2.7/reference-to-video": ("S M",),
    "alibaba/wan-2.7/edit-video": ("S S",),
    "bytedance/seedance-2.0/text-to-video": ("S -",),
    "bytedance/seedance-2.0/image-to-video": ("S -", IMAGE),
    "bytedance/seedance-2.0/reference-to-video": ("S M",),
    "bytedance/seedance-2.0/fast/text-to-video": ("S -",),
    "bytedance/seedance-2.0/fast/image-to-video": ("S -", IMAGE),
    "bytedance/seedance-2.0/fast/reference-to-video": ("S M",),
    "google/nano-banana/text-to-image": ("S -",),
    "google/nano-banana/edit": ("S -", IMAGES),
    "google/nano-banana-2/text-to-image": ("S -",),
    "google/nano-banana-2/edit": ("S -", IMAGES),
    "google/nano-banana-pro/text-to-image": ("S -",),
    "google/nano-banana-pro/edit": ("S -", IMAGES),
    "openai/gpt-image-2/text-to-image": ("S -",),
    "openai/gpt-image-2/edit": ("S -", IMAGES),
    "elevenlabs/elevenlabs-music/music-generate": ("S -", LENGTH),
    "openai/whisper-v3/transcribe": ("- -", AUDIO),
}
MUSIC: Table = {
    "google/veo-3.1/text-to-video": ("S C",),
    "google/veo-3.1/image-to-video": ("S C", IMAGE),
    "google/veo-3.1/reference-to-video": ("S C", IMAGES),
    "google/veo-3.1/first-last-frame-to-video": ("S C", FIRST_FRAME, LAST_FRAME),
    "google/veo-3.1/fast/text-to-video": ("S C",),
    "google/veo-3.1/fast/image-to-video": ("S C", IMAGE),
    "google/veo-3.1/fast/reference-to-video": ("S C", IMAGES),
    "google/veo-3.1/lite/text-to-video": ("S C",),
    "google/veo-3.1/lite/image-to-video": ("S C", IMAGE),
    "google/veo-3/text-to-video": ("S C",),
    "google/veo-3/image-to-video": ("S C", IMAGE),
    "kuaishou/kling-v3/standard/text-to-video": ("S C",),
    "kuaishou/kling-v3/standard/image-to-video": ("S C", START_IMAGE),
    "kuaishou/kling-v3/pro/text-to-video": ("S C",),
    "kuaishou/kling-v3/pro/image-to-video": ("S C", START_IMAGE),
    "alibaba/wan-2.7/text-to-video": ("S C",),
    "alibaba/wan-2.7/image-to-video": ("S C", IMAGE_OR_CLIP),
    "alibaba/wan-2.7/reference-to-video": ("S C", WAN_REFERENCES),
    "alibaba/wan-2.7/edit-video": ("S C", VIDEO),
    "bytedance/seedance-2.0/text-to-video": ("S C",),
    "bytedance/seedance-2.0/image-to-video": ("S C", IMAGE),
    "bytedance/seedance-2.0/reference-to-video": ("S C", SEEDANCE_REFERENCES),
    "bytedance/seedance-2.0/fast/text-to-video": ("S C",),
    "bytedance/seedance-2.0/fast/image-to-video": ("S C", IMAGE),
    "bytedance/seedance-2.0/fast/reference-to-video": ("S C", SEEDANCE_REFERENCES),
    "google/nano-banana/text-to-image": ("S -",),
    "google/nano-banana/edit": ("S -", IMAGES),
    "google/nano-banana-2/text-to-image": ("S -",),
    "google/nano-banana-2/edit": ("S -", IMAGES),
    "google/nano-banana-pro/text-to-image": ("S -",),
    "google/nano-banana-pro/edit": ("S -", IMAGES),
    "openai/gpt-image-2/text-to-image": ("S -",),
    "openai/gpt-image-2/edit": ("S -", IMAGES),
    "elevenlabs/elevenlabs-music/music-generate": ("S M",),
    "openai/whisper-v3/transcribe": ("- -", AUDIO),
}
AUDIO_TABLE: Table = {
    "google/veo-3.1/text-to-video": ("-", PROMPT),
    "google/veo-3.1/image-to-video": ("-", PROMPT, IMAGE),
    "google/veo-3.1/reference-to-video": ("-", PROMPT, IMAGES),
    "google/veo-3.1/first-last-frame-to-video": ("-", PROMPT, FIRST_FRAME, LAST_FRAME),
    "google/veo-3.1/fast/text-to-video": ("-", PROMPT),
    "google/veo-3.1/fast/image-to-video": ("-", PROMPT, IMAGE),
    "google/veo-3.1/fast/reference-to-video": ("-", PROMPT, IMAGES),
    "google/veo-3.1/lite/text-to-video": ("-", PROMPT),
    "google/veo-3.1/lite/image-to-video": ("-", PROMPT, IMAGE),
    "google/veo-3/text-to-video": ("-", PROMPT),
    "google/veo-3/image-to-video": ("-", PROMPT, IMAGE),
    "kuaishou/kling-v3/standard/text-to-video": ("-", PROMPT),
    "kuaishou/kling-v3/standard/image-to-video": ("-", START_IMAGE, PROMPT),
    "kuaishou/kling-v3/pro/text-to-video": ("-", PROMPT),
    "kuaishou/kling-v3/pro/image-to-video": ("-", START_IMAGE, PROMPT),
    "alibaba/wan-2.7/text-to-video": ("S", PROMPT),
    "alibaba/wan-2.7/image-to-video": ("S", IMAGE_OR_CLIP),
    "alibaba/wan-2.7/reference-to-video": ("-", PROMPT, WAN_REFERENCES),
    "alibaba/wan-2.7/edit-video": ("-", PROMPT, VIDEO),
    "bytedance/seedance-2.0/text-to-video": ("-", PROMPT),
    "bytedance/seedance-2.0/image-to-video": ("-", PROMPT, IMAGE),
    "bytedance/seedance-2.0/reference-to-video": ("M", PROMPT, SEEDANCE_REFERENCES),
    "bytedance/seedance-2.0/fast/text-to-video": ("-", PROMPT),
    "bytedance/seedance-2.0/fast/image-to-video": ("-", PROMPT, IMAGE),
    "bytedance/seedance-2.0/fast/reference-to-video": ("M", PROMPT, SEEDANCE_REFERENCES),
    "google/nano-banana/text-to-image": ("-", PROMPT),
    "google/nano-banana/edit": ("-", PROMPT, IMAGES),
    "google/nano-banana-2/text-to-image": ("-", PROMPT),
    "google/nano-banana-2/edit": ("-", PROMPT, IMAGES),
    "google/nano-banana-pro/text-to-image": ("-", PROMPT),
    "google/nano-banana-pro/edit": ("-", PROMPT, IMAGES),
    "openai/gpt-image-2/text-to-image": ("-", PROMPT),
    "openai/gpt-image-2/edit": ("-", PROMPT, IMAGES),
    "elevenlabs/elevenlabs-music/music-generate": ("-", LENGTH, PROMPT),
    "openai/whisper-v3/transcribe": ("S",),
}

INTENTS: dict[str, tuple[Intent, Table]] = {
    "text": (
        Intent(
            "a lighthouse at dusk",
            negative_prompt="blur",
            aspect_ratio="21:9",
            duration_s=10,
            resolution="4k",
            seed=42,
            num_outputs=2,
            generate_audio=True,
        ),
        TEXT,
    ),
    "start": (Intent("the waves roll in", image=IMG), START),
    "frames": (Intent("walk to the door", image=IMG, end_image=IMG2), FRAMES),
    "refs": (Intent("the fox runs", reference_images=REFS), REFS_TABLE),
    "video": (Intent("make it night", video=VID), VIDEO_TABLE),
    "music": (Intent("calm piano", duration_s=30), MUSIC),
    "audio": (Intent("", audio=AUD), AUDIO_TABLE),
}
CASES = [(name, slug) for name in INTENTS for slug in sorted(SCHEMAS)]


def test_every_table_covers_the_whole_catalog() -> None:
    for _, table in INTENTS.values():
        assert set(table) == set(SCHEMAS)


@pytest.mark.parametrize(("intent_name", "slug"), CASES)
def test_translation_rows_problems_and_valid_bodies(intent_name: str, slug: str) -> None:
    intent, table = INTENTS[intent_name]
    schema = SCHEMAS[slug]
    translation = translate(schema, intent)
    letters, *problems = table[slug]
    assert " ".join(LETTERS[row.how] for row in translation.rows) == letters
    assert [row.setting for row in translation.rows] == [name for name, _ in intent.settings()]
    assert translation.problem == "; ".join(problems)
    if problems:
        assert translation.input is None
    else:
        assert translation.input is not None
        assert FormSpec.from_schema(schema).validate(translation.input) == []
    for row in translation.rows:
        assert row.note
        if row.how is How.DROPPED:
            assert (row.field, row.sent) == (None, None)
        elif translation.input is not None and row.sent is not None and row.field is not None:
            sent = translation.input[row.field.removesuffix("[0]")]
            assert sent == (row.sent if not row.field.endswith("[0]") else [row.sent])
