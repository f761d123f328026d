"""`draft`, `drafts` and `templates` as a coordinator or administrator types them."""

import io
import json

import docx
import pytest

from dhr_manager.documents.templates import KINDS, builtin_template

REF = "DHR-2026-001"


@pytest.fixture
def people(cli, initialised) -> None:
    assert cli("person", "add", REF, "--role", "victim", "--name", "Alexandra Testperson",
               "--pseudonym", "Adult A", "--dob", "1980-04-03").code == 0


def _text(path) -> str:
    document = docx.Document(path)
    return "\n".join(p.text for p in document.paragraphs)


def test_draft_generates_the_next_version_and_writes_it_after_the_check(cli, people, tmp_path) -> None:
    result = cli("draft", REF, "executive-summary", "--out", str(tmp_path / "es.docx"))
    assert result.code == 0, result.err
    assert "v0.1" in result.out and "disclosure check passed" in result.out
    assert "Adult A" in _text(tmp_path / "es.docx") and "Alexandra" not in _text(tmp_path / "es.docx")
    assert cli("draft", REF, "executive-summary", "--out", str(tmp_path / "es2.docx")).code == 0
    again = cli("draft", REF, "executive-summary", "--version", "v0.1", "--out", str(tmp_path / "es-again.docx"))
    assert again.code == 0 and "Wrote v0.1" in again.out
    listed = json.loads(cli("drafts", REF, "--json").out)
    assert [(d["kind"], d["version"]) for d in listed] == [("executive-summary", "v0.2"),
                                                          ("executive-summary", "v0.1")]


def test_draft_refuses_bad_requests_with_a_clear_message(cli, people, tmp_path) -> None:
    wrong = cli("draft", REF, "memo", "--out", str(tmp_path / "x.docx"))
    assert wrong.code == 2 and "not a kind of document" in wrong.err
    assert cli("draft", REF, "agenda", "--out", str(tmp_path / "x.pdf")).code == 2
    letter = cli("draft", REF, "family-letter", "--out", str(tmp_path / "family.docx"))
    assert letter.code == 2 and "--personal-data" in letter.err and not (tmp_path / "family.docx").exists()
    short = tmp_path / "short.txt"
    short.write_text("abc\n")
    weak = cli("draft", REF, "agenda", "--out", str(tmp_path / "a.docx"), "--password-file", str(short))
    assert weak.code == 2 and not (tmp_path / "a.docx").exists()


def test_a_protected_draft_from_the_command_line(cli, people, tmp_path) -> None:
    secret = tmp_path / "password.txt"
    secret.write_text("a long shared password\n")
    result = cli("draft", REF, "agenda", "--out", str(tmp_path / "agenda.docx"), "--password-file", str(secret))
    assert result.code == 0 and "password-protected" in result.out
    assert (tmp_path / "agenda.docx").read_bytes()[:4] != b"PK\x03\x04"


def test_templates_check_lists_fields_and_fails_on_unknown_ones(cli, tmp_path) -> None:
    builtins = cli("templates", "check")
    assert builtins.code == 0 and builtins.out.count(" ok") == len(KINDS)
    own = docx.Document(io.BytesIO(builtin_template("agenda")))
    own.add_paragraph("{{ case.reference }} {{ victim.real_name }}")
    own.save(tmp_path / "ours.docx")
    result = cli("templates", "check", str(tmp_path / "ours.docx"))
    assert result.code == 2 and "UNKNOWN victim.real_name" in result.out and "victim.real_name" in result.err
    assert "        case.reference" in result.out
    (tmp_path / "notes.docx").write_text("not a Word file")
    assert cli("templates", "check", str(tmp_path / "notes.docx")).code == 2


def test_templates_export_replace_list_and_reset(cli, initialised, tmp_path) -> None:
    out = tmp_path / "agenda-template.docx"
    assert cli("templates", "export", "agenda", "--out", str(out)).code == 0
    assert out.read_bytes() == builtin_template("agenda")
    assert cli("templates", "replace", "agenda", str(out)).code == 0
    listed = {t["kind"]: t for t in json.loads(cli("templates", "list", "--json").out)}
    assert listed["agenda"]["local"] and listed["agenda"]["file_name"] == "agenda-template.docx"
    assert not listed["minutes"]["local"] and listed["family-letter"]["personal_data"]
    assert "built-in template again" in cli("templates", "reset", "agenda").out
