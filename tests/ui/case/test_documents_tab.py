"""The Documents tab of a case: generating drafts, exporting a version past the disclosure check, and working
through the comments of a draft the chair sent back.

Each test opens its own copy of the demo workspace, so drafts and imports never reach another test.
"""

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dhr_manager.documents.protection import is_protected, protect
from dhr_manager.documents.templates import KINDS
from dhr_manager.services.audit_log import list_audit
from dhr_manager.services.chronology import import_chronology
from dhr_manager.services.demo import DEMO_PASSPHRASE, build_demo
from dhr_manager.services.drafts import generate_draft
from dhr_manager.storage.workspace import UnlockedWorkspace, Workspace
from dhr_manager.ui.case.case_page import CasePage
from dhr_manager.ui.case.documents_tab import DocumentsTab, ReviewPasswordDialog
from dhr_manager.ui.case.export_dialog import ExportDialog
from tests.conftest import write_csv
from tests.ui.case.conftest import cells, choose, column, open_page
from tests.ui.case.test_privacy import mentions
from tests.ui.conftest import FAST_KDF

TODAY = date.today()  # the demo's dates are relative to the day it is built
REF = "DHR-DEMO-05"
COORDINATOR, ADMINISTRATOR, CHAIR = "Demo Coordinator", "Demo Administrator", "Demo Chair"
PASSED = "Disclosure check passed: no real names, addresses or dates of birth found."
COMMENT = "Please add the date of the first panel meeting."


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workspace, built once for this module and never opened: each test works on a copy."""
    folder = tmp_path_factory.mktemp("documents-demo")
    with pytest.MonkeyPatch.context() as env:
        for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env.setenv(name, str(folder / "home"))
        build_demo(folder / "demo.dhr", today=TODAY, kdf=FAST_KDF)
    return folder / "demo.dhr"


@pytest.fixture
def open_as(demo_file: Path, tmp_path: Path) -> Iterator[Callable[[str], UnlockedWorkspace]]:
    """Unlock a fresh copy of the demo workspace as one of its users."""
    copy = tmp_path / "demo.dhr"
    shutil.copy(demo_file, copy)
    opened: list[UnlockedWorkspace] = []

    def unlock(user: str) -> UnlockedWorkspace:
        ws = Workspace.open(copy).unlock(user, DEMO_PASSPHRASE)
        opened.append(ws)
        return ws

    yield unlock
    for ws in opened:
        ws.lock()
        ws.workspace.close()


def documents(qtbot: QtBot, ws: UnlockedWorkspace) -> tuple[CasePage, DocumentsTab]:
    page = open_page(qtbot, ws, REF, TODAY)
    page.tabs.setCurrentWidget(page.documents_tab)
    return page, page.documents_tab


def generate(qtbot: QtBot, page: CasePage, kind: str) -> None:
    """Choose the kind and press Generate, waiting for the page to list the new version."""
    choose(page.documents_tab.kind_combo, kind)
    with qtbot.waitSignal(page.changed, timeout=20_000):
        qtbot.mouseClick(page.documents_tab.generate_button, Qt.MouseButton.LeftButton)


def open_export(qtbot: QtBot, page: CasePage, row: int = 0) -> ExportDialog:
    """Select a version, press Export…, and wait for the disclosure check to answer."""
    page.documents_tab.drafts_view.selectRow(row)
    qtbot.mouseClick(page.documents_tab.export_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(lambda: not dialog.checking, timeout=20_000)
    return dialog


def export(qtbot: QtBot, dialog: ExportDialog, out: Path) -> None:
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)


def text_of(path: Path) -> str:
    document = docx.Document(str(path))
    cell_texts = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cell_texts)


def plant_real_name(ws: UnlockedWorkspace, tmp_path: Path) -> None:
    """An agency return that names the victim, as agencies sometimes send them, and a chronology draft from it."""
    csv = write_csv(tmp_path / "probation.csv", [
        ["Date", "Event"], ["01/05/2021", "Letter sent to Rhea Pretendly about her appointment"]])
    import_chronology(ws, REF, csv, "Probation Service", today=TODAY)
    generate_draft(ws, REF, "chronology", today=TODAY)


def returned_draft(path: Path) -> Path:
    """A draft as a chair sends it back: one comment on one sentence."""
    document = docx.Document()
    paragraph = document.add_paragraph("The panel agreed the terms of reference.")
    document.add_comment(paragraph.runs, text=COMMENT, author="Dr Fictional Chair", initials="FC")
    document.save(str(path))
    return path


def test_generating_twice_lists_both_versions_newest_first_with_the_new_one_selected(
        qtbot: QtBot, open_as: Callable[[str], UnlockedWorkspace]) -> None:
    page, tab = documents(qtbot, open_as(COORDINATOR))
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles.index("Documents") == titles.index("Combined chronology") + 1
    family = tab.kind_combo.findData("family-letter")
    assert tab.kind_combo.itemText(family) == "Letter to the family (names real people)"
    assert tab.kind_combo.itemData(family, Qt.ItemDataRole.ToolTipRole) == KINDS["family-letter"].purpose

    generate(qtbot, page, "terms-of-reference")
    generate(qtbot, page, "terms-of-reference")

    assert [row[:2] + row[3:4] for row in cells(tab.drafts_model)] == [
        ["Terms of reference", "v0.2", COORDINATOR], ["Terms of reference", "v0.1", COORDINATOR]]
    selected = tab.selected_draft()
    assert selected is not None and selected.version == "v0.2"
    assert tab.notice.text() == "Terms of reference v0.2 generated"
    assert tab.generate_button.isEnabled()


def test_an_exported_version_opens_in_word_with_pseudonyms_only(
        qtbot: QtBot, open_as: Callable[[str], UnlockedWorkspace], tmp_path: Path) -> None:
    page, tab = documents(qtbot, open_as(COORDINATOR))
    generate(qtbot, page, "terms-of-reference")
    dialog = open_export(qtbot, page)

    assert dialog.path_edit.text().endswith(f"{REF} terms-of-reference v0.1.docx")
    assert dialog.disclosure_label.text() == PASSED
    out = tmp_path / "tor.docx"
    export(qtbot, dialog, out)

    text = text_of(out)
    assert "Gina" in text and "Rhea" not in text and "Pretendly" not in text
    assert tab.notice.text() == f"Exported Terms of reference v0.1 to {out}"
    assert page.dialog is None


def test_a_real_name_blocks_a_coordinators_export_and_says_where_it_is(
        qtbot: QtBot, open_as: Callable[[str], UnlockedWorkspace], tmp_path: Path) -> None:
    ws = open_as(COORDINATOR)
    plant_real_name(ws, tmp_path)
    page, _tab = documents(qtbot, ws)
    dialog = open_export(qtbot, page)

    assert "- the victim's real name: found in table in body" in dialog.disclosure_label.text()
    assert "Only an administrator can export it as it is." in dialog.disclosure_label.text()
    assert "Rhea" not in dialog.disclosure_label.text()
    dialog.path_edit.setText(str(tmp_path / "chronology.docx"))
    assert not dialog.export_button.isEnabled()
    assert dialog.override_box.isHidden()
    dialog.do_export()
    assert not (tmp_path / "chronology.docx").exists()


def test_an_administrator_exports_a_blocked_draft_only_with_a_reason(
        qtbot: QtBot, open_as: Callable[[str], UnlockedWorkspace], tmp_path: Path) -> None:
    ws = open_as(ADMINISTRATOR)
    plant_real_name(ws, tmp_path)
    page, tab = documents(qtbot, ws)
    dialog = open_export(qtbot, page)
    dialog.path_edit.setText(str(tmp_path / "chronology.docx"))

    assert dialog.override_box.isVisible()
    assert not dialog.export_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "Sent to the coroner only, who holds the real names")
    assert dialog.export_button.isEnabled()
    export(qtbot, dialog, tmp_path / "chronology.docx")

    assert "Pretendly" in text_of(tmp_path / "chronology.docx")
    assert tab.notice.text().endswith("The disclosure check was overridden; the reason is in the audit log")
    assert "draft.disclosure-override" in [entry.action for entry in list_audit(ws, case_reference=REF)]


def test_the_family_letter_needs_the_personal_data_confirmation(
        qtbot: QtBot, open_as: Callable[[str], UnlockedWorkspace], tmp_path: Path) -> None:
    page, _tab = documents(qtbot, open_as(COORDINATOR))
    generate(qtbot, page, "family-letter")
    dialog = open_export(qtbot, page)

    assert dialog.hits is None  # a letter that must name its addressee is not checked...
    assert dialog.personal_check.isVisible()  # ...but confirmed
    assert not dialog.export_button.isEnabled()
    dialog.personal_check.setChecked(True)
    export(qtbot, dialog, tmp_path / "family.docx")
    assert (tmp_path / "family.docx").exists()


def test_passwords_that_differ_are_refused_in_the_dialog_and_nothing_is_written(
        qtbot: QtBot, open_as: Callable[[str], UnlockedWorkspace], tmp_path: Path) -> None:
    page, _tab = documents(qtbot, open_as(COORDINATOR))
    generate(qtbot, page, "terms-of-reference")
    dialog = open_export(qtbot, page)
    out = tmp_path / "tor.docx"
    dialog.path_edit.setText(str(out))
    assert not dialog.password_edit.isEnabled()
    dialog.protect_check.setChecked(True)
    qtbot.keyClicks(dialog.password_edit, "panel meeting 4")
    qtbot.keyClicks(dialog.repeat_edit, "panel meeting 5")

    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    assert dialog.error.isVisible()
    assert dialog.error.text() == "The two passwords are not the same. Type the password again in both fields."
    assert dialog.isVisible() and not out.exists()
    dialog.repeat_edit.setText("panel meeting 4")
    export(qtbot, dialog, out)
    assert is_protected(out.read_bytes())


def test_an_existing_file_is_never_replaced(
        qtbot: QtBot, open_as: Callable[[str], UnlockedWorkspace], tmp_path: Path) -> None:
    page, _tab = documents(qtbot, open_as(COORDINATOR))
    generate(qtbot, page, "terms-of-reference")
    dialog = open_export(qtbot, page)
    out = tmp_path / "tor.docx"
    out.write_bytes(b"the chair's own copy")
    dialog.path_edit.setText(str(out))

    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)

    assert dialog.error.text() == f"{out} already exists; choose a new file name."
    assert dialog.isVisible() and out.read_bytes() == b"the chair's own copy"


def test_a_returned_comment_is_listed_and_marking_it_resolved_moves_it(
        qtbot: QtBot, open_as: Callable[[str], UnlockedWorkspace], tmp_path: Path) -> None:
    page, tab = documents(qtbot, open_as(COORDINATOR))
    with qtbot.waitSignal(page.changed, timeout=20_000):
        tab.import_review_file(returned_draft(tmp_path / "returned.docx"))

    assert tab.review_notice.text() == "Imported 1 comment, 0 insertions, 0 deletions"
    assert not tab.review_warning.isVisible()
    assert [[row[0], row[1], row[2], row[4], row[5]] for row in cells(tab.items_model)] == [
        ["Open", "Comment", "Dr Fictional Chair", COMMENT, "The panel agreed the terms of reference."]]
    tab.items_view.selectRow(0)
    assert tab.resolve_button.isEnabled() and not tab.reopen_button.isEnabled()

    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(tab.resolve_button, Qt.MouseButton.LeftButton)

    assert tab.items_model.rowCount() == 0  # open items only, until resolved ones are asked for
    tab.show_resolved.setChecked(True)
    assert column(tab.items_model, "Status") == ["Resolved"]
    tab.items_view.selectRow(0)
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(tab.reopen_button, Qt.MouseButton.LeftButton)
    assert column(tab.items_model, "Status") == ["Open"]


def test_a_protected_returned_draft_is_read_once_its_password_is_given(
        qtbot: QtBot, open_as: Callable[[str], UnlockedWorkspace], tmp_path: Path) -> None:
    page, tab = documents(qtbot, open_as(COORDINATOR))
    plain = returned_draft(tmp_path / "plain.docx")
    protected = tmp_path / "returned.docx"
    protected.write_bytes(protect(plain.read_bytes(), "chair's password"))

    tab.import_review_file(protected)
    qtbot.waitUntil(lambda: isinstance(page.dialog, ReviewPasswordDialog), timeout=20_000)
    asked = page.dialog
    assert isinstance(asked, ReviewPasswordDialog)
    qtbot.keyClicks(asked.password_edit, "not the password")
    qtbot.mouseClick(asked.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.dialog, ReviewPasswordDialog) and page.dialog is not asked,
                    timeout=20_000)
    again = page.dialog
    assert isinstance(again, ReviewPasswordDialog)
    assert again.error.text() == "returned.docx: that password does not open the document. Check it with the chair " \
                                 "and try again."

    qtbot.keyClicks(again.password_edit, "chair's password")
    with qtbot.waitSignal(page.changed, timeout=20_000):
        qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.items_model.rowCount() == 1, timeout=20_000)
    assert column(tab.items_model, "Text") == [COMMENT]


def test_a_chair_gets_no_documents_tab(qtbot: QtBot, open_as: Callable[[str], UnlockedWorkspace]) -> None:
    page = open_page(qtbot, open_as(CHAIR), "DHR-DEMO-07", TODAY)
    assert page.tabs.indexOf(page.documents_tab) == -1
    assert page.documents_tab.drafts_model.rowCount() == 0


def test_locking_empties_the_tab_and_closes_the_export_dialog(
        qtbot: QtBot, open_as: Callable[[str], UnlockedWorkspace], tmp_path: Path) -> None:
    page, tab = documents(qtbot, open_as(COORDINATOR))
    generate(qtbot, page, "terms-of-reference")
    with qtbot.waitSignal(page.changed, timeout=20_000):
        tab.import_review_file(returned_draft(tmp_path / "returned.docx"))
    dialog = open_export(qtbot, page)
    dialog.protect_check.setChecked(True)
    qtbot.keyClicks(dialog.password_edit, "panel meeting 4")
    assert mentions(page, COMMENT) and mentions(page, REF)

    page.clear()

    assert page.dialog is None and not dialog.isVisible() and dialog.password_edit.text() == ""
    assert tab.drafts_model.rowCount() == 0 and tab.items_model.rowCount() == 0
    assert not tab.notice.text() and not tab.review_notice.text()
    assert not mentions(page, COMMENT) and not mentions(page, REF)
