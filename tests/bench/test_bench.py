"""The bench's table, JSON and selection, and one small end-to-end run (no timed assertions)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.__main__ import selection
from bench.runner import (
    Options,
    Row,
    Target,
    all_of,
    at_most,
    at_most_scaled,
    ratio_at_least,
    ratio_at_most,
)
from bench.table import as_json, render

_ROOT = Path(__file__).resolve().parents[2]


def _row(
    studio: list[float],
    baseline: list[float],
    target: Target | None = None,
    *,
    higher_is_better: bool = False,
    error: str = "",
) -> Row:
    return Row(
        "k", "a measure", "ms", studio, baseline, target or ratio_at_most(2),
        higher_is_better=higher_is_better, error=error,
    )  # fmt: skip


def test_a_row_compares_medians_and_shows_the_best() -> None:
    row = _row([30.0, 10.0, 20.0], [10.0, 9.0, 11.0])
    assert (row.studio_median, row.studio_best, row.baseline_best) == (20.0, 10.0, 9.0)
    assert row.ratio == 2.0
    assert row.passed


def test_rates_count_the_largest_sample_as_best() -> None:
    row = _row([100.0, 300.0], [400.0], target=ratio_at_least(0.8), higher_is_better=True)
    assert row.studio_best == 300.0
    assert not row.passed  # 200 / 400


def test_combined_targets_need_every_part() -> None:
    target = all_of(at_most(16, "ms"), ratio_at_most(4))
    assert target.text == "≤ 16 ms and ≤ 4×"
    assert not _row([20.0], [10.0], target=target).passed
    assert _row([12.0], [10.0], target=target).passed
    assert _row([250.0], [100.0], target=at_most_scaled(1.5, 100, "MB")).passed
    assert not _row([251.0], [100.0], target=at_most_scaled(1.5, 100, "MB")).passed


def test_a_row_without_samples_or_with_an_error_fails() -> None:
    assert not _row([], [1.0]).passed
    assert not _row([1.0], [1.0], error="it broke").passed


def test_json_has_one_key_per_row_with_the_printed_figures() -> None:
    rows = [_row([20.0, 22.0], [10.0]), Row("other", "b", "MiB/s", [5.0], [], at_most(1, "x"))]
    figures = as_json(rows)
    assert list(figures) == ["k", "other"]
    assert figures["k"]["studio_ms"] == 21.0
    assert figures["k"]["ratio"] == 2.1
    assert figures["k"]["pass"] is False
    assert figures["other"]["baseline_mib_s"] is None
    printed = render(rows, Options(reps=2), 60.0)
    assert "a measure" in printed and "2.10×" in printed and "FAIL" in printed


def test_only_takes_measures_and_row_keys() -> None:
    assert [m.name for m, _ in selection("")][:2] == ["startup", "rss_idle"]
    chosen = selection("startup_marketplace,polls")
    assert [(m.name, keys) for m, keys in chosen] == [
        ("startup", {"startup_marketplace"}),
        ("polls", None),
    ]
    assert selection("gallery_100k_rss")[0][1] == {"gallery_100k_rss"}
    with pytest.raises(KeyError):
        selection("nonsense")


@pytest.mark.slow
def test_a_small_gallery_run_writes_valid_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_ROOT), env.get("PYTHONPATH")) if p)
    command = [sys.executable, "-m", "bench", "--only", "gallery", "--rows", "200"]
    done = subprocess.run(
        [*command, "--reps", "1", "--json", str(out)],
        cwd=_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert set(figures) == {f"gallery_200_{m}" for m in ("first_paint", "stall", "scroll", "rss")}
    for row in figures.values():
        assert row["error"] is None
        assert len(row["samples"]["studio"]) == len(row["samples"]["baseline"]) == 1
        assert isinstance(row["pass"], bool)
    assert "gallery 200: first paint" in done.stdout
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith("bench-")]
    assert leftovers == []  # the bench removed its temporary folders
