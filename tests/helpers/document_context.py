"""A complete, obviously fictional context for rendering every template, shaped as the services build it.

Values include XML's special characters, quotes and non-ASCII letters on purpose, so every template is rendered
against the names that break naive escaping.
"""

from datetime import date, timedelta

AWKWARD_NAME = 'Zoë & Sons <Ltd> "quoted"'
FAMILY_NAME = "Mrs Siân O'Fictional-Ñame"


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _chronology(rows: int) -> list[dict[str, object]]:
    agencies = ["Exampleshire Police", "Fictional Health Trust GP Practice", AWKWARD_NAME,
                "Exampleshire Adult Social Care", "Northshire Housing <Partnership>"]
    start = date(2019, 1, 7)
    entries = []
    for i in range(rows):
        when = start + timedelta(days=17 * i)
        approximate = i % 7 == 3
        entries.append({
            "date": f"{when:%B %Y}" if approximate else _day(when),
            "time": "" if approximate else f"{8 + i % 12:02d}:{(i * 7) % 60:02d}",
            "agency": agencies[i % len(agencies)],
            "source": f"REF-{i:04d} & <log>",
            "event": f"Contact {i + 1}: Adult A (Jo) seen by a practitioner; Jo said \"things are fine\" "
                     "\N{EN DASH} café visit.",
            "action": "Advice given & follow-up booked" if i % 2 else "No further action",
            "comments": "Information shared with MARAC" if i % 5 == 0 else "",
            "key_event": i % 4 == 1,
            "approximate": approximate,
            "out_of_scope": i == 0,
        })
    return entries


def sample_context(rows: int = 12) -> dict[str, object]:
    """Everything a template may use (see FIELDS), for a fictional case with a chronology of `rows` entries: some
    approximate, some key events, and the first outside the scoping period."""
    chronology = _chronology(rows)
    agencies = [
        {"name": "Exampleshire Police", "type": "police", "contact": "DI Fictional Officer",
         "scoped_on": "3 March 2026", "requested_on": "5 March 2026", "due_on": "16 April 2026",
         "returned_on": "10 April 2026", "return_kind": "chronology and agency report"},
        {"name": AWKWARD_NAME, "type": "domestic abuse service", "contact": "Ms Zoë Example",
         "scoped_on": "3 March 2026", "requested_on": "5 March 2026", "due_on": "16 April 2026",
         "returned_on": "", "return_kind": ""},
        {"name": "Fictional Health Trust GP Practice", "type": "health", "contact": "Dr Imaginary Practitioner",
         "scoped_on": "3 March 2026", "requested_on": "5 March 2026", "due_on": "16 April 2026",
         "returned_on": "20 April 2026", "return_kind": "nil return"},
    ]
    return {
        "marking": "OFFICIAL-SENSITIVE",
        "today": "22 November 2026",
        "document": {"title": "Overview report", "kind": "overview-report", "version": "v0.3",
                     "generated_on": "22 November 2026", "generated_by": "Ada Admin"},
        "case": {"reference": "DHR-2026-001", "area": "Northshire & Exampleshire", "stage": "report",
                 "notified_on": "5 January 2026", "date_of_death": "20 December 2025", "decision": "hold a review",
                 "decision_on": "2 February 2026", "home_office_notified_on": "4 February 2026",
                 "scoping_from": "1 January 2019", "scoping_to": "20 December 2025",
                 "profile": "England DHR (2016 statutory guidance)"},
        "victim": {"pseudonym": "Adult A (Jo)"},
        "perpetrator": {"pseudonym": "Adult B (Sam)"},
        "subjects": [{"role": "victim", "pseudonym": "Adult A (Jo)"},
                     {"role": "perpetrator", "pseudonym": "Adult B (Sam)"},
                     {"role": "child", "pseudonym": "Child C"}],
        "chair": {"name": "Dr Fictional Chair"},
        "agencies": agencies,
        "panel": [{"name": "Dr Fictional Chair", "agency": "Independent", "role": "Chair and author"},
                  {"name": "DCI Pretend Person", "agency": "Exampleshire Police", "role": "Detective Chief Inspector"},
                  {"name": "Chloë Placeholder", "agency": AWKWARD_NAME, "role": "Service manager"},
                  {"name": "Pat Sample", "agency": "Northshire Community Safety Partnership",
                   "role": "DHR coordinator"}],
        "meetings": [{"number": "1", "date": "2 March 2026"}, {"number": "2", "date": "11 May 2026"}],
        "next_meeting": {"number": "3", "date": "7 December 2026"},
        "terms_of_reference": {
            "agreed_on": "2 March 2026",
            "lines_of_enquiry": [
                "Risk assessment, including DASH and referral to MARAC",
                "Information sharing between agencies & with the family",
                "Barriers Jo faced in seeking help <including> language and culture",
                "Equality and protected characteristics",
            ],
        },
        "chronology": chronology,
        "key_events": [entry for entry in chronology if entry["key_event"]],
        "recommendations": [
            {"number": "1", "text": "Exampleshire Police to review how repeat call-outs are flagged & escalated.",
             "scope": "local", "agency": "Exampleshire Police"},
            {"number": "2", "text": "GP practices to ask about domestic abuse when a patient presents with injuries.",
             "scope": "regional", "agency": "Fictional Health Trust GP Practice"},
            {"number": "3", "text": "The Home Office to consider guidance on \"coercive control\" training.",
             "scope": "national", "agency": "Home Office"},
        ],
        "actions": [
            {"recommendation": "1", "scope": "local", "action": "Audit repeat call-out flags & brief officers",
             "lead_agency": "Exampleshire Police", "milestones": "Audit scoped", "target_date": "31 March 2027",
             "completion": ""},
            {"recommendation": "2", "scope": "regional", "action": "Routine enquiry training for GP practices",
             "lead_agency": AWKWARD_NAME, "milestones": "Training pack drafted <v1>", "target_date": "30 June 2027",
             "completion": "Completed 1 June 2027: 40 staff trained"},
        ],
        "family": {"name": FAMILY_NAME, "address": "1 Imaginary Road\nFictionton\nEX1 2MP"},
    }
