"""Tests for the text preview: JSON, transcripts with timed chunks, and unknown files."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from studio.core.units import human_size
from studio.ui.preview.item import PreviewItem
from studio.ui.preview.text_format import (
    HEAD_BYTES,
    describe_file,
    format_output_text,
    format_timestamp,
)
from studio.ui.preview.text_view import TextView

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

TRANSCRIPT = {
    "text": "Hello there. General Kenobi.",
    "language": "en",
    "chunks": [
        {"text": " Hello there.", "timestamp": [1.2, 3.44]},
        {"text": " General Kenobi.", "timestamp": [3.44, 65.0]},
    ],
}


def test_transcript_chunks_become_timed_lines() -> None:
    assert format_output_text(json.dumps(TRANSCRIPT)) == (
        "[0:01.2 → 0:03.4] Hello there.\n[0:03.4 → 1:05.0] General Kenobi."
    )


def test_open_ended_chunk_shows_an_ellipsis() -> None:
    text = json.dumps({"chunks": [{"text": "tail", "timestamp": [7.0, None]}]})

    assert format_output_text(text) == "[0:07.0 → …] tail"


def test_other_json_is_pretty_printed_keeping_unicode() -> None:
    text = '{"images":[{"url":"https://x/1.png"}],"提示":"猫"}'

    assert format_output_text(text) == (
        '{\n  "images": [\n    {\n      "url": "https://x/1.png"\n    }\n  ],\n  "提示": "猫"\n}'
    )


def test_malformed_chunks_fall_back_to_pretty_json() -> None:
    text = json.dumps({"chunks": [{"text": "no stamps"}]})

    assert format_output_text(text).startswith('{\n  "chunks": [')


@pytest.mark.parametrize("text", ["plain words", "42", '"just a string"', ""])
def test_non_structured_text_is_unchanged(text: str) -> None:
    assert format_output_text(text) == text


def test_timestamp_and_size_formats() -> None:
    assert format_timestamp(0) == "0:00.0"
    assert format_timestamp(61.25) == "1:01.2"
    assert format_timestamp(59.96) == "1:00.0"
    assert human_size(512) == "512 B"
    assert human_size(1536) == "1.5 KB"
    assert human_size(5 * 1024 * 1024) == "5.0 MB"


def test_describe_text_file_shows_its_content(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("line one\nline two\n", encoding="utf-8")

    description = describe_file(path)

    assert description.startswith("notes.txt\ntext/plain · 18 B\n")
    assert description.endswith("line one\nline two\n")


def test_describe_json_file_pretty_prints(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text('{"a":1}', encoding="utf-8")

    assert describe_file(path).endswith('{\n  "a": 1\n}')


def test_describe_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(bytes(range(256)) * 40)

    assert describe_file(path).endswith("Binary file, 10 KB — no text preview.")


def test_describe_long_text_cut_mid_character(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    # "é" is two bytes; an odd prefix makes the head end in the middle of one.
    path.write_text("x" + "é" * HEAD_BYTES, encoding="utf-8")

    description = describe_file(path)

    assert "Binary" not in description
    assert description.endswith(f"[… first 64 KB of {human_size(path.stat().st_size)} shown]")


def test_text_view_renders_items(qtbot: QtBot, tmp_path: Path) -> None:
    view = TextView()
    qtbot.addWidget(view)

    view.show_item(PreviewItem("text", None, text=json.dumps(TRANSCRIPT)))
    assert view.toPlainText().splitlines()[0] == "[0:01.2 → 0:03.4] Hello there."
    assert view.isReadOnly()

    view.show_item(PreviewItem("other", None, url="https://cdn.example/out.bin"))
    assert view.toPlainText() == "Not downloaded yet."

    missing = tmp_path / "gone.bin"
    view.show_item(PreviewItem("other", missing))
    assert view.toPlainText().startswith("Cannot read gone.bin")
