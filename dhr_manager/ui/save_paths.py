"""The file name an export offers: one that can be used, because an export never replaces a file."""

import re
from pathlib import Path

# Characters Windows refuses in a file name; a reference is typed by people and may contain one.
_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*]')


def free_path(folder: Path, stem: str, suffix: str) -> Path:
    """`stem` + `suffix` in `folder` (characters Windows refuses made "-"), numbered " (2)" and on when that name
    is taken."""
    stem = _NOT_IN_FILE_NAMES.sub("-", stem)
    path = folder / f"{stem}{suffix}"
    number = 2
    while path.exists():
        path = folder / f"{stem} ({number}){suffix}"
        number += 1
    return path
