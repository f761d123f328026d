"""Writing an export (a calendar, a return) to the user's chosen file: never over an existing file, never half.

The bytes go to a hidden file beside the target first and are renamed into place only when complete, so a full
disk or a crash never leaves a truncated calendar that a calendar app would import without complaint.
"""

import os
from pathlib import Path

from dhr_manager.errors import InputError


def check_target(out: Path, suffix: str, what: str) -> Path:
    """Refuse a wrong extension or an existing file before any work is done, with words for the coordinator."""
    out = Path(out)
    if out.suffix.lower() != suffix:
        raise InputError(f"Save the {what} as a {suffix} file: give a file name ending in {suffix}.")
    if out.exists():
        raise InputError(f"{out} already exists; choose a new file name.")
    return out


def write_new_file(out: Path, data: bytes, suffix: str, what: str) -> Path:
    """Write `data` to `out`, which must not exist yet; returns the path written."""
    out = check_target(out, suffix, what)
    partial = out.with_name(f".{out.name}.partial")
    try:
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # A link fails if the name was taken meanwhile, where a rename would silently replace the other file.
        try:
            os.link(partial, out)
        except FileExistsError:
            raise InputError(f"{out} already exists; choose a new file name.") from None
        except OSError:  # a file system without hard links (some network shares): the check above must do
            if out.exists():
                raise InputError(f"{out} already exists; choose a new file name.") from None
            os.replace(partial, out)
    except OSError as exc:
        raise InputError(f"Could not write {out}: {exc.strerror or exc}.") from None
    finally:
        partial.unlink(missing_ok=True)
    return out
