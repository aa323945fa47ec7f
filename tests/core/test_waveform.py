"""Tests for studio.core.waveform: peaks from real WAV and MP3 files."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from studio.core.media import WaveformError, compute_peaks
from tests.fakes.preview_media import make_mp3, make_mp4, make_wav

if TYPE_CHECKING:
    from pathlib import Path


def test_wav_duration_rate_and_shape(tmp_path: Path) -> None:
    result = compute_peaks(make_wav(tmp_path / "tone.wav", seconds=1.5, rate=22050), buckets=200)

    assert result.sample_rate == 22050
    assert result.duration_s == pytest.approx(1.5, abs=1e-3)
    assert len(result.peaks) == 200
    assert max(result.peaks) == pytest.approx(1.0)
    assert all(0.0 <= p <= 1.0 for p in result.peaks)


def test_wav_peaks_follow_the_envelope(tmp_path: Path) -> None:
    # The tone swells to full at 1/4 and 3/4 of the file and is quiet at the start and middle.
    peaks = compute_peaks(make_wav(tmp_path / "tone.wav", seconds=2.0), buckets=100).peaks

    assert peaks[25] > 0.9
    assert peaks[75] > 0.9
    assert peaks[1] < 0.3
    assert peaks[50] < 0.3


def test_mp3_decodes_with_close_duration(tmp_path: Path) -> None:
    result = compute_peaks(make_mp3(tmp_path / "tone.mp3", seconds=1.5), buckets=300)

    assert result.sample_rate == 44100
    # MP3 adds encoder padding; the decoded length is within a few frames of the source.
    assert result.duration_s == pytest.approx(1.5, abs=0.1)
    assert len(result.peaks) == 300
    assert max(result.peaks) - min(result.peaks) > 0.5


def test_short_file_gives_fewer_buckets(tmp_path: Path) -> None:
    result = compute_peaks(make_wav(tmp_path / "blip.wav", seconds=0.01, rate=8000), buckets=800)

    assert 0 < len(result.peaks) < 800


def test_video_without_audio_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(WaveformError, match="no audio"):
        compute_peaks(make_mp4(tmp_path / "silent.mp4", seconds=0.5))


def test_not_media_is_an_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"not audio at all")

    with pytest.raises(WaveformError):
        compute_peaks(junk)


def test_bucket_count_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="buckets"):
        compute_peaks(make_wav(tmp_path / "tone.wav"), buckets=0)
