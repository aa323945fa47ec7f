"""The printed table and the JSON file: the same figures, one row (one JSON key) per measure."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from bench.runner import Options, Row

_LABEL = 46
_NUMBER = 12  # "1,135 MiB/s" and a space before it


def number(value: float | None, unit: str) -> str:
    """A figure with its unit, as many digits as its size deserves."""
    if value is None:
        return "—"
    if unit in ("", "×"):
        return f"{value:.2f}{unit}"
    digits = 1 if abs(value) < 100 else 0
    if unit == "s" or (unit == "ms" and abs(value) < 10):
        digits = 2 if abs(value) < 10 else 1
    return f"{value:,.{digits}f} {unit}"


def _ratio(row: Row) -> str:
    return "—" if row.ratio is None else f"{row.ratio:.2f}×"


def _result(row: Row) -> str:
    if row.error:
        return "ERROR"
    return "pass" if row.passed else "FAIL"


def machine() -> str:
    """One line about where the figures were taken."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in (
            Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace").splitlines()
        ):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    qt = _qt_version()
    return (
        f"{cpu}, {os.cpu_count()} cores, load {load}; Python {platform.python_version()}, "
        f"{qt}, {platform.system()} {platform.release()}, offscreen"
    )


def _qt_version() -> str:
    try:
        from importlib.metadata import version

        return f"PySide6 {version('PySide6-Essentials')}"
    except Exception:  # the bench runs without Qt in this process; a version is a nicety
        return "PySide6 ?"


def render(rows: Sequence[Row], options: Options, seconds: float) -> str:
    """The table as printed by `make bench`."""
    header = (
        f"{'measure':<{_LABEL}}{'studio':>{_NUMBER}}{'best':>{_NUMBER}}"
        f"{'baseline':>{_NUMBER}}{'best':>{_NUMBER}}{'ratio':>9}  {'target':<28}result"
    )
    lines = [
        f"Mountsea Studio bench — {options.reps} repetitions, studio and baseline interleaved; "
        f"medians, best = min (max for rates); ratio = median / median; {seconds / 60:.1f} min",
        f"  on {machine()}",
        "",
        header,
        "-" * len(header),
    ]
    for row in rows:
        lines.append(
            f"{row.label[: _LABEL - 1]:<{_LABEL}}"
            f"{number(row.studio_median, row.unit):>{_NUMBER}}"
            f"{number(row.studio_best, row.unit):>{_NUMBER}}"
            f"{number(row.baseline_median, row.unit):>{_NUMBER}}"
            f"{number(row.baseline_best, row.unit):>{_NUMBER}}"
            f"{_ratio(row):>9}  {row.target.text:<28}{_result(row)}"
        )
    passed = sum(row.passed for row in rows)
    lines += ["", f"{passed} of {len(rows)} rows at or under target.", "", "Rows:"]
    for row in rows:
        lines.append(f"  {row.key}: {row.label}")
        if row.baseline_label:
            lines.append(f"      baseline: {row.baseline_label}")
        if row.note:
            lines.append(f"      {row.note}")
        if row.error:
            lines.append("      ERROR: " + row.error.replace("\n", "\n      "))
    return "\n".join(lines)


def _unit_key(unit: str) -> str:
    return {"MiB/s": "mib_s", "×": "x", "": "value"}.get(unit, unit.lower().replace(" ", "_"))


def as_json(rows: Sequence[Row]) -> dict[str, Any]:
    """One key per row and nothing else, e.g. {"startup_first_paint": {"studio_ms": ..., ...}}."""
    figures: dict[str, Any] = {}
    for row in rows:
        unit = _unit_key(row.unit)
        figures[row.key] = {
            "label": row.label,
            f"studio_{unit}": row.studio_median,
            f"studio_best_{unit}": row.studio_best,
            f"baseline_{unit}": row.baseline_median,
            f"baseline_best_{unit}": row.baseline_best,
            "ratio": row.ratio,
            "target": row.target.text,
            "pass": row.passed,
            "unit": row.unit,
            "baseline": row.baseline_label,
            "samples": {"studio": row.studio, "baseline": row.baseline},
            "note": row.note,
            "error": row.error or None,
        }
    return figures


def write_json(path: Path, rows: Sequence[Row]) -> None:
    path.write_text(
        json.dumps(as_json(rows), indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
