"""Where the studio keeps its files (``STUDIO_HOME`` overrides all), and how it writes them."""

from studio.core.paths._atomic import stale_temps, write_atomically
from studio.core.paths._dirs import (
    APP_NAME,
    cache_dir,
    config_dir,
    data_dir,
    log_dir,
    outputs_dir,
)

__all__ = [
    "APP_NAME",
    "cache_dir",
    "config_dir",
    "data_dir",
    "log_dir",
    "outputs_dir",
    "stale_temps",
    "write_atomically",
]
