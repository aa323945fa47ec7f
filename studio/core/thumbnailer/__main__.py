"""``python -m studio.core.thumbnailer``: the thumbnail process (see _child)."""

import sys

from studio.core.thumbnailer import run_child

if __name__ == "__main__":
    sys.exit(run_child(sys.argv[1:]))
