"""The command line over the same services the GUI uses (DESIGN.md section 6).

Exit codes: 0 success, 1 unexpected error, 2 usage or input error, 3 wrong passphrase or locked workspace,
4 integrity failure. A user error is one line on stderr, never a traceback.
"""

import argparse
import getpass
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from dhr_manager import __version__
from dhr_manager.documents.disclosure import describe
from dhr_manager.documents.templates import KINDS, builtin_template, check_template
from dhr_manager.domain.agencies import AgencyType, AgencyView, parse_agency_type
from dhr_manager.domain.cases import CaseView, parse_date
from dhr_manager.domain.chronology import ChronologyEntry
from dhr_manager.domain.events import EventKind, parse_event_kind
from dhr_manager.domain.workflow import Deadline
from dhr_manager.errors import DhrError, InputError, IntegrityFailure
from dhr_manager.paths import log_dir, workspace_path
from dhr_manager.selftest import run_selftest
from dhr_manager.services import (
    actions,
    agencies,
    audit_log,
    backups,
    board_return,
    calendar_export,
    cases,
    chronology,
    demo,
    document_templates,
    drafts,
    export_file,
    integrity,
    notes,
    people,
    profiles,
    publication,
    review,
    review_items,
    tasks,
    users,
    workflow,
)
from dhr_manager.services.workflow import GateNotMet
from dhr_manager.storage.workspace import UnlockedWorkspace, Workspace

log = logging.getLogger("dhr_manager")

PASSPHRASE_ENV = "DHR_MANAGER_PASSPHRASE"
USER_ENV = "DHR_MANAGER_USER"


# ---- passphrases -------------------------------------------------------------------------------------------

def _read_secret_file(path: str, what: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"Cannot read the {what} file {path}: {exc.strerror}.") from None
    secret = text.splitlines()[0] if text else ""
    if not secret:
        raise InputError(f"The {what} file {path} is empty.")
    return secret


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise InputError(f"No {label} given: use --passphrase-file FILE or set {PASSPHRASE_ENV}.")
    return getpass.getpass(f"{label.capitalize()}: ")


def _passphrase(args: argparse.Namespace) -> str:
    if args.passphrase_file:
        return _read_secret_file(args.passphrase_file, "passphrase")
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    return _prompt("passphrase")


def _new_passphrase(file: str | None, label: str = "new passphrase") -> str:
    if file:
        return _read_secret_file(file, label)
    first = _prompt(label)
    if getpass.getpass(f"Repeat the {label}: ") != first:
        raise InputError("The two passphrases differ. Nothing was changed.")
    return first


# ---- opening the workspace ---------------------------------------------------------------------------------

def _path(args: argparse.Namespace) -> Path:
    return workspace_path(args.workspace)


def _user(args: argparse.Namespace) -> str | None:
    return args.user or os.environ.get(USER_ENV) or None


def _open(args: argparse.Namespace) -> Workspace:
    workspace = Workspace.open(_path(args))
    args.cleanup.callback(workspace.close)
    return workspace


def _unlock(args: argparse.Namespace) -> UnlockedWorkspace:
    """Unlock for this one command; the key is dropped again when the command ends, however it ends."""
    ws = _open(args).unlock(_user(args), _passphrase(args))
    args.cleanup.callback(ws.lock)
    return ws


def _date(text: str | None, what: str) -> date | None:
    return parse_date(text, what) if text is not None else None


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))


# ---- commands ----------------------------------------------------------------------------------------------

def cmd_init(args: argparse.Namespace) -> int:
    path = _path(args)
    name = _user(args)
    if not name:
        raise InputError("Name the first administrator with --user NAME.")
    if args.passphrase_file or os.environ.get(PASSPHRASE_ENV):
        passphrase = _passphrase(args)
    else:
        passphrase = _new_passphrase(None, "passphrase")
    ws, recovery_key = Workspace.create(path, name, passphrase)
    ws.lock()
    ws.workspace.close()
    print(f"Created the workspace {path} with {name} as administrator.")
    print()
    print("RECOVERY KEY (shown once, never stored): write it down and keep it somewhere safe and separate.")
    print("With it an administrator can set a new passphrase if every passphrase is forgotten.")
    print()
    print(f"    {recovery_key}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    path = _path(args)
    passphrase = demo.build_demo(path)
    print(f"Created a demonstration workspace at {path} with eight fictional cases.")
    print(f"Users: {', '.join(name for name, _role in demo.DEMO_USERS)}; each has the passphrase:")
    print(f"    {passphrase}")
    print(f"Open it with: dhr-manager --workspace {path}")
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    ws = _unlock(args)
    role = users.parse_role(args.role)
    view = users.add_user(ws, args.name, role, _new_passphrase(args.new_passphrase_file))
    print(f"Added {view.name} as {view.role.value}.")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    views = users.list_users(_unlock(args))
    if args.json:
        _print_json([{"name": v.name, "role": v.role.value} for v in views])
    else:
        for view in views:
            print(f"{view.name:30} {view.role.value}")
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    ws = _unlock(args)
    users.change_passphrase(ws, _new_passphrase(args.new_passphrase_file))
    print(f"The passphrase for {ws.user.name} is changed.")
    return 0


def cmd_user_reset(args: argparse.Namespace) -> int:
    workspace = _open(args)
    key = _read_secret_file(args.recovery_key_file, "recovery key")
    users.reset_passphrase_with_recovery_key(workspace, args.name, key,
                                             _new_passphrase(args.new_passphrase_file))
    print(f"A new passphrase is set for {args.name}.")
    return 0


def _case_json(view: CaseView, detail: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "reference": view.reference,
        "area": view.area,
        "stage": view.stage.value,
        "status": view.status.value,
        "notified": view.notified.isoformat() if view.notified else None,
        "date_of_death": view.date_of_death.isoformat() if view.date_of_death else None,
        "victim_pseudonym": view.victim_pseudonym,
    }
    if detail:
        data["people"] = [{"id": p.id, "role": p.role.value, "pseudonym": p.pseudonym} for p in view.people]
        data["notes"] = [{"written_at": n.written_at, "author": n.author, "text": n.text} for n in view.notes]
    if view.unreadable:
        data["unreadable"] = view.unreadable
    return data


def cmd_case_new(args: argparse.Namespace) -> int:
    ws = _unlock(args)
    view = cases.create_case(ws, args.reference, args.area, parse_date(args.notified, "--notified"),
                             _date(args.date_of_death, "--date-of-death"), profile_id=args.profile)
    print(f"Created case {view.reference} ({view.area}) at the {view.stage.value} stage, under {view.profile}.")
    return 0


def cmd_case_list(args: argparse.Namespace) -> int:
    views = cases.list_cases(_unlock(args))
    if args.json:
        _print_json([_case_json(v, detail=False) for v in views])
        return 0
    if not views:
        print("No cases yet.")
    for v in views:
        print(f"{v.reference:16} {v.stage.value:13} {v.status.value:15} {v.area:24} "
              f"{v.victim_pseudonym or '(no victim recorded)'}")
    return 0


def _deadline_json(item: Deadline | None) -> dict[str, Any] | None:
    if item is None:
        return None
    return {"id": item.id, "label": item.label, "due": item.due.isoformat(), "basis": item.basis,
            "status": item.status.value, "met_on": item.met_on.isoformat() if item.met_on else None}


def cmd_case_show(args: argparse.Namespace) -> int:
    ws = _unlock(args)
    view = cases.show_case(ws, args.reference)
    flow = workflow.workflow(ws, args.reference)
    if args.json:
        data = _case_json(view, detail=True)
        data["profile"] = flow.profile
        data["deadlines"] = [_deadline_json(d) for d in flow.deadlines]
        data["next_deadline"] = _deadline_json(flow.next_deadline)
        data["missing_to_advance"] = flow.missing
        data["agencies"] = [{"name": a.name, "requested": a.requested_on, "returned": a.returned_on,
                             "return_kind": a.return_kind} for a in flow.agencies]
        data["events"] = [{"kind": e.kind.value, "date": e.on.isoformat(),
                           **{k: v for k, v in e.details.items() if k != "due_given"}} for e in flow.events]
        _print_json(data)
        return 0
    print(f"{view.reference}  {view.area}")
    print(f"  Stage: {view.stage.value}   Status: {view.status.value}")
    print(f"  CSP notified: {view.notified}   Date of death: {view.date_of_death or 'not recorded'}")
    print("  People:" if view.people else "  People: none recorded")
    for person in view.people:
        print(f"    {person.role.value:12} {person.pseudonym}")
    print(f"  Notes: {len(view.notes)}")
    for note in view.notes:
        print(f"    {note.written_at} {note.author}: {note.text}")
    print(f"  Process: {flow.profile}")
    print("  Deadlines:" if flow.deadlines else "  Deadlines: none running")
    for item in flow.deadlines:
        met = f" on {item.met_on}" if item.met_on else ""
        print(f"    {item.due}  {item.status.value}{met:14}  {item.label}  [{item.basis}]")
    if flow.missing:
        print("  Still needed before the case can advance:")
        for missing in flow.missing:
            print(f"    - {missing}")
    for flag in view.unreadable:
        print(f"  Unreadable: {flag} (run dhr-manager verify)")
    return 0


def cmd_case_advance(args: argparse.Namespace) -> int:
    stage = workflow.advance(_unlock(args), args.reference, _date(args.on, "--on"))
    if stage.value == "closed":
        print(f"{args.reference.upper()} is now closed.")
    else:
        print(f"{args.reference.upper()} moved to the {stage.value.replace('_', ' ')} stage.")
    return 0


def cmd_case_pause(args: argparse.Namespace) -> int:
    workflow.pause(_unlock(args), args.reference, args.reason, parse_date(args.from_date, "--from"))
    print(f"{args.reference.upper()} is paused; its clocks have stopped until it resumes.")
    return 0


def cmd_case_resume(args: argparse.Namespace) -> int:
    days = workflow.resume(_unlock(args), args.reference, parse_date(args.on, "--on"))
    print(f"{args.reference.upper()} resumed; open deadlines moved by {days} day{'s' if days != 1 else ''}.")
    return 0


def cmd_event(args: argparse.Namespace) -> int:
    kind = parse_event_kind(args.kind)
    on = parse_date(args.date, "--date")
    if args.nil and args.declined:
        raise InputError("An agency return is either --nil or --declined, not both.")
    details: dict[str, Any] = {
        "outcome": args.outcome, "rationale": args.rationale, "name": args.name, "agency": args.agency,
        "version": args.version,
        "scope_from": _iso(args.scope_from, "--scope-from"), "scope_to": _iso(args.scope_to, "--scope-to"),
        "due": _iso(args.due, "--due"),
    }
    if kind is EventKind.AGENCY_RETURN:
        details["return_kind"] = "nil" if args.nil else "declined" if args.declined else "return"
    event = workflow.record_event(_unlock(args), args.reference, kind, on, details)
    print(f"Recorded {event.kind.value} on {event.on.isoformat()} for {args.reference.upper()}.")
    return 0


def _iso(text: str | None, what: str) -> str | None:
    return parse_date(text, what).isoformat() if text else None


def cmd_tasks(args: argparse.Namespace) -> int:
    role = users.parse_role(args.role) if args.role else None
    if args.due_within is not None and args.due_within < 0:
        raise InputError("--due-within takes a number of days, 0 or more.")
    views = tasks.list_tasks(_unlock(args), args.case, role, args.due_within, args.overdue, args.all)
    today = date.today()
    if args.json:
        _print_json([{"id": v.id, "case": v.case, "stage": v.stage.value, "title": v.title, "role": v.role.value,
                      "due": v.due.isoformat(), "status": v.status.value, "overdue": v.overdue(today),
                      "reason": v.reason, "note": v.note, "case_paused": v.case_paused} for v in views])
        return 0
    if not views:
        print("No tasks match.")
    for v in views:
        flag = "OVERDUE" if v.overdue(today) else v.status.value.replace("_", " ")
        print(f"{v.id}  {v.due}  {flag:10} {v.case:14} {v.role.value:13} {v.title}")
    return 0


def cmd_task_done(args: argparse.Namespace) -> int:
    view = tasks.complete_task(_unlock(args), args.id)
    print(f"Done: {view.title} ({view.case}).")
    return 0


def cmd_task_skip(args: argparse.Namespace) -> int:
    view = tasks.skip_task(_unlock(args), args.id, args.reason)
    print(f"Not needed: {view.title} ({view.case}).")
    return 0


def _entry_json(entry: ChronologyEntry, view: chronology.ChronologyView) -> dict[str, Any]:
    return {"id": entry.id, "date": entry.when.text(), "date_from": entry.when.start.isoformat(),
            "date_to": entry.when.end.isoformat(), "approximate": entry.when.approximate,
            "time": entry.at.strftime("%H:%M") if entry.at else None, "agency": entry.agency,
            "source": entry.source, "event": entry.event, "action": entry.action, "comments": entry.comments,
            "key_event": entry.key_event, "likely_duplicate_of": view.duplicates.get(entry.id, []),
            "outside_scope": entry.id in view.outside}


def cmd_chronology_import(args: argparse.Namespace) -> int:
    result = chronology.import_chronology(_unlock(args), args.reference, Path(args.file), args.agency, args.map,
                                          args.sheet, replace=args.replace, dry_run=args.dry_run)
    preview = result.preview
    if args.json:
        _print_json({"file": preview.file_name, "agency": preview.agency, "entries": len(preview.entries),
                     "mapping": {f.value: preview.headers[i] for f, i in preview.mapping.items()},
                     "dry_run": args.dry_run, "replaced": result.replaced,
                     "return_recorded": result.return_recorded})
        return 0
    mapped = ", ".join(f"{f.value} = '{preview.headers[i]}'" for f, i in preview.mapping.items())
    print(f"Columns: {mapped}")
    if args.dry_run:
        print(f"Checked {len(preview.entries)} entries from {preview.file_name}; nothing was written (--dry-run).")
        for entry in preview.entries[:5]:
            print(f"  {entry.when.text():14} {entry.event[:80]}")
        return 0
    verb = "Replaced the earlier import with" if result.replaced else "Imported"
    print(f"{verb} {len(preview.entries)} entries from {preview.agency} ({preview.file_name}).")
    if result.return_recorded:
        print(f"Recorded {preview.agency}'s return for the workflow.")
    return 0


def cmd_chronology_list(args: argparse.Namespace) -> int:
    view = chronology.list_chronology(_unlock(args), args.reference, args.agency, _date(args.date_from, "--from"),
                                      _date(args.date_to, "--to"), key_only=args.key_events)
    if args.json:
        _print_json([_entry_json(e, view) for e in view.entries])
        return 0
    if not view.entries:
        print("No chronology entries match.")
    for entry in view.entries:
        marks = "".join(("~" if entry.when.approximate else " ", "D" if entry.id in view.duplicates else " ",
                         "O" if entry.id in view.outside else " ", "*" if entry.key_event else " "))
        at = entry.at.strftime("%H:%M") if entry.at else "     "
        print(f"{marks} {entry.when.text():14} {at} {entry.agency[:24]:24} {entry.event}")
    print("~ approximate date, D likely duplicate, O outside the scoping period, * key event")
    return 0


def cmd_chronology_export(args: argparse.Namespace) -> int:
    ws, out = _unlock(args), Path(args.out)
    if out.suffix.lower() == ".docx":
        # A Word chronology is a draft like any other: kept as a version and checked before it leaves.
        made = drafts.generate_draft(ws, args.reference, "chronology")
        drafts.export_draft(ws, args.reference, "chronology", out, drafts.parse_version(made.version))
        print(f"Wrote the combined chronology ({made.version}, disclosure check passed) to {out}.")
        return 0
    count = chronology.export_chronology(ws, args.reference, out)
    print(f"Wrote {count} entries to {args.out}.")
    return 0


def cmd_calendar_export(args: argparse.Namespace) -> int:
    out = export_file.check_target(Path(args.out), ".ics", "calendar")
    made = calendar_export.make_calendar(_unlock(args), args.case)
    export_file.write_new_file(out, made.data, ".ics", "calendar")
    print(f"Wrote {made.events} event{'' if made.events == 1 else 's'} to {out} (references and pseudonyms only). "
          "Importing it again updates the same events.")
    return 0


def cmd_report_return(args: argparse.Namespace) -> int:
    out = export_file.check_target(Path(args.out), ".xlsx", "return")
    export_file.write_new_file(out, board_return.build_return(_unlock(args)), ".xlsx", "return")
    print(f"Wrote the administrator's return to {out}.")
    return 0


def _plan_json(view: Any) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in asdict(view).items()}


def cmd_recommendation_add(args: argparse.Namespace) -> int:
    view = actions.add_recommendation(_unlock(args), args.reference, args.text, args.scope, args.agency,
                                      args.outcome, _date(args.target, "--target"))
    print(f"Added recommendation {view.number} ({view.scope.value}) to {view.case_reference}.")
    for warning in view.warnings:  # SMART advice: the recommendation is saved all the same
        print(f"Warning: {warning}", file=sys.stderr)
    return 0


def cmd_recommendation_list(args: argparse.Namespace) -> int:
    views = actions.list_recommendations(_unlock(args), args.reference)
    if args.json:
        _print_json([_plan_json(v) for v in views])
        return 0
    if not views:
        print("No recommendations yet.")
    for v in views:
        target = v.target_date.isoformat() if v.target_date else "no target"
        print(f"{v.number:>3}. [{v.scope.value}] {v.text}")
        print(f"     for: {v.agency or '-'}; outcome: {v.outcome or '-'}; target: {target}")
        for warning in v.warnings:
            print(f"     warning: {warning}")
    return 0


def cmd_action_add(args: argparse.Namespace) -> int:
    view = actions.add_action(_unlock(args), args.reference, args.recommendation, args.action, args.lead_agency,
                              args.lead_officer, args.milestones, _date(args.target, "--target"))
    print(f"Added action {view.number} for {view.lead_agency} to {view.case_reference}: {view.rag_words}.")
    return 0


def cmd_action_list(args: argparse.Namespace) -> int:
    views = actions.list_actions(_unlock(args), args.case, args.agency, args.rag, args.open)
    if args.json:
        _print_json([{**_plan_json(v), "open": v.open} for v in views])
        return 0
    if not views:
        print("No actions match.")
    for v in views:
        target = v.target_date.isoformat() if v.target_date else "no target"
        print(f"{v.case_reference:14} {v.number:6} {v.rag_words:28} {target:10}  {v.lead_agency[:30]:30} {v.action}")
    return 0


def cmd_action_update(args: argparse.Namespace) -> int:
    ws = _unlock(args)
    found = actions.find_action(ws, args.number, args.reference)
    view = actions.update_action(ws, found.id, milestones=args.milestones, target=_date(args.target, "--target"),
                                 completed_on=_date(args.completed, "--completed"), outcome=args.outcome,
                                 at_risk=args.at_risk, lead_officer=args.lead_officer)
    print(f"Updated action {view.number} of {view.case_reference}: {view.rag_words}.")
    return 0


def cmd_publication(args: argparse.Namespace) -> int:
    ws = _unlock(args)
    dates = {"family_saw_final_on": _date(args.family_saw, "--family-saw"),
             "published_on": _date(args.published, "--published"),
             "dac_copy_on": _date(args.dac_copy, "--dac-copy"),
             "online_until": _date(args.online_until, "--online-until")}
    if any(dates.values()):
        view = publication.record_publication(ws, args.reference, **dates)
    else:
        view = publication.publication(ws, args.reference)
    if args.json:
        _print_json(_plan_json(view))
        return 0
    for label, value in (("Family saw the final report", view.family_saw_final_on),
                         ("Published", view.published_on),
                         ("Copy to the Domestic Abuse Commissioner", view.dac_copy_on),
                         ("Keep online until", view.online_until)):
        print(f"{label + ':':41} {value.isoformat() if value else 'not recorded'}")
    if view.blocked_reason:
        print(f"Cannot be published yet: {view.blocked_reason}")
    return 0


def _agency_json(view: AgencyView) -> dict[str, Any]:
    return {"name": view.name, "type": view.kind.value, "contact": view.contact}


def cmd_agency_add(args: argparse.Namespace) -> int:
    view = agencies.add_agency(_unlock(args), args.name, parse_agency_type(args.type), args.contact)
    print(f"Added {view.name} ({view.kind.value}) to the agency register.")
    return 0


def cmd_agency_update(args: argparse.Namespace) -> int:
    kind = parse_agency_type(args.type) if args.type is not None else None
    view = agencies.update_agency(_unlock(args), args.name, args.rename, kind, args.contact)
    print(f"Updated {view.name} ({view.kind.value}).")
    return 0


def cmd_agency_list(args: argparse.Namespace) -> int:
    views = agencies.list_agencies(_unlock(args))
    if args.json:
        _print_json([_agency_json(v) for v in views])
        return 0
    if not views:
        print("The agency register is empty; agencies are added as cases name them, or with agency add.")
    for v in views:
        print(f"{v.name[:40]:40} {v.kind.value:24} {v.contact or ''}")
    return 0


def cmd_profiles_list(args: argparse.Namespace) -> int:
    found = profiles.available_profiles()
    if args.json:
        _print_json([{"id": p.id, "version": p.version, "name": p.name} for p in found.values()])
        return 0
    for profile in found.values():
        default = " (default)" if profile.id == profiles.DEFAULT_PROFILE else ""
        print(f"{profile.id:20} v{profile.version:<3} {profile.name}{default}")
    return 0


def cmd_profiles_check(args: argparse.Namespace) -> int:
    profile = profiles.load_profile_file(Path(args.file))
    print(f"{args.file}: {profile.id} version {profile.version} is valid: {len(profile.stages)} stages, "
          f"{len(profile.clocks)} clocks, {len(profile.tasks)} task templates.")
    return 0


def cmd_case_assign(args: argparse.Namespace) -> int:
    cases.assign_case(_unlock(args), args.reference, args.to_user)
    print(f"{args.to_user} can now read {args.reference.upper()}.")
    return 0


def cmd_person_add(args: argparse.Namespace) -> int:
    ws = _unlock(args)
    view = people.add_person(ws, args.reference, people.parse_person_role(args.role), args.name,
                             args.pseudonym, _date(args.dob, "--dob"), args.address)
    print(f"Added the {view.role.value} '{view.pseudonym}' to {args.reference.upper()}.")
    return 0


def cmd_person_list(args: argparse.Namespace) -> int:
    views = people.list_people(_unlock(args), args.reference)
    if args.json:
        _print_json([{**asdict(v), "role": v.role.value} for v in views])
        return 0
    print("PERSONAL DATA: real names follow. Do not copy them into drafts.")
    for v in views:
        print(f"{v.role.value:12} {v.pseudonym:20} {v.name:30} {v.date_of_birth or '':10} {v.address or ''}")
    return 0


def cmd_note_add(args: argparse.Namespace) -> int:
    count = notes.add_notes(_unlock(args), args.reference, args.text)
    print(f"Added {count} note{'s' if count != 1 else ''} to {args.reference.upper()}.")
    return 0


def cmd_review_add(args: argparse.Namespace) -> int:
    review.add_review_comment(_unlock(args), args.reference, args.text)
    print(f"Added a review comment to {args.reference.upper()}.")
    return 0


def cmd_review_list(args: argparse.Namespace) -> int:
    views = review.list_review_comments(_unlock(args), args.reference)
    if args.json:
        _print_json([asdict(v) for v in views])
    else:
        for v in views:
            print(f"{v.written_at} {v.author} [{v.status}]: {v.text}")
    return 0


def _password(args: argparse.Namespace) -> str | None:
    return _read_secret_file(args.password_file, "password") if args.password_file else None


def cmd_draft(args: argparse.Namespace) -> int:
    ws = _unlock(args)
    kind = drafts.parse_kind(args.kind)
    version = drafts.parse_version(args.version) if args.version else None
    password = _password(args)
    if version is None:
        made = drafts.generate_draft(ws, args.reference, kind)
        version = drafts.parse_version(made.version)
        print(f"Generated {made.title.lower()} {made.version}; it is kept in the workspace.")
    result = drafts.export_draft(ws, args.reference, kind, Path(args.out), version, password,
                                 args.personal_data, args.override_disclosure)
    checks = ("disclosure check overridden; the reason is in the case notes" if result.overridden
              else "disclosure check passed" if result.checked else "personal data: for its addressee only")
    protection = ", password-protected" if result.protected else ""
    print(f"Wrote {result.version} to {result.path} ({checks}{protection}).")
    return 0


def cmd_drafts(args: argparse.Namespace) -> int:
    views = drafts.list_drafts(_unlock(args), args.reference, drafts.parse_kind(args.kind) if args.kind else None)
    if args.json:
        _print_json([asdict(v) for v in views])
        return 0
    if not views:
        print("No drafts yet: dhr-manager draft REF KIND --out FILE.docx makes one.")
    for v in views:
        print(f"{v.kind:26} {v.version:6} {v.made_at:%Y-%m-%d %H:%M} {v.made_by:20} {v.size // 1024:>6} KB")
    return 0


def cmd_templates_list(args: argparse.Namespace) -> int:
    views = document_templates.list_templates(_unlock(args))
    if args.json:
        _print_json([asdict(v) for v in views])
        return 0
    for v in views:
        source = f"local: {v.file_name} ({v.replaced_at[:10]}, {v.replaced_by})" if v.local else "built-in"
        personal = "  [personal data]" if v.personal_data else ""
        print(f"{v.kind:26} {v.title:40} {source}{personal}")
    return 0


def cmd_templates_check(args: argparse.Namespace) -> int:
    if args.file is None:
        for kind in KINDS:
            unknown = check_template(builtin_template(kind), KINDS[kind].file_name)
            print(f"{kind:26} {'unknown fields: ' + ', '.join(unknown) if unknown else 'ok'}")
        return 0
    fields, unknown = document_templates.check_template_file(Path(args.file))
    for field in fields:
        print(f"{'UNKNOWN ' if field in unknown else '        '}{field}")
    if unknown:
        raise InputError(f"{Path(args.file).name} uses {len(unknown)} field(s) DHR Manager does not fill: "
                         f"{', '.join(unknown)}. See docs/templates.md.")
    print(f"{Path(args.file).name}: all {len(fields)} fields are known.")
    return 0


def cmd_templates_replace(args: argparse.Namespace) -> int:
    view = document_templates.replace_template(_unlock(args), drafts.parse_kind(args.kind), Path(args.file))
    print(f"The {view.title.lower()} is now made from {view.file_name}.")
    return 0


def cmd_templates_reset(args: argparse.Namespace) -> int:
    kind = drafts.parse_kind(args.kind)
    if document_templates.reset_template(_unlock(args), kind):
        print(f"The {KINDS[kind].title.lower()} is made from the built-in template again.")
    else:
        print(f"The {KINDS[kind].title.lower()} already uses the built-in template.")
    return 0


def cmd_templates_export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists():
        raise InputError(f"{out} already exists; choose a new file name.")
    out.write_bytes(document_templates.current_template(_unlock(args), drafts.parse_kind(args.kind)))
    print(f"Wrote the template to {out}; edit it in Word, keep the {{{{ field }}}} tags, then use templates replace.")
    return 0


def cmd_review_import(args: argparse.Namespace) -> int:
    result = review_items.import_review(_unlock(args), args.reference, Path(args.file), _password(args))
    print(f"Imported {result.comments} comment(s), {result.insertions} insertion(s) and {result.deletions} "
          f"deletion(s) as open review items.")
    if result.hits:
        print(f"Warning: {describe(result.hits)}\nThis returned draft was circulated with them: tell your "
              "data protection lead.", file=sys.stderr)
    return 0


def cmd_review_items(args: argparse.Namespace) -> int:
    views = review_items.list_review_items(_unlock(args), args.reference, "open" if args.open else None)
    if args.json:
        _print_json([asdict(v) for v in views])
        return 0
    if not views:
        print("No review items.")
    for v in views:
        print(f"{v.id[:8]} [{v.status}] {v.kind:9} {v.author[:20]:20} {v.text}")
        if v.anchor:
            print(f"{'':10} on: {v.anchor[:100]}")
    return 0


def cmd_review_resolve(args: argparse.Namespace) -> int:
    ws = _unlock(args)
    item = review_items.find_item(ws, args.reference, args.item)
    review_items.set_review_item_status(ws, item.id, not args.reopen)
    print(f"Review item {item.id[:8]} is {'open again' if args.reopen else 'resolved'}.")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    report = integrity.verify_workspace(_unlock(args))
    if args.json:
        _print_json({"ok": report.ok, "values_checked": report.values_checked,
                     "audit_entries": report.audit_entries, "problems": report.problems})
    elif report.ok:
        print(f"Verified: {report.values_checked} sealed values open and the audit chain of "
              f"{report.audit_entries} entries is intact.")
    else:
        for problem in report.problems:
            print(problem, file=sys.stderr)
    if not report.ok:
        raise IntegrityFailure(f"Verification found {len(report.problems)} problem(s); the rest of the "
                               "workspace is intact. Restore the named records from a backup.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    out = backups.backup_workspace(_unlock(args), Path(args.out))
    print(f"Backed up to {out}. The backup is encrypted like the workspace; keep it on secure storage.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    report, kept = backups.restore_workspace(Path(args.file), _path(args), _user(args), _passphrase(args),
                                             replace=args.replace)
    if kept:
        print(f"The workspace that was there is kept as {kept}.")
    if not report.ok:
        raise IntegrityFailure(f"Restored to {_path(args)}, but verification found "
                               f"{len(report.problems)} problem(s); run dhr-manager verify.")
    print(f"Restored to {_path(args)} and verified ({report.values_checked} sealed values).")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    entries = audit_log.list_audit(_unlock(args), args.case, args.by_user)
    if args.json:
        _print_json([asdict(e) for e in entries])
    else:
        for e in entries:
            print(f"{e.seq:6} {e.at} {e.user:20} {e.action:28} {e.case or '':16} {e.table} {e.record_id}")
    return 0


# ---- the parser --------------------------------------------------------------------------------------------

def _globals(parser: argparse.ArgumentParser, suppress: bool) -> None:
    """Global options, accepted before or after the command (subparsers must not overwrite them)."""
    default = argparse.SUPPRESS if suppress else None
    group = parser.add_argument_group("workspace and identity")
    group.add_argument("--workspace", metavar="PATH", default=default,
                       help="the workspace file (default: DHR_MANAGER_WORKSPACE, else the user data folder)")
    group.add_argument("--user", metavar="NAME", default=default,
                       help="who you are (default: DHR_MANAGER_USER, else the workspace's only user)")
    group.add_argument("--passphrase-file", metavar="FILE", default=default,
                       help=f"read the passphrase from FILE (else {PASSPHRASE_ENV}, else a prompt)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dhr-manager", description="Domestic homicide review case manager. "
                                     "With no command, starts the desktop application.")
    parser.add_argument("--version", action="version", version=f"dhr-manager {__version__}")
    _globals(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(parent: Any, name: str, handler: Callable[[argparse.Namespace], int],
                help_text: str) -> argparse.ArgumentParser:
        sub = parent.add_parser(name, help=help_text, description=help_text)
        _globals(sub, suppress=True)
        sub.set_defaults(handler=handler)
        return sub

    def group(name: str, help_text: str) -> Any:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        return sub.add_subparsers(dest=f"{name}_command", metavar="ACTION", required=True)

    command(commands, "init", cmd_init, "create a new workspace; --user names its first administrator")
    command(commands, "demo", cmd_demo, "create a demonstration workspace with fictional cases at --workspace")

    user = group("user", "staff accounts")
    sub = command(user, "add", cmd_user_add, "add a colleague (administrators only)")
    sub.add_argument("name")
    sub.add_argument("--role", required=True, help="administrator, coordinator or chair")
    sub.add_argument("--new-passphrase-file", metavar="FILE")
    sub = command(user, "list", cmd_user_list, "list the staff accounts")
    sub.add_argument("--json", action="store_true")
    sub = command(user, "passwd", cmd_user_passwd, "change your own passphrase")
    sub.add_argument("--new-passphrase-file", metavar="FILE")
    sub = command(user, "reset-passphrase", cmd_user_reset, "set a forgotten passphrase with the recovery key")
    sub.add_argument("name")
    sub.add_argument("--recovery-key-file", metavar="FILE", required=True)
    sub.add_argument("--new-passphrase-file", metavar="FILE")

    case = group("case", "cases")
    sub = command(case, "new", cmd_case_new, "open a new case at the notification stage")
    sub.add_argument("--reference", required=True, help="for example DHR-2026-001")
    sub.add_argument("--area", required=True, help="the Community Safety Partnership or area")
    sub.add_argument("--notified", required=True, metavar="YYYY-MM-DD", help="date the CSP was notified")
    sub.add_argument("--date-of-death", metavar="YYYY-MM-DD")
    sub.add_argument("--profile", metavar="ID", help="process profile (default: england-dhr-2016)")
    sub = command(case, "list", cmd_case_list, "list the cases you can read")
    sub.add_argument("--json", action="store_true")
    sub = command(case, "show", cmd_case_show, "show one case (pseudonyms only)")
    sub.add_argument("reference")
    sub.add_argument("--json", action="store_true")
    sub = command(case, "assign", cmd_case_assign, "let a chair read a case")
    sub.add_argument("reference")
    sub.add_argument("--to", dest="to_user", required=True, metavar="USER", help="the chair's user name")
    sub = command(case, "advance", cmd_case_advance, "move a case to its next stage when the stage's gate is met")
    sub.add_argument("reference")
    sub.add_argument("--on", metavar="YYYY-MM-DD", help="date of the move (default: today)")
    sub = command(case, "pause", cmd_case_pause, "pause a case for parallel proceedings (clocks stop)")
    sub.add_argument("reference")
    sub.add_argument("--reason", required=True, help=", ".join(workflow.PAUSE_REASONS))
    sub.add_argument("--from", dest="from_date", required=True, metavar="YYYY-MM-DD")
    sub = command(case, "resume", cmd_case_resume, "resume a paused case (open deadlines move by the days paused)")
    sub.add_argument("reference")
    sub.add_argument("--on", required=True, metavar="YYYY-MM-DD")

    sub = command(commands, "event", cmd_event, "record an event on a case")
    sub.add_argument("reference")
    sub.add_argument("kind", help=", ".join(k.value for k in EventKind if k is not EventKind.STAGE_ENTERED))
    sub.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    sub.add_argument("--outcome", help="decision: hold or not-hold; qa-feedback: approved or resubmit")
    sub.add_argument("--rationale", help="the reasons for a decision (sealed)")
    sub.add_argument("--name", help="the chair's name (chair-appointed; sealed)")
    sub.add_argument("--scope-from", metavar="YYYY-MM-DD", help="start of the scoping period (tor-agreed)")
    sub.add_argument("--scope-to", metavar="YYYY-MM-DD", help="end of the scoping period (tor-agreed)")
    sub.add_argument("--agency", help="the agency (agency-scoped, agency-request, agency-return)")
    sub.add_argument("--due", metavar="YYYY-MM-DD", help="when the agency must return (default from the profile)")
    sub.add_argument("--nil", action="store_true", help="agency-return: a nil return")
    sub.add_argument("--declined", action="store_true", help="agency-return: the agency declined")
    sub.add_argument("--version", help="draft version (draft-circulated)")

    sub = command(commands, "tasks", cmd_tasks, "the team's open tasks, overdue first")
    sub.add_argument("--case", metavar="REF")
    sub.add_argument("--role", help="administrator, coordinator or chair")
    sub.add_argument("--due-within", type=int, metavar="DAYS")
    sub.add_argument("--overdue", action="store_true")
    sub.add_argument("--all", action="store_true", help="include done and not-needed tasks")
    sub.add_argument("--json", action="store_true")
    task = group("task", "one task")
    sub = command(task, "done", cmd_task_done, "mark a task done")
    sub.add_argument("id")
    sub = command(task, "skip", cmd_task_skip, "mark a task not needed, with the reason")
    sub.add_argument("id")
    sub.add_argument("--reason", required=True)

    chrono = group("chronology", "agency chronologies and the combined chronology")
    sub = command(chrono, "import", cmd_chronology_import, "import an agency's chronology (.docx, .xlsx or .csv)")
    sub.add_argument("reference")
    sub.add_argument("file")
    sub.add_argument("--agency", required=True)
    sub.add_argument("--map", metavar="FIELD=COL,...", help="columns by header or number: date, time, source, "
                     "event, action, comments")
    sub.add_argument("--sheet", help="the spreadsheet's sheet (default: the first)")
    sub.add_argument("--dry-run", action="store_true", help="check and show, write nothing")
    sub.add_argument("--replace", action="store_true", help="replace an earlier import of the same file")
    sub.add_argument("--json", action="store_true")
    sub = command(chrono, "list", cmd_chronology_list, "the combined chronology")
    sub.add_argument("reference")
    sub.add_argument("--agency")
    sub.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    sub.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    sub.add_argument("--key-events", action="store_true")
    sub.add_argument("--json", action="store_true")
    sub = command(chrono, "export", cmd_chronology_export, "write the combined chronology to .docx, .csv or .xlsx")
    sub.add_argument("reference")
    sub.add_argument("--out", required=True, metavar="FILE")

    cal = group("calendar", "deadlines and tasks for your calendar app")
    sub = command(cal, "export", cmd_calendar_export,
                  "write every open deadline and task to an .ics file (references and pseudonyms only)")
    sub.add_argument("--case", metavar="REF", help="only this case (default: every live case you can read)")
    sub.add_argument("--out", required=True, metavar="FILE.ics")
    report = group("report", "reports across every case")
    sub = command(report, "return", cmd_report_return,
                  "write the administrator's return: every case's stage, deadlines, days late and pauses (.xlsx)")
    sub.add_argument("--out", required=True, metavar="FILE.xlsx")

    rec = group("recommendation", "a review's recommendations (the action plan)")
    sub = command(rec, "add", cmd_recommendation_add,
                  "add a recommendation; warns (but saves) when it lacks a measurable outcome or target date")
    sub.add_argument("reference")
    sub.add_argument("--text", required=True, help="the recommendation (sealed)")
    sub.add_argument("--scope", required=True, help="local, regional or national")
    sub.add_argument("--agency", help="the agency it is for")
    sub.add_argument("--outcome", help="the measurable outcome: how the panel will know it is achieved")
    sub.add_argument("--target", metavar="YYYY-MM-DD", help="when it should be achieved")
    sub = command(rec, "list", cmd_recommendation_list, "list a case's recommendations with SMART warnings")
    sub.add_argument("reference")
    sub.add_argument("--json", action="store_true")
    act = group("action", "the actions of an action plan, with RAG status")
    sub = command(act, "add", cmd_action_add, "add an action to a recommendation (numbered 2.1, 2.2, ...)")
    sub.add_argument("reference")
    sub.add_argument("--recommendation", required=True, type=int, metavar="N")
    sub.add_argument("--action", required=True, help="the action to take (sealed)")
    sub.add_argument("--lead-agency", required=True)
    sub.add_argument("--lead-officer", help="the officer leading it (sealed; personal data)")
    sub.add_argument("--milestones", help="key milestones")
    sub.add_argument("--target", metavar="YYYY-MM-DD")
    sub = command(act, "list", cmd_action_list, "actions across the cases you can read, red first")
    sub.add_argument("--case", metavar="REF")
    sub.add_argument("--agency", help="only this lead agency")
    sub.add_argument("--rag", choices=["red", "amber", "green", "complete"])
    sub.add_argument("--open", action="store_true", help="only actions not yet complete")
    sub.add_argument("--json", action="store_true")
    sub = command(act, "update", cmd_action_update, "record progress on an action, or its completion")
    sub.add_argument("reference")
    sub.add_argument("number", metavar="N.M", help="the action's number, such as 2.1")
    sub.add_argument("--milestones")
    sub.add_argument("--target", metavar="YYYY-MM-DD")
    sub.add_argument("--completed", metavar="YYYY-MM-DD", help="the date of completion (needs --outcome)")
    sub.add_argument("--outcome", help="what the action achieved")
    sub.add_argument("--lead-officer")
    risk = sub.add_mutually_exclusive_group()
    risk.add_argument("--at-risk", dest="at_risk", action="store_const", const=True, help="mark it at risk (amber)")
    risk.add_argument("--on-track", dest="at_risk", action="store_const", const=False, help="clear at risk")
    sub = command(commands, "publication", cmd_publication,
                  "show or record publication: the family's sight of the final report, publication, the copy "
                  "to the Domestic Abuse Commissioner, and how long it stays online")
    sub.add_argument("reference")
    sub.add_argument("--family-saw", metavar="YYYY-MM-DD", help="the family saw the final report")
    sub.add_argument("--published", metavar="YYYY-MM-DD", help="refused while paused or before approval")
    sub.add_argument("--dac-copy", metavar="YYYY-MM-DD", help="copy sent to the Domestic Abuse Commissioner")
    sub.add_argument("--online-until", metavar="YYYY-MM-DD", help="default: 12 months after publication")
    sub.add_argument("--json", action="store_true")

    agency = group("agency", "the register of agencies, shared by every case")
    kinds = ", ".join(kind.value for kind in AgencyType)
    sub = command(agency, "add", cmd_agency_add, "add an agency to the register")
    sub.add_argument("name")
    sub.add_argument("--type", default=AgencyType.OTHER.value, help=f"{kinds} (default: other)")
    sub.add_argument("--contact", help="the person letters go to (sealed)")
    sub = command(agency, "update", cmd_agency_update, "change an agency's name, type or contact")
    sub.add_argument("name")
    sub.add_argument("--rename", metavar="NEW_NAME", help="the agency's new name (cases keep the name they used)")
    sub.add_argument("--type", help=kinds)
    sub.add_argument("--contact", help='the person letters go to; "" removes it')
    sub = command(agency, "list", cmd_agency_list, "list the agency register")
    sub.add_argument("--json", action="store_true")

    prof = group("profiles", "process profiles")
    sub = command(prof, "list", cmd_profiles_list, "list the process profiles available")
    sub.add_argument("--json", action="store_true")
    sub = command(prof, "check", cmd_profiles_check, "check a process profile file")
    sub.add_argument("file")

    person = group("person", "people on a case")
    sub = command(person, "add", cmd_person_add, "record a person on a case")
    sub.add_argument("reference")
    sub.add_argument("--role", required=True, help="victim, perpetrator, family or other")
    sub.add_argument("--name", required=True, help="the real name (sealed; never shown in drafts)")
    sub.add_argument("--pseudonym", required=True, help="the name drafts and lists use")
    sub.add_argument("--dob", metavar="YYYY-MM-DD")
    sub.add_argument("--address")
    sub = command(person, "list", cmd_person_list, "list people with their real names (personal data)")
    sub.add_argument("reference")
    sub.add_argument("--json", action="store_true")

    note = group("note", "case notes")
    sub = command(note, "add", cmd_note_add, "add one or more notes to a case")
    sub.add_argument("reference")
    sub.add_argument("text", nargs="+")

    rev = group("review", "review comments from chairs")
    sub = command(rev, "add", cmd_review_add, "add a review comment to a case")
    sub.add_argument("reference")
    sub.add_argument("text")
    sub = command(rev, "list", cmd_review_list, "list a case's review comments")
    sub.add_argument("reference")
    sub.add_argument("--json", action="store_true")

    sub = command(rev, "import", cmd_review_import, "read a returned draft's comments and tracked changes")
    sub.add_argument("reference")
    sub.add_argument("file", help="the .docx the chair sent back")
    sub.add_argument("--password-file", metavar="FILE", help="the file's password, if it is protected")
    sub = command(rev, "items", cmd_review_items, "list a case's review items from returned drafts")
    sub.add_argument("reference")
    sub.add_argument("--open", action="store_true", help="only the open ones")
    sub.add_argument("--json", action="store_true")
    sub = command(rev, "resolve", cmd_review_resolve, "mark a review item resolved (or --reopen it)")
    sub.add_argument("reference")
    sub.add_argument("item", help="the item's id, or its first 8 characters as review items shows them")
    sub.add_argument("--reopen", action="store_true")

    kinds = ", ".join(KINDS)
    sub = command(commands, "draft", cmd_draft, "generate a Word draft from its template and export it")
    sub.add_argument("reference")
    sub.add_argument("kind", help=kinds)
    sub.add_argument("--out", required=True, metavar="FILE.docx")
    sub.add_argument("--version", help="export this kept version (v0.2) instead of generating a new one")
    sub.add_argument("--password-file", metavar="FILE", help="protect the file with the password in FILE")
    sub.add_argument("--personal-data", action="store_true",
                     help="confirm that a letter naming real people goes only to its addressee")
    sub.add_argument("--override-disclosure", metavar="REASON",
                     help="administrators only: export despite disclosure hits, for this reason (audited)")
    sub = command(commands, "drafts", cmd_drafts, "list a case's kept drafts")
    sub.add_argument("reference")
    sub.add_argument("--kind", help=kinds)
    sub.add_argument("--json", action="store_true")

    tpl = group("templates", "the Word templates drafts are made from")
    sub = command(tpl, "list", cmd_templates_list, "list the templates and whether each is built-in or local")
    sub.add_argument("--json", action="store_true")
    sub = command(tpl, "check", cmd_templates_check, "list the fields a template uses; fails on unknown ones")
    sub.add_argument("file", nargs="?", help="a .docx template (default: check the built-in ones)")
    sub = command(tpl, "export", cmd_templates_export, "write the current template of a kind, to adapt in Word")
    sub.add_argument("kind", help=kinds)
    sub.add_argument("--out", required=True, metavar="FILE.docx")
    sub = command(tpl, "replace", cmd_templates_replace, "use your own Word file for a kind (administrators)")
    sub.add_argument("kind", help=kinds)
    sub.add_argument("file")
    sub = command(tpl, "reset", cmd_templates_reset, "go back to the built-in template (administrators)")
    sub.add_argument("kind", help=kinds)

    command(commands, "selftest", lambda _args: run_selftest(),
            "check this installation: a temporary workspace, sealed data, every template, verify")
    sub = command(commands, "verify", cmd_verify, "check every sealed value and the audit chain")
    sub.add_argument("--json", action="store_true")
    sub = command(commands, "backup", cmd_backup, "write an encrypted copy of the workspace")
    sub.add_argument("--out", required=True, metavar="FILE")
    sub = command(commands, "restore", cmd_restore, "put a backup in place at --workspace PATH")
    sub.add_argument("file")
    sub.add_argument("--replace", action="store_true",
                     help="replace an existing workspace (it is kept beside the new one)")
    sub = command(commands, "audit", cmd_audit, "show the audit log")
    sub.add_argument("--case", metavar="REF")
    sub.add_argument("--by-user", metavar="NAME")
    sub.add_argument("--json", action="store_true")
    return parser


def _log_to_file(stack: ExitStack) -> Path | None:
    """Actions and errors go to a private log file for the length of one command; values never do."""
    try:
        path = log_dir() / "dhr-manager.log"
        os.close(os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600))
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    stack.callback(handler.close)
    stack.callback(log.removeHandler, handler)
    return path


def run(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from dhr_manager.app import run_gui

        return run_gui(_path(args) if args.workspace or os.environ.get("DHR_MANAGER_WORKSPACE") else None)
    with ExitStack() as stack:
        args.cleanup = stack
        return _run_command(args, _log_to_file(stack))


def _run_command(args: argparse.Namespace, log_path: Path | None) -> int:
    name = " ".join(part for part in (args.command, getattr(args, f"{args.command}_command", None)) if part)
    try:
        code = args.handler(args)
    except GateNotMet as exc:
        log.info("%s refused: %s", name, type(exc).__name__)
        print(f"Error: {exc.headline}. Still missing:", file=sys.stderr)
        for item in exc.missing:
            print(f"  - {item}", file=sys.stderr)
        return exc.exit_code
    except DhrError as exc:
        log.info("%s refused: %s", name, type(exc).__name__)
        print(f"Error: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Stopped. Nothing more was saved.", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader went away (`dhr-manager tasks | head`): nothing to report
        sys.stderr.close()
        return 0
    except Exception as exc:
        # Frames only: an exception's message could quote a decrypted value, so it never reaches the log.
        log.error("%s failed unexpectedly (%s):\n%s", name, type(exc).__name__,
                  "".join(traceback.format_tb(exc.__traceback__)))
        where = f" Details are in {log_path}." if log_path else ""
        print(f"Error: something unexpected went wrong ({type(exc).__name__}).{where}", file=sys.stderr)
        return 1
    log.info("%s done", name)
    return code
