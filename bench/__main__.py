"""`python -m bench`: every measure of issue 12 beside its baseline, as a table (and JSON).

This process only orchestrates: every figure is taken in child processes (see bench.runner), so
it never imports Qt itself.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

from bench import table
from bench.measures import MEASURES, Measure, find
from bench.runner import DEFAULT_ROWS, Options, Row, Target


def build_parser() -> argparse.ArgumentParser:
    names = "\n".join(f"  {m.name:<20}{m.summary}" for m in MEASURES)
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Measure the studio against a baseline in the same run (issue 12).",
        epilog=f"measures (--only takes these names or a row key such as startup_marketplace):\n"
        f"{names}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--only", default="", help="comma-separated measures or row keys (default: all)"
    )
    parser.add_argument("--reps", type=_at_least_one, default=5, help="repetitions (default 5)")
    parser.add_argument(
        "--rows",
        type=_sizes,
        default=DEFAULT_ROWS,
        help="gallery sizes, comma-separated (default 10000,100000)",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    return parser


def _at_least_one(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sizes


def selection(only: str) -> list[tuple[Measure, set[str] | None]]:
    """The measures to run in table order, each with the row keys to keep (None = all)."""
    if not only:
        return [(measure, None) for measure in MEASURES]
    wanted: dict[str, set[str] | None] = {}
    for name in (part.strip() for part in only.split(",") if part.strip()):
        measure, key = find(name)
        if key is None:
            wanted[measure.name] = None
        elif measure.name not in wanted or wanted[measure.name] is not None:
            keys = wanted.setdefault(measure.name, set())
            assert keys is not None
            keys.add(key)
    return [(m, wanted[m.name]) for m in MEASURES if m.name in wanted]


def run(measure: Measure, keys: set[str] | None, options: Options) -> list[Row]:
    try:
        rows = measure.rows(options)
    except Exception as error:  # one broken measure must not hide the others' figures
        traceback.print_exc()
        failed = Target("—", lambda _row: False)
        return [Row(measure.name, measure.summary, "", [], [], failed, error=str(error))]
    return [row for row in rows if keys is None or row.key in keys]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        chosen = selection(args.only)
    except KeyError as unknown:
        parser.error(f"unknown measure or row: {unknown}")
    options = Options(reps=args.reps, rows=args.rows)
    began = time.monotonic()
    rows: list[Row] = []
    for measure, keys in chosen:
        rows += run(measure, keys, options)
    seconds = time.monotonic() - began
    print(table.render(rows, options, seconds), flush=True)
    if args.json is not None:
        table.write_json(args.json, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
