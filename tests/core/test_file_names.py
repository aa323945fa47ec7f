"""Output file names: readable (day, prompt, model, short id), safe on every system, stable."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

import pytest

from studio.core.api import MediaKind, MediaRef
from studio.core.jobs import Job, destination_of, output_stem
from studio.core.jobs._names import model_of
from studio.core.paths import name_part, sidecar_owner, sidecar_path

if TYPE_CHECKING:
    from pathlib import Path

DAY = date(2026, 12, 2)
_REFUSED = set('<>:"/\\|?*')


def stem(prompt: str, endpoint: str = "google/nano-banana/text-to-image") -> str:
    return output_stem(prompt=prompt, endpoint=endpoint, local_id="a1b2c3d4e5f6", day=DAY, index=0)


def test_the_name_says_day_prompt_model_and_a_short_id() -> None:
    assert stem("lighthouse at dusk") == "2026-12-02 lighthouse at dusk · nano-banana · a1b2c3d4-0"
    retried = output_stem(
        prompt="x", endpoint="a/b/c", local_id="a1b2c3d4e5f6", day=DAY, index=2, attempt=3
    )
    assert retried == "2026-12-02 x · b · a1b2c3d4-a3-2"
    assert stem("", "openai/whisper-v3/transcribe") == "2026-12-02 whisper-v3 · a1b2c3d4-0"


@pytest.mark.parametrize(
    ("slug", "model"),
    [
        ("google/veo-3.1/fast/text-to-video", "veo-3.1-fast"),
        ("kuaishou/kling-v3/pro/image-to-video", "kling-v3-pro"),
        ("elevenlabs/elevenlabs-music/music-generate", "elevenlabs-music"),
        ("acme/pixel", "pixel"),
        ("solo", "solo"),
    ],
)
def test_the_model_comes_from_the_slug_not_the_catalog(slug: str, model: str) -> None:
    assert model_of(slug) == model  # the catalog's names may change; the file must be found


def test_a_chinese_prompt_stays_readable_and_within_bounds() -> None:
    prompt = "一只猫在草地上奔跑，阳光明媚，远处有山和湖泊，电影感，广角镜头"
    name = stem(prompt)
    words = name.split(" · ")[0].removeprefix("2026-12-02 ")
    assert prompt.startswith(words) and len(words) == 20  # 60 bytes: whole characters
    assert len(name.encode("utf-8")) < 120


def test_a_long_prompt_is_cut_at_a_word() -> None:
    prompt = "a very long prompt about a lighthouse standing on a cliff at dusk with gulls"
    words = stem(prompt).split(" · ")[0].removeprefix("2026-12-02 ")
    assert prompt.startswith(words) and not words.endswith(" ")
    assert len(words) <= 60 and prompt[len(words)] == " "


@pytest.mark.parametrize(
    "prompt",
    [
        "../../etc/passwd",
        "C:\\Windows\\system32",
        'what? a "quote" <b>|*</b>:',
        "line one\nline two\ttabbed\r\n",
        "evil\u202egpj.exe",  # a right-to-left override would show it as "exe.jpg"
        "zero\u200bwidth\ufeffjoiner\u200d",
        "\x00\x07bell\x1b[31m",
        "...hidden.",
        "   ",
        "CON",
        "NUL.txt",
    ],
)
def test_nothing_unsafe_reaches_a_name(prompt: str) -> None:
    name = stem(prompt) + ".png"
    assert not _REFUSED & set(name)
    assert all(unicodedata.category(char)[0] != "C" for char in name)
    assert name.startswith("2026-12-02 ")  # never a device name, never a leading dot
    assert "  " not in name and not name.split(" · ")[0].endswith((" ", "."))


def test_the_same_text_in_nfd_gives_the_same_name() -> None:
    composed = "Café crème"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed and stem(decomposed) == stem(composed)


def test_name_part_counts_bytes_and_keeps_whole_characters() -> None:
    assert name_part("ab😀cd", 5) == "ab"  # the emoji (4 bytes) does not fit after "ab"
    assert name_part("éééé", 5) == "éé"
    assert name_part(" . x . ", 10) == "x"


def test_an_unsafe_job_id_is_refused() -> None:
    with pytest.raises(ValueError, match="unsafe"):
        output_stem(prompt="x", endpoint="a/b", local_id="../x", day=DAY, index=0)


def test_a_restart_finds_the_same_file(tmp_path: Path) -> None:
    media = MediaRef(url="https://cdn/x.png", kind=MediaKind.IMAGE, content_type="image/png")
    when = datetime(2026, 12, 2, 12, tzinfo=UTC)
    job = Job(
        endpoint="google/nano-banana/text-to-image", input={"prompt": "a fox"}, created_at=when
    )
    first = destination_of(tmp_path, job, "ms-1", 0, media)
    again = Job(
        endpoint=job.endpoint, input=dict(job.input), local_id=job.local_id, created_at=when
    )
    assert destination_of(tmp_path, again, "ms-1", 0, media) == first
    # A file an earlier version saved under its id is that output's file.
    old = first.with_name(f"{job.local_id}-0.png")
    old.parent.mkdir(parents=True)
    old.write_bytes(b"png")
    assert destination_of(tmp_path, again, "ms-1", 0, media) == old


def test_sidecars_never_double_an_extension(tmp_path: Path) -> None:
    transcript = tmp_path / "2026-12-02 whisper-v3 · a1b2c3d4-0.json"
    picture = tmp_path / "2026-12-02 v2.0 logo · nano-banana · a1b2c3d4-0.png"
    assert sidecar_path(transcript).name == "2026-12-02 whisper-v3 · a1b2c3d4-0.sidecar.json"
    assert (
        sidecar_path(picture).name == "2026-12-02 v2.0 logo · nano-banana · a1b2c3d4-0.sidecar.json"
    )
    for file in (transcript, picture):
        file.write_bytes(b"x")
        sidecar_path(file).write_bytes(b"{}")
        assert sidecar_owner(sidecar_path(file)) == file
    assert sidecar_owner(transcript) is None  # a transcript is an output, not a sidecar
    legacy = tmp_path / "old-0.png.json"
    assert sidecar_owner(legacy) is None
    (tmp_path / "old-0.png").write_bytes(b"x")
    assert sidecar_owner(legacy) == tmp_path / "old-0.png"
