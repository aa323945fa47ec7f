"""User settings: a frozen dataclass stored as a versioned JSON file, written atomically."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from studio.core import paths
from studio.core.paths import write_atomically

log = logging.getLogger("studio.settings")

SETTINGS_VERSION = 1
DEFAULT_BASE_URL = "https://api.mountsea.ai"
THEMES = ("system", "light", "dark")  # "system" follows the desktop's light/dark setting
LANGUAGES = ("system", "zh_CN", "en")  # "system" follows LANG/LANGUAGE and the desktop
_CHOICES: dict[str, tuple[str, ...]] = {"theme": THEMES, "language": LANGUAGES}


@dataclass(frozen=True)
class Settings:
    """Everything the user can change in the Settings dialog except the API key (see secrets.py)."""

    base_url: str = DEFAULT_BASE_URL
    download_dir: str = ""  # empty: the library's own outputs folder
    max_concurrent: int = 4
    notifications: bool = True
    sim_speed: float = 1.0  # how fast the embedded demo simulator runs
    theme: str = "system"  # one of THEMES
    language: str = "system"  # one of LANGUAGES; takes effect at the next start

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    def outputs_dir(self) -> Path:
        if self.download_dir:
            # A folder the user chose: created private if missing, else left as it is.
            return paths.private_dir(Path(self.download_dir).expanduser())
        return paths.outputs_dir()


def settings_file() -> Path:
    return paths.config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """Read settings; a missing or unreadable file, or an invalid field, falls back to defaults."""
    path = path or settings_file()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file unreadable, using defaults: %s", exc)
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    values = raw.get("values", raw)
    return _coerce(values if isinstance(values, dict) else {})


def _coerce(values: dict[str, Any]) -> Settings:
    defaults = Settings()
    kept: dict[str, Any] = {}
    for field in fields(Settings):
        value = values.get(field.name)
        default = getattr(defaults, field.name)
        if value is None:
            continue
        if isinstance(default, bool):
            if isinstance(value, bool):
                kept[field.name] = value
        elif isinstance(default, int):
            if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 64:
                kept[field.name] = value
        elif isinstance(default, float):
            if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
                kept[field.name] = float(value)
        elif isinstance(value, str) and value in _CHOICES.get(field.name, (value,)):
            kept[field.name] = value
    return replace(defaults, **kept)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_file()
    payload = {"version": SETTINGS_VERSION, "values": asdict(settings)}
    write_atomically(path, json.dumps(payload, indent=2).encode("utf-8"))
