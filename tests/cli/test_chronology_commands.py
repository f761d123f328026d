"""`dhr-manager chronology import|list|export` as a coordinator uses them."""

import csv
import json
from pathlib import Path

import docx
import pytest

REF = "DHR-2026-001"


@pytest.fixture
def police_csv(tmp_path: Path) -> Path:
    path = tmp_path / "police.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([
            ["Date", "Time", "Details", "Action"],
            ["14/03/2021", "22:40", "Call to address: argument reported by neighbour", "Attended"],
            ["Spring 2019", "", "Neighbour reported shouting", ""],
        ])
    return path


def test_import_then_list_as_json(cli, initialised, police_csv: Path) -> None:
    dry = cli("chronology", "import", REF, str(police_csv), "--agency", "Northshire Police", "--dry-run", "--json")
    assert dry.code == 0 and json.loads(dry.out)["entries"] == 2
    assert json.loads(cli("chronology", "list", REF, "--json").out) == []
    done = cli("chronology", "import", REF, str(police_csv), "--agency", "Northshire Police")
    assert done.code == 0 and "Imported 2 entries" in done.out
    entries = json.loads(cli("chronology", "list", REF, "--json").out)
    assert [(e["date"], e["approximate"], e["time"]) for e in entries] == [
        ("Spring 2019", True, None), ("14 Mar 2021", False, "22:40")]
    again = cli("chronology", "import", REF, str(police_csv), "--agency", "Northshire Police")
    assert again.code == 2 and "--replace" in again.err


def test_a_damaged_or_mislabelled_file_is_exit_2_naming_it(cli, initialised, tmp_path: Path) -> None:
    fake = tmp_path / "returns.docx"
    fake.write_text("this is not a Word document")
    result = cli("chronology", "import", REF, str(fake), "--agency", "Northshire Police")
    assert result.code == 2 and "returns.docx" in result.err and result.err.count("\n") == 1


def test_export_writes_the_combined_chronology(cli, initialised, police_csv: Path, tmp_path: Path) -> None:
    cli("chronology", "import", REF, str(police_csv), "--agency", "Northshire Police")
    out = tmp_path / "combined.xlsx"
    result = cli("chronology", "export", REF, "--out", str(out))
    assert result.code == 0 and out.is_file() and "2 entries" in result.out
    assert cli("chronology", "export", REF, "--out", str(tmp_path / "combined.pdf")).code == 2


def test_export_to_word_is_a_checked_draft_with_every_entry(cli, initialised, police_csv: Path, tmp_path: Path) -> None:
    cli("chronology", "import", REF, str(police_csv), "--agency", "Northshire Police")
    out = tmp_path / "combined.docx"
    result = cli("chronology", "export", REF, "--out", str(out))
    assert result.code == 0 and "v0.1" in result.out, result.err
    table = docx.Document(out).tables[-1]
    assert [c.text for c in table.rows[0].cells][:3] == ["Date", "Time", "Agency"]
    assert len(table.rows) == 1 + 2 and "Northshire Police" in table.rows[1].cells[2].text
    assert "chronology" in cli("drafts", REF).out
