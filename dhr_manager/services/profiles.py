"""Which process profiles exist, and the copy of each that the workspace keeps for its cases.

Profiles ship in `resources/processes/`; an administrator can add or override one by putting a file in the
`processes` folder of the user configuration directory (so an installed copy need not be edited). When a case is
created, the profile text is stored in the workspace, and the case names its id and version: a later edit of the
file does not change a live case. Editing a profile without raising its version is refused, because cases
already using that version would silently follow different rules.
"""

from functools import lru_cache
from pathlib import Path

import platformdirs
from sqlalchemy import select
from sqlalchemy.orm import Session

from dhr_manager.domain.process import Profile, ProfileError, parse_profile
from dhr_manager.paths import APP_NAME
from dhr_manager.resources_path import resource
from dhr_manager.storage.schema import ProcessProfileRow

DEFAULT_PROFILE = "england-dhr-2016"


def local_profiles_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "processes"


def load_profile_file(path: Path) -> Profile:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"Process profile {path}: cannot be read ({exc}).") from None
    return parse_profile(text, str(path))


def available_profiles() -> dict[str, Profile]:
    """Every profile by id: shipped ones, then local ones, the highest version winning."""
    found: dict[str, Profile] = {}
    shipped = [(f"resources/processes/{p.name}", p.read_text(encoding="utf-8"))
               for p in resource("processes").iterdir() if p.name.endswith(".toml")]
    local_dir = local_profiles_dir()
    local = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(local_dir.glob("*.toml"))] \
        if local_dir.is_dir() else []
    for name, text in sorted(shipped) + local:
        profile = parse_profile(text, name)
        if profile.id not in found or profile.version >= found[profile.id].version:
            found[profile.id] = profile
    return found


def choose_profile(profile_id: str | None) -> Profile:
    profiles = available_profiles()
    wanted = profile_id or DEFAULT_PROFILE
    if wanted not in profiles:
        raise ProfileError(f"There is no process profile '{wanted}'; the profiles are: {', '.join(sorted(profiles))}.")
    return profiles[wanted]


def keep_profile(session: Session, profile: Profile) -> None:
    """Store the profile text in the workspace the first time a case uses this id and version."""
    kept = session.scalars(select(ProcessProfileRow).where(
        ProcessProfileRow.profile_id == profile.id, ProcessProfileRow.version == profile.version)).first()
    if kept is None:
        session.add(ProcessProfileRow(profile_id=profile.id, version=profile.version, digest=profile.digest,
                                      source=profile.source))
    elif kept.digest != profile.digest:
        raise ProfileError(
            f"The process profile {profile.id} version {profile.version} has been edited since cases started "
            "using it. Give the edited file a new version number, so that those cases keep their rules.")


@lru_cache(maxsize=32)
def _parse_kept(source: str, name: str) -> Profile:
    return parse_profile(source, name)


def kept_profile(session: Session, profile_id: str, version: int) -> Profile:
    """The profile a case runs under, exactly as it was when the case started using it."""
    row = session.scalars(select(ProcessProfileRow).where(
        ProcessProfileRow.profile_id == profile_id, ProcessProfileRow.version == version)).first()
    if row is not None:
        return _parse_kept(row.source, f"{profile_id} version {version} (kept in the workspace)")
    # Cases made before the workspace kept profiles: the file serves while it is still at that version.
    current = available_profiles().get(profile_id)
    if current is None or current.version != version:
        raise ProfileError(f"A case runs under process profile {profile_id} version {version}, which this "
                           "workspace does not hold and no profile file provides.")
    return current
