"""`python -m studio` starts the desktop app; `--check-library` checks the library without it."""

import sys

if "--check-library" in sys.argv[1:]:
    from studio.check_library import main as check_library

    raise SystemExit(check_library(sys.argv[1:]))

from studio.app import main

raise SystemExit(main())
