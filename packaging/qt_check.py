"""Exit 0 when Qt can open its platform here (the window's system libraries are present).

`make run` asks this before starting the studio when some packages look missing: a missing
library makes the import fail, a missing platform plugin dependency makes Qt abort.
"""

from __future__ import annotations

import sys


def main() -> int:
    try:
        from PySide6.QtGui import QGuiApplication
    except ImportError as error:
        print(f"Qt cannot start: {error}", file=sys.stderr)
        return 1
    QGuiApplication(sys.argv[:1])  # aborts with Qt's own message when the platform cannot load
    return 0


if __name__ == "__main__":
    sys.exit(main())
