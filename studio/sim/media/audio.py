"""The music endpoint: a synthesised song encoded in the requested output_format family.

mp3_* → MP3 (libmp3lame), opus_* → Opus in Ogg, pcm_* → 16-bit WAV at that rate, ulaw/alaw →
G.711 WAV. If an encoder is missing from PyAV's FFmpeg, the song falls back to 16-bit mono WAV
at 22,050 Hz (bounded size: ten minutes ≈ 26 MB). Everything is mono.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import av
import numpy as np

from studio.sim.media.music import synthesize
from studio.sim.media.params import derive_seed, prompt_text
from studio.sim.media.results import Generated, RenderedFile

if TYPE_CHECKING:
    from av.audio.stream import AudioStream

MIN_MS, MAX_MS, DEFAULT_MS = 3000, 600_000, 30_000
FALLBACK_RATE = 22050


@dataclass(frozen=True)
class AudioFormat:
    container: str
    codec: str
    rate: int
    bit_rate: int | None
    content_type: str
    extension: str


_WAV = ("wav", "audio/wav", "wav")


def parse_output_format(value: Any) -> AudioFormat:
    """ "mp3_44100_128" → MP3 at 44.1 kHz, 128 kb/s; unknown values → the default MP3."""
    match = re.fullmatch(r"(mp3|pcm|ulaw|alaw|opus)_(\d+)(?:_(\d+))?", str(value))
    if not match:
        return parse_output_format("mp3_44100_128")
    family, rate = match.group(1), int(match.group(2))
    bit_rate = int(match.group(3)) * 1000 if match.group(3) else None
    if family == "mp3":
        return AudioFormat("mp3", "libmp3lame", rate, bit_rate, "audio/mpeg", "mp3")
    if family == "opus":
        return AudioFormat("ogg", "libopus", 48000, bit_rate, "audio/ogg", "ogg")
    codec = {"pcm": "pcm_s16le", "ulaw": "pcm_mulaw", "alaw": "pcm_alaw"}[family]
    return AudioFormat(_WAV[0], codec, rate, None, _WAV[1], _WAV[2])


FALLBACK = AudioFormat(_WAV[0], "pcm_s16le", FALLBACK_RATE, None, _WAV[1], _WAV[2])


def generate_music(
    entry: Mapping[str, Any], inputs: Mapping[str, Any], media: Mapping[str, bytes]
) -> Generated:
    del media  # music takes no input media
    length_ms = _length_ms(inputs)
    seconds = length_ms / 1000
    seed = derive_seed(entry, inputs)
    prompt = prompt_text(inputs) or _plan_text(inputs.get("composition_plan"))
    wanted = parse_output_format(inputs.get("output_format"))
    try:
        data = encode_audio(synthesize(prompt, seed, seconds, wanted.rate), wanted)
        used = wanted
    except (av.FFmpegError, ValueError):
        data = encode_audio(synthesize(prompt, seed, seconds, FALLBACK.rate), FALLBACK)
        used = FALLBACK
    rendered = RenderedFile(data, used.content_type, used.extension, duration=seconds)
    return Generated(files=(rendered,), extra_output={})


def _length_ms(inputs: Mapping[str, Any]) -> int:
    value = inputs.get("music_length_ms")
    if not isinstance(value, int) or isinstance(value, bool):
        value = _plan_ms(inputs.get("composition_plan")) or DEFAULT_MS
    return min(max(value, MIN_MS), MAX_MS)


def _plan_ms(plan: Any) -> int:
    sections = plan.get("sections") if isinstance(plan, Mapping) else None
    if not isinstance(sections, list):
        return 0
    return sum(
        s.get("duration_ms", 0)
        for s in sections
        if isinstance(s, Mapping) and isinstance(s.get("duration_ms"), int)
    )


def _plan_text(plan: Any) -> str:
    if not isinstance(plan, Mapping):
        return ""
    styles = plan.get("positive_global_styles")
    return " ".join(s for s in styles if isinstance(s, str)) if isinstance(styles, list) else ""


def encode_audio(samples: np.ndarray, fmt: AudioFormat) -> bytes:
    """Mono float samples at fmt.rate → file bytes (bit-exact, so the same song → same bytes)."""
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=fmt.container, options={"fflags": "+bitexact"}) as out:
        # LAME's fastest sensible mode: halves the time of a ten-minute MP3 (~3 s here).
        options = {"compression_level": "7"} if fmt.codec == "libmp3lame" else {}
        stream = cast("AudioStream", out.add_stream(fmt.codec, rate=fmt.rate, options=options))
        stream.layout = "mono"
        if fmt.bit_rate:
            stream.bit_rate = fmt.bit_rate
        stream.codec_context.flags |= av.codec.context.Flags.bitexact
        chunk = fmt.rate * 4
        for start in range(0, len(samples), chunk):
            part = np.ascontiguousarray(samples[None, start : start + chunk], dtype=np.float32)
            frame = av.AudioFrame.from_ndarray(part, format="flt", layout="mono")
            frame.sample_rate = fmt.rate
            frame.pts = start
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return buffer.getvalue()
