"""Issue 3 figure: computing deadlines and tasks for 1,000 live cases with 30 agencies each.

Run: .venv/bin/python bench/workflow.py   (prints figures; asserts nothing). Target: at most 200 ms.
The facts are built in memory, as the services hold them after decrypting; decryption is measured in
bench/workspace.py.
"""

import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dhr_manager.domain.events import Event, EventKind
from dhr_manager.domain.workflow import CaseFacts, Pause, deadlines, derive_tasks
from dhr_manager.services.profiles import available_profiles

TODAY = date(2026, 11, 22)


def make_case(i: int) -> CaseFacts:
    notified = date(2024, 1, 1) + timedelta(days=i % 600)
    events = [
        Event(f"{i}-r", EventKind.REFERRAL, notified),
        Event(f"{i}-d", EventKind.DECISION, notified + timedelta(days=20), {"outcome": "hold"}),
        Event(f"{i}-h", EventKind.HOME_OFFICE_NOTIFIED, notified + timedelta(days=24)),
        Event(f"{i}-s1", EventKind.STAGE_ENTERED, notified + timedelta(days=24), {"stage": "panel"}),
        Event(f"{i}-c", EventKind.CHAIR_APPOINTED, notified + timedelta(days=40), {"name": "Chair"}),
        Event(f"{i}-t", EventKind.TOR_AGREED, notified + timedelta(days=55)),
    ]
    events += [Event(f"{i}-p{m}", EventKind.PANEL_MEETING, notified + timedelta(days=55 + 60 * m)) for m in range(4)]
    for a in range(30):
        agency = f"Agency {a:02d}"
        asked = notified + timedelta(days=60 + a % 5)
        events.append(Event(f"{i}-as{a}", EventKind.AGENCY_SCOPED, asked - timedelta(days=3), {"agency": agency}))
        events.append(Event(f"{i}-aq{a}", EventKind.AGENCY_REQUEST, asked,
                            {"agency": agency, "due": (asked + timedelta(weeks=6)).isoformat()}))
        if a % 3:
            events.append(Event(f"{i}-ar{a}", EventKind.AGENCY_RETURN, asked + timedelta(days=40),
                                {"agency": agency, "return_kind": "return"}))
    pauses = (Pause("criminal-trial", notified + timedelta(days=100), notified + timedelta(days=160)),) \
        if i % 4 == 0 else ()
    return CaseFacts(f"case-{i}", notified, tuple(events), pauses)


def main() -> None:
    profile = available_profiles()["england-dhr-2016"]
    cases = [make_case(i) for i in range(1000)]
    print(f"{len(cases)} cases, {sum(len(c.events) for c in cases):,} events")

    def run(include_closed: bool) -> tuple[int, int]:
        """Fresh facts each time (the decrypted events are reused), as the services build them per request."""
        d = t = 0
        for stored in cases:
            facts = CaseFacts(stored.case_id, stored.notified, stored.events, stored.pauses)
            d += len(deadlines(profile, facts, TODAY))
            t += len(derive_tasks(profile, facts, TODAY, include_closed))
        return d, t

    run(True)  # warm the calendar tables once, as a running application has
    for include_closed, what in ((False, "open tasks (task list, dashboard)"),
                                 (True, "all tasks, done ones too (tasks --all)")):
        counts, times = run(include_closed), []
        for _ in range(9):
            start = time.perf_counter()
            run(include_closed)
            times.append(time.perf_counter() - start)
        print(f"deadlines ({counts[0]:,}) + {what} ({counts[1]:,}) for 1,000 cases x 30 agencies: "
              f"median {statistics.median(times) * 1000:.0f} ms, best {min(times) * 1000:.0f} ms (target <= 200 ms)")


if __name__ == "__main__":
    main()
