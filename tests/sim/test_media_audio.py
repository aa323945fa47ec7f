"""Music (lengths, formats, musical variety, determinism) and transcripts timed to the audio."""

from __future__ import annotations

import io
import json
import math
import wave
from importlib import resources
from typing import Any

import av
import numpy as np
import pytest

from studio.sim.media import RenderedFile, generate
from studio.sim.media.music import synthesize


def entry_for(slug: str) -> dict[str, Any]:
    text = resources.files("studio").joinpath("data/catalog.json").read_text("utf-8")
    entries: list[dict[str, Any]] = json.loads(text)
    return next(e for e in entries if e["slug"] == slug)


MUSIC = entry_for("elevenlabs/elevenlabs-music/music-generate")
WHISPER = entry_for("openai/whisper-v3/transcribe")
PROMPT = "Upbeat lo-fi hip hop with warm Rhodes chords and vinyl crackle, 85 BPM"


def decode(file: RenderedFile) -> tuple[np.ndarray, int, str]:
    """(mono float samples, sample rate, container format name)."""
    with av.open(io.BytesIO(file.data), "r") as container:
        stream = container.streams.audio[0]
        rate = stream.codec_context.sample_rate
        chunks = [frame.to_ndarray().astype(np.float64) for frame in container.decode(stream)]
        name = container.format.name
    samples = np.concatenate([c.reshape(-1) if c.shape[0] == 1 else c[0] for c in chunks])
    return samples, rate, name


@pytest.mark.parametrize(
    ("output_format", "content_type", "container", "rate"),
    [
        ("mp3_44100_128", "audio/mpeg", "mp3", 44100),
        ("mp3_22050_32", "audio/mpeg", "mp3", 22050),
        ("opus_48000_64", "audio/ogg", "ogg", 48000),
        ("pcm_16000", "audio/wav", "wav", 16000),
        ("ulaw_8000", "audio/wav", "wav", 8000),
    ],
)
def test_length_and_format(
    output_format: str, content_type: str, container: str, rate: int
) -> None:
    inputs = {"prompt": PROMPT, "music_length_ms": 4321, "output_format": output_format}
    (file,) = generate(MUSIC, inputs, {}).files
    assert file.content_type == content_type
    samples, decoded_rate, name = decode(file)
    assert (decoded_rate, name) == (rate, container)
    assert len(samples) / rate == pytest.approx(4.321, abs=0.05)
    assert file.duration == pytest.approx(4.321)


def test_default_format_is_mp3() -> None:
    (file,) = generate(MUSIC, {"prompt": PROMPT, "music_length_ms": 3000}, {}).files
    assert (file.content_type, file.extension) == ("audio/mpeg", "mp3")


def test_music_is_not_silence_and_not_one_tone() -> None:
    rate = 22050
    samples = synthesize(PROMPT, 11, 24.0, rate)
    assert len(samples) == 24 * rate
    assert np.sqrt(np.mean(samples**2)) > 0.05
    window = 4096
    peaks = set()
    for start in range(0, len(samples) - window, rate):  # one window a second
        spectrum = np.abs(np.fft.rfft(samples[start : start + window] * np.hanning(window)))
        peaks.add(int(np.argmax(spectrum[5:])) + 5)
    assert len(peaks) >= 4  # the loudest pitch moves: chords and bass change
    energy = [
        float(np.mean(samples[s : s + rate // 8] ** 2)) for s in range(0, rate * 8, rate // 8)
    ]
    assert max(energy) > 3 * min(energy)  # rhythm: loud and quiet moments alternate


def test_same_prompt_same_bytes_different_prompt_different_song() -> None:
    inputs = {"prompt": PROMPT, "music_length_ms": 3000, "output_format": "pcm_22050"}
    first = generate(MUSIC, inputs, {}).files[0].data
    assert generate(MUSIC, inputs, {}).files[0].data == first
    other = generate(MUSIC, {**inputs, "prompt": "Dark cinematic ambient drone"}, {})
    assert other.files[0].data != first


def test_ten_minutes_is_exact() -> None:
    samples = synthesize("epic orchestral", 5, 600.0, 8000)
    assert len(samples) == 600 * 8000
    assert np.abs(samples).max() <= 1.0


def wav_bytes(seconds: float, rate: int = 16000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        tone = np.sin(np.arange(int(rate * seconds)) * 2 * math.pi * 220 / rate) * 6000
        out.writeframes(tone.astype("<i2").tobytes())
    return buffer.getvalue()


def transcribe(audio: bytes | None, **inputs: Any) -> dict[str, Any]:
    url = "https://example.test/speech.wav"
    media = {url: audio} if audio is not None else {}
    result = generate(WHISPER, {"audio_url": url, **inputs}, media)
    assert result.files == ()
    return result.extra_output


def test_segments_span_the_audio() -> None:
    output = transcribe(wav_bytes(23.4), language="en")
    chunks = output["chunks"]
    assert output["language"] == "en"
    assert chunks[0]["timestamp"][0] == 0.0
    assert chunks[-1]["timestamp"][1] == pytest.approx(23.4, abs=0.01)
    ends = [c["timestamp"][1] for c in chunks]
    assert ends == sorted(ends)
    assert output["text"] == " ".join(c["text"] for c in chunks)
    assert len(output["text"].split()) >= 23.4 * 2


def test_word_timestamps() -> None:
    output = transcribe(wav_bytes(6.0), timestamps="word")
    chunks = output["chunks"]
    assert all(" " not in c["text"] for c in chunks)
    assert len(chunks) == len(output["text"].split())
    assert chunks[-1]["timestamp"][1] == pytest.approx(6.0, abs=0.01)
    assert all(c["timestamp"][0] <= c["timestamp"][1] for c in chunks)


def test_transcript_follows_the_audio_and_the_language() -> None:
    first = transcribe(wav_bytes(5.0))
    assert transcribe(wav_bytes(5.0)) == first
    assert transcribe(wav_bytes(5.5))["text"] != first["text"]
    assert transcribe(wav_bytes(5.0), language="fr")["language"] == "fr"
    assert transcribe(wav_bytes(5.0), language="fr", task="translate")["language"] == "en"


def test_missing_or_broken_audio_assumes_ten_seconds() -> None:
    for media in (None, b"garbage"):
        assert transcribe(media)["chunks"][-1]["timestamp"][1] == pytest.approx(10.0)
