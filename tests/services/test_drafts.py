"""Drafts from the case: versions kept sealed, the disclosure check before export, protected files, templates."""

import io
import sqlite3
from datetime import date
from pathlib import Path
from zipfile import BadZipFile

import docx
import msoffcrypto
import pytest

from dhr_manager.documents.templates import builtin_template
from dhr_manager.domain.cases import PersonRole
from dhr_manager.domain.events import EventKind
from dhr_manager.domain.roles import Role
from dhr_manager.errors import InputError, NotFound, PermissionDenied
from dhr_manager.services import cases
from dhr_manager.services.audit_log import list_audit
from dhr_manager.services.chronology import import_chronology
from dhr_manager.services.document_templates import list_templates, replace_template, reset_template
from dhr_manager.services.drafts import DisclosureBlocked, export_draft, generate_draft, list_drafts
from dhr_manager.services.people import add_person
from dhr_manager.services.users import add_user
from dhr_manager.services.workflow import record_event
from dhr_manager.storage.workspace import UnlockedWorkspace
from tests.conftest import open_as, write_csv

TODAY = date(2026, 11, 22)
REF = "DHR-2026-001"
COORDINATOR_PASSPHRASE = "coordinator passphrase for tests"


def _text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture
def case(admin_ws: UnlockedWorkspace, tmp_path: Path) -> UnlockedWorkspace:
    """A realistic fictional case: people with real details, a chair, terms of reference, two agencies."""
    cases.create_case(admin_ws, REF, "Northshire", date(2026, 1, 5), date(2025, 12, 20), today=TODAY)
    add_person(admin_ws, REF, PersonRole.VICTIM, "Alexandra Testperson", "Adult A", date(1980, 4, 3),
               "12 Fictional Row, Exampleton, ZZ9 9ZZ", today=TODAY)
    add_person(admin_ws, REF, PersonRole.PERPETRATOR, "Brian Madeupname", "Adult B", today=TODAY)
    add_person(admin_ws, REF, PersonRole.FAMILY, "Carol Testperson-Smith", "Sister of Adult A",
               address="4 Imaginary Close, Exampleton, ZZ9 1AA", today=TODAY)
    record_event(admin_ws, REF, EventKind.DECISION, date(2026, 1, 20), {"outcome": "hold", "rationale": "Criteria met"},
                 today=TODAY)
    record_event(admin_ws, REF, EventKind.CHAIR_APPOINTED, date(2026, 2, 1), {"name": "Dr Fictional Chair"},
                 today=TODAY)
    record_event(admin_ws, REF, EventKind.TOR_AGREED, date(2026, 2, 20),
                 {"scope_from": "2019-01-01", "scope_to": "2025-12-20"}, today=TODAY)
    for agency in ("Northshire Police", "Northshire ICB"):
        record_event(admin_ws, REF, EventKind.AGENCY_REQUEST, date(2026, 2, 23), {"agency": agency}, today=TODAY)
    police = write_csv(tmp_path / "police.csv", [
        ["Date", "Event", "Outcome"],
        ["14/03/2021", "Adult A reported a domestic incident & was seen by officers", "DASH completed"],
        ["02/06/2021", "Adult B arrested", "Released on bail"],
    ])
    import_chronology(admin_ws, REF, police, "Northshire Police", today=TODAY)
    return admin_ws


def test_each_generation_is_kept_as_the_next_version_and_any_version_exports_again(case, tmp_path) -> None:
    first = generate_draft(case, REF, "terms-of-reference", today=TODAY)
    second = generate_draft(case, REF, "terms-of-reference", today=TODAY)
    assert (first.version, second.version) == ("v0.1", "v0.2")
    listed = list_drafts(case, REF)
    assert [(d.kind, d.version, d.made_by) for d in listed] == [
        ("terms-of-reference", "v0.2", "Ada Admin"), ("terms-of-reference", "v0.1", "Ada Admin")]
    result = export_draft(case, REF, "terms-of-reference", tmp_path / "tor-v0.1.docx", version=1)
    assert result.version == "v0.1" and result.checked and not result.overridden
    text = _text((tmp_path / "tor-v0.1.docx").read_bytes())
    assert "Adult A" in text and "Alexandra" not in text and "01/01/2019" not in text
    headers = "".join(p.text for s in docx.Document(tmp_path / "tor-v0.1.docx").sections for p in s.header.paragraphs)
    assert "OFFICIAL-SENSITIVE" in headers
    with pytest.raises(NotFound, match=r"v0\.3"):
        export_draft(case, REF, "terms-of-reference", tmp_path / "none.docx", version=3)
    with pytest.raises(InputError, match="already exists"):
        export_draft(case, REF, "terms-of-reference", tmp_path / "tor-v0.1.docx", version=1)


def test_the_drafts_are_sealed_in_the_workspace(case, ws_path) -> None:
    generate_draft(case, REF, "overview-report", today=TODAY)
    raw = ws_path.read_bytes() + b"".join(p.read_bytes() for p in ws_path.parent.glob("*-wal"))
    assert b"word/document.xml" not in raw and b"Adult A" not in raw
    with sqlite3.connect(ws_path) as db:
        assert db.execute("SELECT kind, version FROM drafts").fetchall() == [("overview-report", 1)]


def test_a_real_name_in_the_chronology_appendix_blocks_the_export_and_says_where(case, tmp_path) -> None:
    extra = write_csv(tmp_path / "icb.csv", [["Date", "Event"], ["01/05/2021", "GP saw Alexandra TESTPERSON"]])
    import_chronology(case, REF, extra, "Northshire ICB", today=TODAY)
    generate_draft(case, REF, "overview-report", today=TODAY)
    out = tmp_path / "overview.docx"
    with pytest.raises(DisclosureBlocked) as blocked:
        export_draft(case, REF, "overview-report", out)
    # The sister shares the surname, so the same words are her name too.
    assert {(h.label, h.place) for h in blocked.value.hits} == {
        ("the victim's real name", "table in body"), ("family member 1's real name", "table in body")}
    assert "Alexandra" not in blocked.value.message and "Testperson" not in blocked.value.message
    assert not out.exists()


def test_only_an_administrator_overrides_and_the_reason_is_kept(case, ws_path, tmp_path) -> None:
    extra = write_csv(tmp_path / "icb.csv", [["Date", "Event"], ["01/05/2021", "Letter to Mrs Testperson"]])
    import_chronology(case, REF, extra, "Northshire ICB", today=TODAY)
    generate_draft(case, REF, "chronology", today=TODAY)
    add_user(case, "Cora Ordinator", Role.COORDINATOR, COORDINATOR_PASSPHRASE)
    coordinator = open_as(ws_path, "Cora Ordinator", COORDINATOR_PASSPHRASE)
    try:
        with pytest.raises(PermissionDenied):
            export_draft(coordinator, REF, "chronology", tmp_path / "c.docx", override_reason="panel only, agreed")
    finally:
        coordinator.lock()
    with pytest.raises(InputError, match="reason"):
        export_draft(case, REF, "chronology", tmp_path / "c.docx", override_reason="ok")
    result = export_draft(case, REF, "chronology", tmp_path / "c.docx",
                          override_reason="Sent to the chair only, who redacts it by hand")
    assert result.overridden and (tmp_path / "c.docx").exists()
    note = [n.text for n in cases.show_case(case, REF).notes]
    assert note == ["Disclosure check overridden to export the combined chronology v0.1: Sent to the chair only, "
                    "who redacts it by hand"]
    actions = [e.action for e in list_audit(case, REF)]
    assert actions[-2:] == ["draft.disclosure-override", "draft.export"]


def test_a_letter_naming_the_family_needs_its_own_confirmation(case, tmp_path) -> None:
    generate_draft(case, REF, "family-letter", today=TODAY)
    with pytest.raises(InputError, match="personal data"):
        export_draft(case, REF, "family-letter", tmp_path / "family.docx")
    result = export_draft(case, REF, "family-letter", tmp_path / "family.docx", personal_data_confirmed=True)
    assert not result.checked
    text = _text((tmp_path / "family.docx").read_bytes())
    assert "Carol Testperson-Smith" in text and "4 Imaginary Close" in text


def test_a_protected_export_opens_only_with_its_password(case, tmp_path) -> None:
    generate_draft(case, REF, "agenda", today=TODAY)
    out = tmp_path / "agenda.docx"
    assert export_draft(case, REF, "agenda", out, password="correct horse battery").protected
    with pytest.raises(BadZipFile):  # an encrypted file is no longer a zip package
        docx.Document(out)
    office = msoffcrypto.OfficeFile(io.BytesIO(out.read_bytes()))
    office.load_key(password="correct horse battery")
    plain = io.BytesIO()
    office.decrypt(plain)
    assert REF in _text(plain.getvalue())


def test_an_administrator_replaces_a_template_and_drafts_follow_it(case, ws_path, tmp_path) -> None:
    local = docx.Document(io.BytesIO(builtin_template("agenda")))
    local.add_paragraph("Northshire Council letterhead {{ case.reference }}")
    path = tmp_path / "our-agenda.docx"
    local.save(path)
    view = replace_template(case, "agenda", path)
    assert view.local and view.file_name == "our-agenda.docx"
    generate_draft(case, REF, "agenda", today=TODAY)
    export_draft(case, REF, "agenda", tmp_path / "agenda.docx")
    assert f"Northshire Council letterhead {REF}" in _text((tmp_path / "agenda.docx").read_bytes())

    bad = docx.Document(io.BytesIO(builtin_template("agenda")))
    bad.add_paragraph("{{ case.victim_real_name }}")
    bad.save(tmp_path / "bad.docx")
    with pytest.raises(InputError, match=r"case\.victim_real_name"):
        replace_template(case, "agenda", tmp_path / "bad.docx")
    assert next(t for t in list_templates(case) if t.kind == "agenda").file_name == "our-agenda.docx"

    add_user(case, "Cora Ordinator", Role.COORDINATOR, COORDINATOR_PASSPHRASE)
    coordinator = open_as(ws_path, "Cora Ordinator", COORDINATOR_PASSPHRASE)
    try:
        with pytest.raises(PermissionDenied):
            reset_template(coordinator, "agenda")
    finally:
        coordinator.lock()
    assert reset_template(case, "agenda") and not reset_template(case, "agenda")
