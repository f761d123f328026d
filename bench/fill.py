"""Filling a workspace with many fictional cases quickly, for the benchmarks: one transaction, sealed exactly as
the services seal (the services' own one-transaction-per-action pace would take minutes for 1,000 cases)."""

from datetime import date, timedelta

from dhr_manager.domain.cases import PersonRole, Stage, Status
from dhr_manager.services.profiles import choose_profile, keep_profile
from dhr_manager.storage.schema import CaseRow, EventRow, PersonRow
from dhr_manager.storage.workspace import UnlockedWorkspace


def fill_cases(ws: UnlockedWorkspace, count: int, agencies: int = 0) -> None:
    """`count` cases with a victim; with `agencies` > 0, also a decision and a request to each agency."""
    profile = choose_profile(None)
    with ws.unit_of_work(write=True) as uow:
        keep_profile(uow.session, profile)
        for i in range(count):
            ref = f"DHR-BENCH-{i:04d}"
            notified = date(2025, 1, 1) + timedelta(days=i % 300)
            case = CaseRow(reference_index=ws.blind_index(ref), stage=Stage.PANEL.value if agencies else
                           Stage.NOTIFICATION.value, status=Status.OPEN.value, profile_id=profile.id,
                           profile_version=profile.version)
            for column, value in (("reference", ref), ("area", f"Fictional Area {i % 40}"),
                                  ("notified_on", notified), ("date_of_death", notified - timedelta(days=9))):
                uow.sealer.put(case, column, value)
            victim = PersonRow(case_id=case.id, role=PersonRole.VICTIM.value)
            for column, value in (("name", f"Fictional Person {i}"), ("pseudonym", f"Adult {i}")):
                uow.sealer.put(victim, column, value)
            uow.session.add_all([case, victim])
            uow.record("case.create", "cases", case.id, case.id)
            events = [("decision", 20, {"outcome": "hold", "rationale": "Criteria met"})] if agencies else []
            events += [("agency-request", 60, {"agency": f"Agency {a:02d}",
                                               "due": (notified + timedelta(days=102)).isoformat()})
                       for a in range(agencies)]
            for kind, offset, details in events:
                event = EventRow(case_id=case.id, kind=kind, recorded_by=ws.user.id)
                uow.sealer.put(event, "occurred_on", notified + timedelta(days=offset))
                uow.sealer.put(event, "details", details)
                uow.session.add(event)
