"""The combined chronology of a realistic three-agency case, asserted entry by entry."""

from datetime import date, time

from dhr_manager.domain.chronology import ChronologyEntry, likely_duplicates, merged, outside_scope
from dhr_manager.domain.chronology_dates import parse_chronology_date, parse_chronology_time

TODAY = date(2026, 11, 22)


def entry(id_: str, agency: str, when: str, event: str, at: str = "", row: int = 1) -> ChronologyEntry:
    return ChronologyEntry(id_, agency, parse_chronology_date(when, TODAY), parse_chronology_time(at), "", event, "",
                           "", row=row)


POLICE = [
    entry("p1", "Northshire Police", "14/03/2021", "Call to address: verbal argument reported by neighbour", "22:40"),
    entry("p2", "Northshire Police", "March 2021", "Several calls about noise at the address (dates not recorded)"),
    entry("p3", "Northshire Police", "02/06/2021", "DASH risk assessment completed with Adult A: medium risk"),
]
GP = [
    entry("g1", "Northshire ICB (GP)", "14/03/2021", "Adult A attended with bruising to arm, said she fell"),
    entry("g2", "Northshire ICB (GP)", "c. 2018", "Registered with the practice"),
    entry("g3", "Northshire ICB (GP)", "02/06/2021", "DASH risk assessment completed with Adult A - medium risk"),
]
HOUSING = [
    entry("h1", "Harbour Housing", "Spring 2021", "Tenancy officer visit; no concerns noted"),
    entry("h2", "Harbour Housing", "14/03/2021", "Repair request logged for broken door", "09:15"),
]


def test_entries_merge_by_date_then_time_with_approximate_dates_at_the_start_of_their_range() -> None:
    order = [e.id for e in merged(POLICE + GP + HOUSING)]
    assert order == ["g2", "h1", "p2", "g1", "h2", "p1", "g3", "p3"]
    # c. 2018 (1 Jan 2018); Spring 2021 and March 2021 both start on 1 March (agencies alphabetically); 14 March:
    # the GP's entry (no time) before Housing's at 09:15 before the police's at 22:40; 2 June: alphabetically.
    approximate = {e.id for e in merged(POLICE + GP + HOUSING) if e.when.approximate}
    assert approximate == {"g2", "p2", "h1"}


def test_same_day_similar_entries_from_different_agencies_are_flagged_not_dropped() -> None:
    everything = POLICE + GP + HOUSING
    flags = likely_duplicates(everything)
    assert flags == {"p3": ["g3"], "g3": ["p3"]}
    assert len(merged(everything)) == 8


def test_the_same_agency_or_a_different_day_is_never_a_duplicate() -> None:
    again = entry("p4", "Northshire Police", "02/06/2021", "DASH risk assessment completed with Adult A: medium risk")
    other_day = entry("g4", "Northshire ICB (GP)", "03/06/2021", "DASH risk assessment completed with Adult A")
    assert likely_duplicates([POLICE[2], again, other_day]) == {}


def test_entries_outside_the_scoping_period_are_marked() -> None:
    scope = (date(2019, 1, 1), date(2021, 5, 31))
    outside = {e.id for e in POLICE + GP + HOUSING if outside_scope(e, scope)}
    assert outside == {"g2", "p3", "g3"}  # c. 2018 ends on 31 Dec 2018, before the scope begins
    assert not outside_scope(GP[1], None)


def test_times_and_rows_break_ties() -> None:
    first = entry("a", "Agency", "01/01/2020", "x", "", row=2)
    second = entry("b", "Agency", "01/01/2020", "y", "", row=1)
    assert [e.id for e in merged([first, second])] == ["b", "a"]
    assert first.at is None and entry("c", "A", "01/01/2020", "z", "9am").at == time(9, 0)
