"""`python -m bench.soak [--speed 20] [--tasks 100] [--kill-tasks 50]`: see bench.soak.

Prints one table per fault profile and per SIGKILL round; the exit code is 1 when a goal was
missed. Work folders go to a temporary directory, kept (and named) when something went wrong.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.soak.kill import KILL_MOMENTS, run_kill_round
from bench.soak.plan import PROFILES, Timing
from bench.soak.report import all_met, kill_rows, profile_rows, table
from bench.soak.run import RunSettings, run_profile


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__)
    parser.add_argument("--speed", type=float, default=20.0, help="divides every wait (20)")
    parser.add_argument("--tasks", type=int, default=100, help="jobs per fault profile (100)")
    parser.add_argument("--kill-tasks", type=int, default=50, help="jobs per SIGKILL round")
    parser.add_argument("--concurrency", type=int, default=8, help="runner slots (8)")
    parser.add_argument("--profiles", nargs="*", default=list(PROFILES))
    parser.add_argument("--kills", nargs="*", default=list(KILL_MOMENTS))
    parser.add_argument("--real-media", action="store_true", help="real media (slow)")
    parser.add_argument("--keep", action="store_true", help="keep the work folders")
    return parser.parse_args(argv)


async def soak(args: argparse.Namespace, work: Path) -> bool:
    timing = Timing(args.speed)
    settle_limit = max(600.0, 30.0 * args.tasks / args.speed)
    settings = RunSettings(args.tasks, timing, args.concurrency, args.real_media, settle_limit)
    met = True
    for number, profile in enumerate(args.profiles, start=1):
        result = await run_profile(profile, f"p{number}", work / f"profile-{number}", settings)
        rows = profile_rows(result)
        title = (
            f"Profile {profile}: {args.tasks} mixed tasks, {result.cancels} cancelled while "
            f"running, {result.seconds:.0f} s"
        )
        _say(table(title, rows, result.audit.problems))
        met = met and all_met(rows)
    for number, moment in enumerate(args.kills, start=1):
        folder = work / f"kill-{number}"
        killed = await run_kill_round(moment, f"k{number}", folder, args.kill_tasks, timing)
        rows = kill_rows(killed)
        title = (
            f"SIGKILL round {number}: {args.kill_tasks} tasks, {killed.moment}, "
            f"{killed.seconds:.0f} s"
        )
        _say(table(title, rows, killed.audit.problems))
        met = met and all_met(rows)
    return met


def _say(text: str) -> None:
    print(text + "\n", flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    work = Path(tempfile.mkdtemp(prefix="studio-soak-"))
    logging.basicConfig(
        filename=work / "soak.log",
        level=logging.INFO,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    started = time.monotonic()
    print(f"Soak at speed {args.speed:g} (work folder {work})\n", flush=True)
    met = asyncio.run(soak(args, work))
    print(
        f"{'Every goal met' if met else 'Some goals MISSED'} in {time.monotonic() - started:.0f} s"
    )
    if met and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"Work folders and logs kept in {work}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
