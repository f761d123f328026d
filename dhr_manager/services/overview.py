"""Every case at a glance, with its deadlines: for the case list, the dashboard and the deadline timeline."""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from dhr_manager.domain.cases import UNREADABLE, PersonRole, Stage, Status
from dhr_manager.domain.process import Profile
from dhr_manager.domain.roles import Permission
from dhr_manager.domain.workflow import Deadline, DeadlineStatus, deadlines, next_deadline
from dhr_manager.services.case_access import readable_case_ids
from dhr_manager.services.workflow import case_profile, load_all_facts
from dhr_manager.storage.schema import CaseRow, PersonRow
from dhr_manager.storage.workspace import UnlockedWorkspace


@dataclass(frozen=True)
class CaseOverview:
    reference: str
    area: str
    victim_pseudonym: str | None
    stage: Stage
    status: Status
    notified: date | None
    profile: str
    deadlines: list[Deadline] = field(default_factory=list)
    stage_entered: dict[Stage, date] = field(default_factory=dict)

    @property
    def next_deadline(self) -> Deadline | None:
        return next_deadline(self.deadlines)

    @property
    def live(self) -> bool:
        return self.status in (Status.OPEN, Status.PAUSED)

    def open_deadlines(self) -> list[Deadline]:
        return [d for d in self.deadlines if d.status is not DeadlineStatus.MET]


def case_overviews(ws: UnlockedWorkspace, today: date | None = None) -> list[CaseOverview]:
    """Every case the user may read, decrypted once, with its deadlines computed for `today`."""
    ws.require(Permission.READ_ASSIGNED_CASES)
    today = today or date.today()
    with ws.unit_of_work() as uow:
        allowed = readable_case_ids(ws, uow)
        victims = {p.case_id: p for p in uow.session.scalars(
            select(PersonRow).where(PersonRow.role == PersonRole.VICTIM.value))}
        cases = [c for c in uow.session.scalars(select(CaseRow)) if allowed is None or c.id in allowed]
        all_facts = load_all_facts(uow, cases)
        profiles: dict[tuple[str, int], Profile] = {}  # one look-up per profile version, not per case
        result = []
        for case in cases:
            flags: list[str] = []
            victim = victims.get(case.id)
            facts = all_facts[case.id]
            entered = {Stage.NOTIFICATION: facts.notified}
            for event in facts.ordered():
                if event.kind.value == "stage-entered":
                    entered.setdefault(Stage(event.details["stage"]), event.on)
            key = (case.profile_id, case.profile_version)
            profile = profiles[key] if key in profiles else profiles.setdefault(key, case_profile(uow, case))
            result.append(CaseOverview(
                reference=uow.sealer.get_or_flag(case, "reference", flags) or UNREADABLE,
                area=uow.sealer.get_or_flag(case, "area", flags) or UNREADABLE,
                victim_pseudonym=uow.sealer.get_or_flag(victim, "pseudonym", flags) if victim else None,
                stage=Stage(case.stage), status=Status(case.status), notified=facts.notified,
                profile=f"{profile.id} v{profile.version}", deadlines=deadlines(profile, facts, today),
                stage_entered=entered))
    return sorted(result, key=lambda o: (o.next_deadline is None,
                                         o.next_deadline.due if o.next_deadline else date.max, o.reference))
