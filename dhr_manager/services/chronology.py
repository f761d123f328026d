"""Importing agency chronologies into a case's combined chronology, listing it, and exporting it.

An import is all or nothing: the file is read and every row checked first (a preview), then written in one
transaction. The same file imported again for the same agency is noticed and only replaces the earlier import
when asked. Importing an agency's chronology also records its return for the workflow.
"""

import csv
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path

from sqlalchemy import delete, insert, select

from dhr_manager.documents.table_readers import ImportRejected, RawTable, neutralise_formula, read_table
from dhr_manager.domain.chronology import ChronologyEntry, likely_duplicates, merged, outside_scope
from dhr_manager.domain.chronology_dates import ChronologyDate, Precision, parse_chronology_date, parse_chronology_time
from dhr_manager.domain.chronology_mapping import (
    Field,
    apply_overrides,
    guess_mapping,
    missing_fields,
    parse_map_option,
)
from dhr_manager.domain.events import EventKind, same_agency
from dhr_manager.domain.roles import Permission
from dhr_manager.errors import DhrError, InputError, NotFound
from dhr_manager.services.agencies import register as register_agency
from dhr_manager.services.agencies import spelling as agency_spelling
from dhr_manager.services.case_access import find_case
from dhr_manager.services.workflow import add_event, load_facts
from dhr_manager.storage.schema import CaseRow, ChronologyEntryRow, ChronologyImportRow, new_id
from dhr_manager.storage.workspace import UnitOfWork, UnlockedWorkspace

EXPORT_HEADERS = ["Date", "Time", "Agency", "Source / record reference", "Event", "Action / outcome", "Comments"]


@dataclass(frozen=True)
class ImportPreview:
    file_name: str
    agency: str
    headers: list[str]
    mapping: dict[Field, int]
    entries: list[ChronologyEntry]


@dataclass(frozen=True)
class ImportResult:
    preview: ImportPreview
    replaced: bool
    return_recorded: bool


def _cell(row: list[str], mapping: dict[Field, int], which: Field) -> str:
    column = mapping.get(which)
    return row[column].strip() if column is not None else ""


def preview_import(table: RawTable, agency: str, map_text: str | None = None,
                   today: date | None = None) -> ImportPreview:
    """Map the columns and check every row; the first bad row stops the import and is named."""
    agency = " ".join(agency.split())
    if not agency:
        raise InputError("Name the agency the chronology comes from (--agency).")
    mapping = guess_mapping(table.headers)
    if map_text:
        mapping = apply_overrides(mapping, parse_map_option(map_text, table.headers))
    missing = missing_fields(mapping)
    if missing:
        names = ", ".join(f.value for f in missing)
        raise ImportRejected(f"{table.source}: no column was recognised for {names}. The columns are: "
                             f"{', '.join(table.headers)}. Choose them with --map, e.g. --map date=COL,event=COL.")
    entries = []
    for row, number in zip(table.rows, table.row_numbers, strict=True):
        if not any(cell.strip() for cell in row):
            continue
        try:
            when = parse_chronology_date(_cell(row, mapping, Field.DATE), today)
            at = parse_chronology_time(_cell(row, mapping, Field.TIME))
        except DhrError as exc:
            raise ImportRejected(f"{table.source}, row {number}: {exc.message}") from None
        event = _cell(row, mapping, Field.EVENT)
        if not event:
            raise ImportRejected(f"{table.source}, row {number}: the event column is empty.")
        entries.append(ChronologyEntry("", agency, when, at, _cell(row, mapping, Field.SOURCE), event,
                                       _cell(row, mapping, Field.ACTION), _cell(row, mapping, Field.COMMENTS),
                                       row=number))
    if not entries:
        raise ImportRejected(f"{table.source}: the table has no entries.")
    return ImportPreview(table.source, agency, table.headers, mapping, entries)


def _content(entry: ChronologyEntry) -> dict[str, object]:
    return {"agency": entry.agency, "start": entry.when.start.isoformat(), "end": entry.when.end.isoformat(),
            "precision": entry.when.precision.value, "circa": entry.when.circa,
            "time": entry.at.isoformat(timespec="minutes") if entry.at else None, "source": entry.source,
            "event": entry.event, "action": entry.action, "comments": entry.comments, "row": entry.row}


_PRECISIONS = {precision.value: precision for precision in Precision}


def _entry(entry_id: str, key_event: int, content: dict) -> ChronologyEntry:  # type: ignore[type-arg]
    when = ChronologyDate(date.fromisoformat(content["start"]), date.fromisoformat(content["end"]),
                          _PRECISIONS[content["precision"]], content["circa"])
    at = time.fromisoformat(content["time"]) if content["time"] else None
    return ChronologyEntry(entry_id, content["agency"], when, at, content["source"], content["event"],
                           content["action"], content["comments"], bool(key_event), content["row"])


def import_chronology(ws: UnlockedWorkspace, reference: str, path: Path, agency: str, map_text: str | None = None,
                      sheet: str | None = None, replace: bool = False, dry_run: bool = False,
                      today: date | None = None) -> ImportResult:
    """Read, check and (unless `dry_run`) store an agency's chronology in one transaction."""
    ws.require(Permission.EDIT_CASES)
    today = today or date.today()
    path = Path(path)
    with ws.unit_of_work() as uow:
        find_case(ws, uow, reference)  # refuse an unknown case before reading the file
        agency = agency_spelling(ws, uow, agency) if agency.strip() else agency
    preview = preview_import(read_table(path, sheet), agency, map_text, today)
    if dry_run:
        return ImportResult(preview, replaced=False, return_recorded=False)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with ws.unit_of_work(write=True) as uow:
        case = find_case(ws, uow, reference)
        register_agency(ws, uow, preview.agency)
        index = ws.blind_index(f"chronology|{case.id}|{preview.agency.casefold()}|{digest}")
        earlier = uow.session.scalars(select(ChronologyImportRow).where(
            ChronologyImportRow.case_id == case.id, ChronologyImportRow.digest_index == index)).first()
        if earlier is not None and not replace:
            when = uow.sealer.get(earlier, "imported_on").date().isoformat()
            raise InputError(f"{preview.file_name} was already imported for {preview.agency} on {when}. "
                             "Import it again with --replace to replace those entries.")
        if earlier is not None:
            uow.session.execute(delete(ChronologyEntryRow).where(ChronologyEntryRow.import_id == earlier.id))
            uow.session.delete(earlier)
            uow.record("chronology.replace", "chronology_imports", earlier.id, case.id)
        record = ChronologyImportRow(case_id=case.id, digest_index=index, imported_by=ws.user.id)
        for column, value in (("agency", preview.agency), ("file_name", preview.file_name),
                              ("imported_on", datetime.now(UTC))):
            uow.sealer.put(record, column, value)
        uow.session.add(record)
        uow.session.flush()
        # One bulk insert of plain rows: 5,000 ORM objects would cost the import about half a second more.
        uow.session.execute(insert(ChronologyEntryRow),
                            [_entry_values(uow, case.id, record.id, entry) for entry in preview.entries])
        uow.record("chronology.import", "chronology_imports", record.id, case.id)
        return_recorded = _record_return(uow, case, preview.agency, today)
    return ImportResult(preview, replaced=earlier is not None, return_recorded=return_recorded)


def _entry_values(uow: UnitOfWork, case_id: str, import_id: str, entry: ChronologyEntry) -> dict[str, object]:
    entry_id = new_id()
    return {"id": entry_id, "case_id": case_id, "import_id": import_id, "key_event": 0, "row_version": 1,
            "content": uow.sealer.seal("chronology_entries", "content", entry_id, _content(entry))}


def _record_return(uow: UnitOfWork, case: CaseRow, agency: str, today: date) -> bool:
    """The agency's return is recorded for the workflow, when it was asked and has not returned yet."""
    facts = load_facts(uow, case)
    asked = [e for e in facts.of_kind(EventKind.AGENCY_REQUEST) if same_agency(e.agency, agency)]
    returned = [e for e in facts.of_kind(EventKind.AGENCY_RETURN) if same_agency(e.agency, agency)]
    if not asked or returned:
        return False
    add_event(uow, case, EventKind.AGENCY_RETURN, max(today, asked[-1].on),
              {"agency": asked[-1].agency, "return_kind": "return"})
    return True


@dataclass
class ChronologyView:
    entries: list[ChronologyEntry]
    duplicates: dict[str, list[str]] = field(default_factory=dict)
    outside: set[str] = field(default_factory=set)
    scope: tuple[date, date] | None = None


def list_chronology(ws: UnlockedWorkspace, reference: str, agency: str | None = None,
                    date_from: date | None = None, date_to: date | None = None,
                    key_only: bool = False) -> ChronologyView:
    """The combined chronology in order, with duplicate flags and the entries outside the scoping period."""
    ws.require(Permission.READ_ASSIGNED_CASES)
    with ws.unit_of_work() as uow:
        case = find_case(ws, uow, reference)
        facts = load_facts(uow, case)
        # Plain rows rather than ORM objects: 5,000 entries are only read here, never changed.
        query = select(ChronologyEntryRow.id, ChronologyEntryRow.key_event, ChronologyEntryRow.content).where(
            ChronologyEntryRow.case_id == case.id)
        entries = [_entry(entry_id, key_event, uow.sealer.open("chronology_entries", "content", entry_id, sealed))
                   for entry_id, key_event, sealed in uow.session.execute(query)]
    tor = facts.of_kind(EventKind.TOR_AGREED)
    scope = (date.fromisoformat(tor[-1].details["scope_from"]), date.fromisoformat(tor[-1].details["scope_to"])) \
        if tor else None
    duplicates = likely_duplicates(entries)
    shown = [e for e in merged(entries)
             if (agency is None or same_agency(e.agency, agency))
             and (date_from is None or e.when.end >= date_from) and (date_to is None or e.when.start <= date_to)
             and (not key_only or e.key_event)]
    return ChronologyView(shown, {k: v for k, v in duplicates.items() if any(e.id == k for e in shown)},
                          {e.id for e in shown if outside_scope(e, scope)}, scope)


def set_key_event(ws: UnlockedWorkspace, entry_id: str, key_event: bool) -> None:
    ws.require(Permission.EDIT_CASES)
    with ws.unit_of_work(write=True) as uow:
        row = uow.session.get(ChronologyEntryRow, entry_id)
        if row is None:
            raise NotFound(f"There is no chronology entry {entry_id}.")
        row.key_event = int(key_event)
        uow.record("chronology.key-event" if key_event else "chronology.not-key-event", "chronology_entries",
                   row.id, row.case_id)


def edit_entry(ws: UnlockedWorkspace, entry_id: str, changes: dict[str, str]) -> None:
    """Correct the words of an entry (source, event, action, comments); the edit is audited, not the text."""
    ws.require(Permission.EDIT_CASES)
    allowed = {"source", "event", "action", "comments"}
    if not changes or not set(changes) <= allowed:
        raise InputError(f"Only {', '.join(sorted(allowed))} can be edited.")
    if "event" in changes and not changes["event"].strip():
        raise InputError("The event cannot be empty.")
    with ws.unit_of_work(write=True) as uow:
        row = uow.session.get(ChronologyEntryRow, entry_id)
        if row is None:
            raise NotFound(f"There is no chronology entry {entry_id}.")
        content = uow.sealer.get(row, "content")
        content.update({k: v.strip() for k, v in changes.items()})
        uow.sealer.put(row, "content", content)
        uow.record("chronology.edit", "chronology_entries", row.id, row.case_id)


def _export_rows(view: ChronologyView) -> list[list[str]]:
    return [[e.when.text(), e.at.strftime("%H:%M") if e.at else "", e.agency, e.source, e.event, e.action,
             e.comments] for e in view.entries]


def export_chronology(ws: UnlockedWorkspace, reference: str, out: Path) -> int:
    """Write the combined chronology as .csv or .xlsx; a cell that could run as a formula is neutralised."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputError("Export the chronology as a .docx, .csv or .xlsx file.")
    if out.exists():
        raise InputError(f"{out} already exists; choose a new file name.")
    view = list_chronology(ws, reference)
    rows = [[neutralise_formula(cell) for cell in row] for row in _export_rows(view)]
    if suffix == ".csv":
        with out.open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(EXPORT_HEADERS)
            writer.writerows(rows)
    else:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("Combined chronology")
        sheet.append(EXPORT_HEADERS)
        for row in rows:
            sheet.append(row)
        book.save(out)
    return len(rows)
