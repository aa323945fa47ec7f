"""Output metadata: PNG/JPEG/WebP round trips without pixel changes, sidecars, probing."""

from __future__ import annotations

import json
import math
import struct
import wave
from typing import TYPE_CHECKING, Any, cast

import av
import pytest
from PIL import Image, ImageDraw

from studio.core.media import _metadata as metadata
from studio.core.media import (
    build_request,
    embed_metadata,
    probe,
    read_metadata,
    write_sidecar,
)
from studio.core.media._metadata import AI_SOURCE_TYPE
from studio.core.media._probe import MediaInfo

if TYPE_CHECKING:
    from pathlib import Path

REQUEST = build_request(
    "google/nano-banana/text-to-image",
    {
        "prompt": 'A fox, in snow: <golden> hour & "mist"\nsecond line 名前',
        "negative_prompt": "blur",
        "seed": 1234,
        "num_inference_steps": 28,
        "guidance_scale": 3.5,
        "image_size": {"width": 64, "height": 48},
    },
    task_id="ms-42",
    model="nano-banana",
)


def _picture(mode: str = "RGB") -> Image.Image:
    image = Image.new(mode, (64, 48), (10, 120, 200, 180) if mode == "RGBA" else (10, 120, 200))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 40, 40), fill=(250, 30, 30, 255) if mode == "RGBA" else (250, 30, 30))
    draw.line((0, 47, 63, 0), fill=(0, 0, 0, 255) if mode == "RGBA" else (0, 0, 0), width=3)
    return image


def _save(path: Path, mode: str = "RGB", **options: Any) -> Path:
    _picture(mode).save(path, **options)
    return path


def _pixels(path: Path) -> bytes:
    with Image.open(path) as image:
        return image.tobytes()


def test_png_round_trip(tmp_path: Path) -> None:
    path = _save(tmp_path / "out.png", "RGBA")
    before = _pixels(path)
    assert embed_metadata(path, REQUEST) is True
    assert _pixels(path) == before
    assert read_metadata(path) == REQUEST
    with Image.open(path) as image:
        assert image.format == "PNG"
        text = image.info["parameters"]
        xmp = image.info["XML:com.adobe.xmp"]
        assert json.loads(image.info["mountsea"]) == REQUEST
    assert text.startswith("A fox, in snow")
    assert "\nNegative prompt: blur\n" in text
    assert "Steps: 28" in text and "Seed: 1234" in text and "CFG scale: 3.5" in text
    assert "Size: 64x48" in text and "Model: nano-banana" in text
    assert AI_SOURCE_TYPE in xmp


def test_png_embedding_twice_replaces_and_keeps_other_chunks(tmp_path: Path) -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "from the server")
    path = tmp_path / "again.png"
    _picture().save(path, pnginfo=info)
    embed_metadata(path, REQUEST)
    second = {**REQUEST, "task_id": "ms-43"}
    embed_metadata(path, second)
    data = path.read_bytes()
    assert data.count(b"iTXtmountsea") == 1 and data.count(b"iTXtparameters") == 1
    assert read_metadata(path) == second
    with Image.open(path) as image:
        assert image.info["Comment"] == "from the server"


def test_png_with_only_parameters_from_another_tool(tmp_path: Path) -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("parameters", "a castle\nat night\nNegative prompt: ugly\nSteps: 20, Seed: 5")
    path = tmp_path / "a1111.png"
    _picture().save(path, pnginfo=info)
    found = read_metadata(path)
    assert found is not None
    assert found["input"] == {"prompt": "a castle\nat night", "negative_prompt": "ugly"}


def test_jpeg_round_trip_keeps_scan_data_and_exif(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    path = _save(tmp_path / "out.jpg", quality=90, exif=exif.tobytes())
    original = path.read_bytes()
    embed_metadata(path, REQUEST)
    updated = path.read_bytes()
    scan_start = original.index(b"\xff\xda")
    assert updated.endswith(original[scan_start:])  # entropy-coded data untouched
    assert read_metadata(path) == REQUEST
    with Image.open(path) as image:
        assert AI_SOURCE_TYPE in image.info["xmp"].decode()
        assert image.getexif()[0x010F] == "CameraMaker"
    embed_metadata(path, REQUEST)
    assert path.read_bytes().count(b"http://ns.adobe.com/xap/1.0/\x00") == 1


def test_jpeg_request_too_big_for_one_segment_goes_to_the_sidecar(tmp_path: Path) -> None:
    path = _save(tmp_path / "big.jpg", quality=80)
    huge = build_request("e/x", {"prompt": "p" * 70_000})
    embed_metadata(path, huge)
    with Image.open(path) as image:
        assert AI_SOURCE_TYPE in image.info["xmp"].decode()
    assert read_metadata(path) is None
    write_sidecar(path, huge, {})
    assert read_metadata(path) == huge


@pytest.mark.parametrize(
    ("mode", "options"),
    [
        ("RGB", {"lossless": True}),
        ("RGBA", {"lossless": True}),
        ("RGB", {"quality": 80}),
        ("RGBA", {"quality": 80}),
    ],
)
def test_webp_round_trip_without_reencoding(
    tmp_path: Path, mode: str, options: dict[str, Any]
) -> None:
    path = _save(tmp_path / "out.webp", mode, **options)
    before = _pixels(path)
    original = path.read_bytes()
    embed_metadata(path, REQUEST)
    assert _pixels(path) == before
    assert read_metadata(path) == REQUEST
    with Image.open(path) as image:
        assert image.mode == mode
        assert image.size == (64, 48)
        assert AI_SOURCE_TYPE in image.info["xmp"].decode()
    assert len(path.read_bytes()) > len(original)
    embed_metadata(path, {**REQUEST, "task_id": "ms-2"})
    assert path.read_bytes().count(b"XMP ") == 1
    assert read_metadata(path)["task_id"] == "ms-2"  # type: ignore[index]


def test_other_formats_are_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"\x00\x00\x00\x18ftypmp42 not really")
    assert embed_metadata(path, REQUEST) is False
    assert path.read_bytes() == b"\x00\x00\x00\x18ftypmp42 not really"
    assert read_metadata(path) is None


def test_sidecar_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"video")
    sidecar = write_sidecar(path, REQUEST, {"sha256": "ab", "size": 5})
    assert sidecar == tmp_path / "clip.sidecar.json"
    document = json.loads(sidecar.read_text())
    assert document["format"] == metadata.SIDECAR_FORMAT
    assert document["sha256"] == "ab"
    assert read_metadata(path) == REQUEST
    assert read_metadata(sidecar) == REQUEST  # the sidecar itself dropped on the window
    assert list(tmp_path.glob("*.tmp")) == []


def test_a_sidecar_named_as_before_is_read_and_replaced(tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"video")
    legacy = tmp_path / "clip.mp4.json"  # how versions before readable names named it
    write_sidecar(path, REQUEST).rename(legacy)
    assert read_metadata(path) == REQUEST
    assert write_sidecar(path, REQUEST) == tmp_path / "clip.sidecar.json"
    assert not legacy.exists()  # written again under the new name only


def test_a_transcript_has_a_sidecar_not_a_json_json(tmp_path: Path) -> None:
    path = tmp_path / "talk-0.json"
    path.write_text('{"text": "hello"}', encoding="utf-8")
    sidecar = write_sidecar(path, REQUEST)
    assert sidecar.name == "talk-0.sidecar.json"
    assert read_metadata(path) == REQUEST  # the transcript's own request, from its sidecar


def test_embedded_wins_over_sidecar_and_garbage_is_none(tmp_path: Path) -> None:
    path = _save(tmp_path / "x.png")
    embed_metadata(path, REQUEST)
    write_sidecar(path, build_request("other/endpoint", {"prompt": "other"}), {})
    assert read_metadata(path) == REQUEST
    junk = tmp_path / "junk.json"
    junk.write_text("{not json")
    assert read_metadata(junk) is None
    (tmp_path / "list.json").write_text("[1, 2]")
    assert read_metadata(tmp_path / "list.json") is None
    broken = tmp_path / "broken.png"
    broken.write_bytes(path.read_bytes()[:60])
    assert read_metadata(broken) is None


def test_atomic_rewrite_keeps_mode(tmp_path: Path) -> None:
    path = _save(tmp_path / "mode.png")
    path.chmod(0o640)
    embed_metadata(path, REQUEST)
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mode.png"]


def test_probe_image(tmp_path: Path) -> None:
    info = probe(_save(tmp_path / "p.webp", quality=70))
    assert info == MediaInfo("image/webp", 64, 48, None)
    assert probe(_save(tmp_path / "p.png")).media_type == "image/png"


def test_probe_video(tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    with av.open(str(path), "w") as container:
        stream = container.add_stream("mpeg4", rate=10)
        stream.width, stream.height, stream.pix_fmt = 32, 24, "yuv420p"
        for _ in range(10):
            frame = cast("Any", av.VideoFrame).from_image(_picture().resize((32, 24)))
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    info = probe(path)
    assert info.media_type == "video/mp4"
    assert (info.width, info.height) == (32, 24)
    assert info.duration is not None and 0.8 <= info.duration <= 1.2


def test_probe_audio_and_unknown(tmp_path: Path) -> None:
    path = tmp_path / "tone.wav"
    with wave.open(str(path), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        samples = (int(8000 * math.sin(i / 5)) for i in range(4000))
        sound.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    info = probe(path)
    assert info.media_type in ("audio/wav", "audio/x-wav")
    assert (info.width, info.height) == (None, None)
    assert info.duration is not None and abs(info.duration - 0.5) < 0.05
    odd = tmp_path / "mystery.qqq"
    odd.write_bytes(b"\x01\x02\x03 nothing known")
    assert probe(odd) == MediaInfo("application/octet-stream", None, None, None)
