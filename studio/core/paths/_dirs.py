"""The folders of config, data, cache and logs (private: 0700); the only platformdirs caller."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from studio.core.paths._private import private_dir

APP_NAME = "MountseaStudio"


def _home() -> Path | None:
    value = os.environ.get("STUDIO_HOME")
    return Path(value) if value else None


def _dir(kind: str) -> Path:
    home = _home()
    if home is not None:
        path = home / kind
    else:
        finders = {
            "config": platformdirs.user_config_path,
            "data": platformdirs.user_data_path,
            "cache": platformdirs.user_cache_path,
            "logs": platformdirs.user_log_path,
        }
        path = finders[kind](APP_NAME, appauthor=False)
    return private_dir(path, tighten=True)


def config_dir() -> Path:
    """Settings and the fallback key file."""
    return _dir("config")


def data_dir() -> Path:
    """The library database and outputs."""
    return _dir("data")


def cache_dir() -> Path:
    """Catalog cache and thumbnails: safe to delete."""
    return _dir("cache")


def thumbnails_dir() -> Path:
    """Thumbnail files, under the cache: named where the studio runs, so a thumbnail process
    started earlier writes where the studio looks now."""
    return private_dir(cache_dir() / "thumbs")


def log_dir() -> Path:
    """Rotating log files."""
    return _dir("logs")


def outputs_dir() -> Path:
    """Downloaded outputs, unless the settings name another folder."""
    return private_dir(data_dir() / "outputs", tighten=True)
