"""Video endpoints: small animated H.264 MP4s (24 fps, long side 480) with optional AAC audio.

Text-to-video drifts a camera over a generated landscape; image-to-video does a Ken Burns move
over the stylised input image (cross-fading to the end/last frame image when given); reference
modes float the references as cards; edit-video restyles the input video's first frame.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import av
import numpy as np
from PIL import Image

from studio.sim.media.compose import finish, render_landscape
from studio.sim.media.images import caption_label
from studio.sim.media.inputs import VideoProbe, load_images, probe_video
from studio.sim.media.motion import (
    BACKDROP_SCALE,
    draw_cards,
    draw_light,
    draw_particles,
    light_band,
    plan_camera,
    plan_particles,
)
from studio.sim.media.music import synthesize
from studio.sim.media.params import (
    END_IMAGE_FIELDS,
    MEDIA_URL_FIELDS,
    VIDEO_URL_FIELDS,
    derive_seed,
    duration_seconds,
    first_media_urls,
    fit_ratio,
    parse_ratio,
    prompt_text,
    reduce_ratio,
    shot_prompts,
)
from studio.sim.media.photo import card, stylised, tinted
from studio.sim.media.results import Generated, RenderedFile
from studio.sim.media.scene import Scene, plan_scene
from studio.sim.media.text import caption_overlay

if TYPE_CHECKING:
    from collections.abc import Mapping

FPS = 24
LONG_SIDE = 480
DEFAULT_SECONDS = 5.0
MAX_SECONDS = 15.0
AUDIO_RATE = 44100
_FADE_FRAMES = 8


@dataclass(frozen=True)
class Sources:
    """The decoded input media a video request refers to."""

    start: Image.Image | None
    end: Image.Image | None
    references: list[Image.Image]
    video: VideoProbe


def generate_video(
    entry: Mapping[str, Any], inputs: Mapping[str, Any], media: Mapping[str, bytes]
) -> Generated:
    sources = _sources(entry, inputs, media)
    seconds = _seconds(entry, inputs, sources.video)
    size = _frame_size(inputs, sources)
    seed = derive_seed(entry, inputs)
    scene = plan_scene(prompt_text(inputs), seed)
    audio = (
        synthesize(prompt_text(inputs), seed, seconds, AUDIO_RATE)
        if inputs.get("generate_audio") is True
        else None
    )
    data = _encode(_frames(entry, inputs, scene, sources, size=size, seconds=seconds), size, audio)
    rendered = RenderedFile(data, "video/mp4", "mp4", size[0], size[1], round(seconds, 3))
    return Generated(files=(rendered,), extra_output={})


def _sources(
    entry: Mapping[str, Any], inputs: Mapping[str, Any], media: Mapping[str, bytes]
) -> Sources:
    photos = load_images(media, first_media_urls(inputs, MEDIA_URL_FIELDS))
    ends = load_images(media, first_media_urls(inputs, END_IMAGE_FIELDS))
    video_urls = first_media_urls(inputs, VIDEO_URL_FIELDS)
    probe = probe_video(media.get(video_urls[0])) if video_urls else VideoProbe(None, None, None)
    if str(entry.get("mode", "")).startswith("reference"):
        return Sources(None, None, photos, probe)
    start = photos[0] if photos else probe.first_frame
    return Sources(start, ends[0] if ends else None, photos[1:], probe)


def _seconds(entry: Mapping[str, Any], inputs: Mapping[str, Any], video: VideoProbe) -> float:
    fallback = video.duration if entry.get("mode") == "edit-video" and video.duration else None
    seconds = duration_seconds(inputs.get("duration"), fallback or DEFAULT_SECONDS)
    return min(max(seconds, 1.0 / FPS), MAX_SECONDS)


def _frame_size(inputs: Mapping[str, Any], sources: Sources) -> tuple[int, int]:
    ratio = parse_ratio(inputs.get("aspect_ratio"))
    if ratio is None and sources.start is not None:
        ratio = reduce_ratio(sources.start.width, sources.start.height)
    if ratio is None and sources.video.size is not None:
        ratio = reduce_ratio(*sources.video.size)
    return fit_ratio(ratio or (16, 9), LONG_SIDE, even=True)


def _backdrop(
    scene: Scene, photo: Image.Image | None, size: tuple[int, int], edit: bool
) -> Image.Image:
    width, height = round(size[0] * BACKDROP_SCALE), round(size[1] * BACKDROP_SCALE)
    if photo is None:
        pixels = finish(render_landscape(scene, width, height), scene, bokeh=False, grain=0)
    elif edit:
        fitted = photo.resize((width, height), Image.Resampling.BILINEAR)
        pixels = finish(stylised(fitted, scene, strength=0.6), scene, bokeh=False, grain=0)
    else:
        pixels = finish(tinted(photo, scene, width, height), scene, bokeh=False, grain=0)
    return Image.fromarray(np.ascontiguousarray(pixels), "RGB")


@dataclass(frozen=True)
class Caption:
    until: float  # seconds
    sprite: Image.Image | None  # just the caption's box, to composite cheaply
    at: tuple[int, int]


def _captions(
    entry: Mapping[str, Any], inputs: Mapping[str, Any], size: tuple[int, int], seconds: float
) -> list[Caption]:
    """One caption per shot; a single shot unless Kling's multi_prompt is given."""
    label = caption_label(entry, inputs)
    shots = shot_prompts(inputs) or [prompt_text(inputs)]
    step = seconds / len(shots)
    captions = []
    for index, shot in enumerate(shots):
        overlay = caption_overlay(*size, shot, label)
        box = overlay.getbbox() if overlay is not None else None
        sprite = overlay.crop(box) if overlay is not None and box is not None else None
        captions.append(Caption(step * (index + 1), sprite, box[:2] if box else (0, 0)))
    return captions


def _frames(
    entry: Mapping[str, Any],
    inputs: Mapping[str, Any],
    scene: Scene,
    sources: Sources,
    *,
    size: tuple[int, int],
    seconds: float,
) -> list[Image.Image]:
    edit = entry.get("mode") == "edit-video"
    start = _backdrop(scene, sources.start, size, edit)
    end = _backdrop(scene, sources.end, size, edit) if sources.end is not None else None
    camera = plan_camera(scene.seed, zoom_in=0.14 if sources.start is not None else 0.08)
    particles = plan_particles(scene, size)
    band = light_band(size, scene.palette.sun)
    cards = [card(photo, min(size) * 2 // 5) for photo in sources.references[:4]]
    captions = _captions(entry, inputs, size, seconds)
    count = max(1, round(seconds * FPS))
    frames = []
    for index in range(count):
        t = index / max(1, count - 1)
        box = camera.window(t, start.size, size)
        frame = start.resize(size, Image.Resampling.BILINEAR, box=box)
        if end is not None:
            later = end.resize(size, Image.Resampling.BILINEAR, box=box)
            frame = Image.blend(frame, later, t * t * (3 - 2 * t))
        canvas = frame.convert("RGBA")
        draw_light(canvas, band, t)
        draw_particles(canvas, particles, t, seconds)
        draw_cards(canvas, cards, t, seconds)
        caption = next((c for c in captions if index / FPS < c.until), captions[-1])
        if caption.sprite is not None:
            canvas.alpha_composite(caption.sprite, caption.at)
        frames.append(_faded(canvas.convert("RGB"), index, count))
    return frames


def _faded(frame: Image.Image, index: int, count: int) -> Image.Image:
    edge = min(index, count - 1 - index)
    if edge >= _FADE_FRAMES or count <= 2 * _FADE_FRAMES:
        return frame
    black = Image.new("RGB", frame.size, (0, 0, 0))
    return Image.blend(black, frame, (edge + 1) / (_FADE_FRAMES + 1))


def _encode(frames: list[Image.Image], size: tuple[int, int], audio: np.ndarray | None) -> bytes:
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="mp4", options={"fflags": "+bitexact"}) as container:
        stream = container.add_stream("libx264", rate=FPS)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        # One thread: bit-identical output on every run and machine, and the frames are tiny.
        # No macroblock-tree lookahead: with it x264 gave different bytes for identical frames
        # depending on what ran before in the process (seen here with libx264 core 165).
        stream.options = {
            "preset": "veryfast",
            "crf": "24",
            "x264-params": "mbtree=0:rc-lookahead=0",
        }
        stream.codec_context.thread_count = 1
        sound = _add_audio_stream(container) if audio is not None else None
        for index, image in enumerate(frames):
            frame = av.VideoFrame.from_ndarray(np.asarray(image), format="rgb24")
            frame.pts, frame.time_base = index, Fraction(1, FPS)
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
        if sound is not None and audio is not None:
            _encode_audio(container, sound, audio)
    return buffer.getvalue()


def _add_audio_stream(container: Any) -> Any:
    sound = container.add_stream("aac", rate=AUDIO_RATE)
    sound.layout = "mono"
    sound.bit_rate = 96_000
    return sound


def _encode_audio(container: Any, sound: Any, samples: np.ndarray) -> None:
    chunk = AUDIO_RATE
    for start in range(0, len(samples), chunk):
        part = np.ascontiguousarray(samples[None, start : start + chunk], dtype=np.float32)
        frame = av.AudioFrame.from_ndarray(part, format="flt", layout="mono")
        frame.sample_rate = AUDIO_RATE
        frame.pts = start
        container.mux(sound.encode(frame))
    container.mux(sound.encode(None))
