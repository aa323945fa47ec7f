"""Duration stats for ETAs, Job time arithmetic, and the names outputs are saved under."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from studio.core.api import MediaKind, MediaRef
from studio.core.jobs import DurationStats, Job, JobStatus, output_path
from studio.core.jobs._eta import STATS_FILE_NAME
from studio.core.jobs._files import extension_for
from studio.core.media._files import sanitize_extension
from tests.core.test_tasks_fakes import ENDPOINT

if TYPE_CHECKING:
    from pathlib import Path


def test_eta_is_median_minus_elapsed_floored_at_zero() -> None:
    stats = DurationStats()
    assert stats.median("a") is None and stats.eta("a", 3.0) is None
    for seconds in (10.0, 40.0, 20.0):
        stats.record("a", seconds)
    stats.record("b", 99.0)

    assert stats.median("a") == 20.0
    assert stats.eta("a", 5.0) == 15.0
    assert stats.eta("a", 25.0) == 0.0


def test_only_recent_samples_count() -> None:
    stats = DurationStats(max_samples=2)
    for seconds in (100.0, 1.0, 3.0):
        stats.record("a", seconds)
    assert stats.median("a") == 2.0


def test_stats_persist_and_survive_a_broken_file(studio_home: Path) -> None:
    stats = DurationStats.in_cache_dir()
    stats.record("a", 12.0)
    path = studio_home / "cache" / STATS_FILE_NAME
    assert path.is_file()
    assert DurationStats.in_cache_dir().median("a") == 12.0

    path.write_text('{"a": [1, "x", -3, true, 5]} trailing', encoding="utf-8")
    assert DurationStats.in_cache_dir().median("a") is None
    path.write_text('{"a": [1, "x", -3, true, 5], "b": "no"}', encoding="utf-8")
    assert DurationStats.in_cache_dir().median("a") == 3.0


def test_job_elapsed_and_eta() -> None:
    start = datetime(2026, 5, 18, 9, 0, tzinfo=UTC)
    job = Job(endpoint=ENDPOINT, input={"prompt": "  a cat  "}, expected_s=30.0)
    assert job.elapsed_s(start) is None and job.prompt == "a cat"

    running = Job(
        endpoint=ENDPOINT,
        input={},
        status=JobStatus.PROCESSING,
        submitted_at=start,
        expected_s=30.0,
    )
    assert running.elapsed_s(start + timedelta(seconds=12)) == 12.0
    assert running.eta_s(start + timedelta(seconds=12)) == 18.0
    assert running.eta_s(start + timedelta(seconds=50)) == 0.0

    done = Job(
        endpoint=ENDPOINT,
        input={},
        status=JobStatus.SUCCEEDED,
        submitted_at=start,
        finished_at=start + timedelta(seconds=7),
        expected_s=30.0,
    )
    assert done.elapsed_s(start + timedelta(hours=1)) == 7.0
    assert done.eta_s() is None


@pytest.mark.parametrize(
    ("url", "content_type", "expected"),
    [
        ("https://x/y/out", "image/jpeg", "jpg"),
        ("https://x/y/out.WEBP?sig=1", None, "webp"),
        ("https://x/y/out.mp4", "video/mp4; codecs=avc1", "mp4"),
        ("https://x/y/../evil.sh", None, "sh"),
        ("https://x/y/evil.sh%2F..%2F..%2Fpasswd", None, "bin"),
        ("https://x/y/archive.tar.verylong", None, "bin"),
        ("https://x/y/noext", "application/x-weird", "bin"),
        ("https://x/y/a.p-g", None, "bin"),
    ],
)
def test_extension_is_sanitised(url: str, content_type: str | None, expected: str) -> None:
    media = MediaRef(url=url, kind=MediaKind.IMAGE, content_type=content_type)
    assert extension_for(media) == expected


def test_sanitize_extension() -> None:
    assert sanitize_extension(".PNG") == "png"
    assert sanitize_extension("") is None
    assert sanitize_extension("../x") is None
    assert sanitize_extension("abcdef") is None


def test_output_path_ignores_the_server_file_name(tmp_path: Path) -> None:
    media = MediaRef(
        url="https://cdn/../../evil.sh", kind=MediaKind.OTHER, file_name="../../evil.sh"
    )
    when = datetime(2026, 5, 18, 12, 0, tzinfo=UTC)
    path = output_path(tmp_path, "abc123", 2, media, when=when, attempt=1, prompt="../../evil")

    assert path.parent.parent == tmp_path
    day = when.astimezone().date().isoformat()
    assert path.name == f"{day} evil · abc123-2.sh"
    third = output_path(tmp_path, "abc123", 0, media, when=when, attempt=3, endpoint="a/b/c")
    assert third.name == f"{day} b · abc123-a3-0.sh"
    with pytest.raises(ValueError, match="unsafe"):
        output_path(tmp_path, "../x", 0, media, when=when, attempt=1)


def test_no_countdown_for_runs_that_usually_take_a_moment() -> None:
    quick = Job(endpoint="a/b/c", input={}, status=JobStatus.QUEUED, expected_s=0.8)
    assert quick.eta_s() is None
    slow = Job(endpoint="a/b/c", input={}, status=JobStatus.QUEUED, expected_s=30.0)
    assert slow.eta_s() == 30.0  # not sent yet: the whole typical duration is ahead
