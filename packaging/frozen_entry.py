"""PyInstaller entry point: the studio, or the simulator when run as ``-m studio.sim``.

In a frozen app ``sys.executable`` is this bundle, so the studio's
``[sys.executable, "-m", "studio.sim", ...]`` child lands here; answering ``-m studio.sim`` like
Python would keeps the studio's code unchanged. ``--run-simulator ARGS`` is the same, spelled
for people.
"""

from __future__ import annotations

import sys

SIMULATOR_SPELLINGS = (["-m", "studio.sim"], ["--run-simulator"])


def simulator_args(argv: list[str]) -> list[str] | None:
    """The simulator's own arguments when argv asks for the simulator, else None."""
    for spelling in SIMULATOR_SPELLINGS:
        if argv[1 : 1 + len(spelling)] == spelling:
            return argv[1 + len(spelling) :]
    return None


def main() -> int:
    sim_args = simulator_args(sys.argv)
    if sim_args is not None:
        from studio.sim.__main__ import main as simulator_main

        sys.argv = ["mountsea-sim", *sim_args]
        return simulator_main(sim_args)
    from studio.app import main as studio_main

    return studio_main()


if __name__ == "__main__":
    sys.exit(main())
