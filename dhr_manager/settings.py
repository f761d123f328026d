"""User settings: one typed, declarative list, saved as JSON in the platform's config folder.

The list also builds the Settings screen (one source of truth, no hand-written form per setting), as Vorta does.
Settings hold no case data.
"""

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from dhr_manager.errors import InputError
from dhr_manager.paths import APP_NAME


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    label: str
    help: str
    minimum: int | None = None
    maximum: int | None = None
    shown: bool = True  # False for what the application remembers by itself (window geometry, last view)


SETTINGS = (
    Setting("auto_lock_minutes", 10, "Lock after idle minutes",
            "The workspace locks itself after this many minutes without keyboard or mouse use.", 1, 240),
    Setting("default_profile", "england-dhr-2016", "Process for new cases",
            "The process profile a new case follows unless you choose another."),
    Setting("window_geometry", "", "", "", shown=False),
    Setting("last_view", "dashboard", "", "", shown=False),
)
_BY_KEY = {setting.key: setting for setting in SETTINGS}


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.json"


class Settings:
    """Read once, written on every change; a damaged file falls back to the defaults instead of failing."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self._values: dict[str, Any] = {}
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = {}
        if isinstance(loaded, dict):
            for key, value in loaded.items():
                if key in _BY_KEY and type(value) is type(_BY_KEY[key].default):
                    self._values[key] = value

    def get(self, key: str) -> Any:
        return self._values.get(key, _BY_KEY[key].default)

    def set(self, key: str, value: Any) -> None:
        setting = _BY_KEY[key]
        if type(value) is not type(setting.default):
            raise InputError(f"{setting.label or key} must be a {type(setting.default).__name__}.")
        if setting.minimum is not None and value < setting.minimum:
            raise InputError(f"{setting.label} must be at least {setting.minimum}.")
        if setting.maximum is not None and value > setting.maximum:
            raise InputError(f"{setting.label} must be at most {setting.maximum}.")
        self._values[key] = value
        self._save()

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = self.path.with_name(self.path.name + ".partial")
        partial.write_text(json.dumps(self._values, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(partial, self.path)
