"""PyInstaller entry point: the studio, the simulator when run as ``-m studio.sim``, or the
thumbnail process when run as ``-m studio.core.thumbnailer``.

In a frozen app ``sys.executable`` is this bundle, so the studio's
``[sys.executable, "-m", "studio.sim", ...]`` and ``[sys.executable, "-m",
"studio.core.thumbnailer", PID]`` children land here; answering ``-m`` like Python would keeps
the studio's code unchanged. ``--run-simulator ARGS`` is the simulator, spelled for people.
"""

from __future__ import annotations

import sys

SIMULATOR_SPELLINGS = (["-m", "studio.sim"], ["--run-simulator"])
THUMBNAILER_SPELLING = ["-m", "studio.core.thumbnailer"]


def simulator_args(argv: list[str]) -> list[str] | None:
    """The simulator's own arguments when argv asks for the simulator, else None."""
    for spelling in SIMULATOR_SPELLINGS:
        if argv[1 : 1 + len(spelling)] == spelling:
            return argv[1 + len(spelling) :]
    return None


def main() -> int:
    if sys.argv[1:3] == THUMBNAILER_SPELLING:
        from studio.core.thumbnailer import run_child

        return run_child(sys.argv[3:])
    sim_args = simulator_args(sys.argv)
    if sim_args is not None:
        from studio.sim.__main__ import main as simulator_main

        sys.argv = ["mountsea-sim", *sim_args]
        return simulator_main(sim_args)
    from studio.app import main as studio_main

    return studio_main()


if __name__ == "__main__":
    sys.exit(main())
