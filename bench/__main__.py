"""`python -m bench`: run every benchmark offscreen on one qasync loop and print the figures."""

from __future__ import annotations

import os
import sys


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync

    from bench import gallery_bench

    printed = qasync.run(gallery_bench.run())
    print(printed)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
