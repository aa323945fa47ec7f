"""Where the studio keeps its files (``STUDIO_HOME`` overrides all), how it writes and names them.

The studio's folders are 0700 and its files 0600 where the platform has such modes.
"""

from studio.core.paths._atomic import atomic_writer, fsync_folder, stale_temps, write_atomically
from studio.core.paths._dirs import (
    APP_NAME,
    cache_dir,
    config_dir,
    data_dir,
    log_dir,
    outputs_dir,
    thumbnails_dir,
)
from studio.core.paths._names import name_part
from studio.core.paths._private import (
    PRIVATE_DIR_MODE,
    PRIVATE_FILE_MODE,
    make_private,
    open_private,
    private_dir,
)
from studio.core.paths._sidecars import (
    existing_sidecar,
    sidecar_owner,
    sidecar_path,
    sidecar_paths,
)
from studio.core.paths._space import RESERVE_BYTES, Reserve, is_disk_full
from studio.core.paths._write_behind import WriteBehind

__all__ = [
    "APP_NAME",
    "PRIVATE_DIR_MODE",
    "PRIVATE_FILE_MODE",
    "RESERVE_BYTES",
    "Reserve",
    "WriteBehind",
    "atomic_writer",
    "cache_dir",
    "config_dir",
    "data_dir",
    "existing_sidecar",
    "fsync_folder",
    "is_disk_full",
    "log_dir",
    "make_private",
    "name_part",
    "open_private",
    "outputs_dir",
    "private_dir",
    "sidecar_owner",
    "sidecar_path",
    "sidecar_paths",
    "stale_temps",
    "thumbnails_dir",
    "write_atomically",
]
