"""Render every main screen of the demo workspace to PNG, offscreen, for the user guide and for reviewing the UI.

    .venv/bin/python tools/screenshots.py [--out OUTDIR] [--scale 2]     (default OUTDIR: docs/images)

Everything shown is fictional (`dhr-manager demo`) and lives in a temporary workspace deleted afterwards.
The user guide shows these files from docs/images; `NAMES` lists every picture this tool makes, and a test holds
the guide to it, so the guide can never show a stale or hand-made picture. Regenerate after changing a screen.
"""

import argparse
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DOCS_IMAGES = Path(__file__).resolve().parent.parent / "docs" / "images"
# Every picture `main` saves, in order. A new picture must be added here (save() refuses names not listed).
NAMES = (
    "01-first-run-details", "02-first-run-recovery-key", "03-unlock-wrong-passphrase",
    "04-dashboard", "05-cases", "06-tasks", "07-agencies", "08-audit", "09-settings", "07-agencies-edit-dialog",
    "10-case-notification", "10-case-panel", "10-case-chronology", "10-case-report", "10-case-action-plan",
    "10-case-recommendations-and-actions", "10-case-combined-chronology", "10-case-documents", "10-case-deadlines",
    "10-case-people", "10-case-tasks",
    "10-case-audit", "10-case-chronology-from-a-date", "10-case-documents-export", "10-case-documents-export-blocked",
    "11-case-paused", "12-locked", "13-chair-case-view", "14-about",
    "15-action-plans", "15-action-plans-overdue", "16-case-recommendations-and-actions",
    "16-case-add-recommendation", "16-case-update-action", "16-case-publication",
)


def save(widget: object, out: Path, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    if name not in NAMES:
        raise SystemExit(f"the picture '{name}' is not in NAMES in tools/screenshots.py: add it there")
    widget.show()  # type: ignore[attr-defined]
    QApplication.processEvents()
    path = out / f"{name}.png"
    if not widget.grab().save(str(path)):  # type: ignore[attr-defined]
        raise SystemExit(f"could not write {path}")
    print(path)


def settle(done: Callable[[], bool], seconds: float = 30) -> None:
    """Let background work (generating, checking, reading) finish before the picture is taken."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit("background work did not finish in time")
        QApplication.processEvents()
        time.sleep(0.02)


def returned_draft(content: bytes, path: Path) -> Path:
    """A draft as the chair sends it back: two comments and a tracked insertion, all fictional."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(content))
    paragraphs = [p for p in document.paragraphs if p.runs and len(p.text.split()) > 6]
    chair = {"author": "Dr Fictional Chair", "initials": "FC"}
    document.add_comment(paragraphs[0].runs, text="Please add the date the panel agreed this.", **chair)
    document.add_comment(paragraphs[2].runs, text="Can we say which agencies were asked first?", **chair)
    inserted = OxmlElement("w:ins")
    for name, value in (("w:id", "9001"), ("w:author", chair["author"]), ("w:date", "2026-01-12T10:30:00Z")):
        inserted.set(qn(name), value)
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = " The family's advocate will be invited to every panel."
    run.append(text)
    inserted.append(run)
    paragraphs[1]._p.append(inserted)
    document.save(str(path))
    return path


def main(out: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from dhr_manager.services.chronology import import_chronology
    from dhr_manager.services.demo import build_demo
    from dhr_manager.services.drafts import draft_content, generate_draft
    from dhr_manager.settings import Settings
    from dhr_manager.storage.crypto import KdfParams
    from dhr_manager.storage.workspace import Workspace
    from dhr_manager.ui.fields import to_qdate
    from dhr_manager.ui.first_run import FirstRunDialog
    from dhr_manager.ui.main_window import MainWindow
    from dhr_manager.ui.unlock_dialog import UnlockDialog

    out.mkdir(parents=True, exist_ok=True)
    if out.resolve() == DOCS_IMAGES:  # a picture the tool no longer makes must not linger beside the guide
        for old in out.glob("*.png"):
            if old.stem not in NAMES:
                old.unlink()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("DHR Manager")
    with tempfile.TemporaryDirectory() as folder:
        first_run = FirstRunDialog(Path(folder) / "new.dhr")
        first_run.name_edit.setText("Ada Admin")
        first_run.passphrase_edit.setText("correct horse battery staple")
        first_run.repeat_edit.setText("correct horse battery staple")
        save(first_run, out, "01-first-run-details")
        first_run.create_button.click()
        save(first_run, out, "02-first-run-recovery-key")
        first_run.reject()
        if first_run.unlocked is not None:
            first_run.unlocked.lock()
            first_run.unlocked.workspace.close()

        path = Path(folder) / "demo.dhr"
        passphrase = build_demo(path, kdf=KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1))
        workspace = Workspace.open(path)
        unlock = UnlockDialog(path)
        unlock.user_combo.setCurrentText("Demo Administrator")
        unlock.passphrase_edit.setText("not the passphrase")
        unlock.unlock_button.click()
        save(unlock, out, "03-unlock-wrong-passphrase")
        unlock.passphrase_edit.setText(passphrase)
        unlock.unlock_button.click()
        assert unlock.key is not None

        ws = workspace.unlock_with(unlock.key)
        window = MainWindow(ws, Settings(Path(folder) / "settings.json"))
        window.resize(1280, 800)
        for number, key in enumerate(("dashboard", "cases", "tasks", "agencies", "audit", "settings"), start=4):
            window.show_view(key)
            settle(lambda: not window.dashboard.loading)  # the dashboard reads the cases in the background
            save(window, out, f"{number:02d}-{key}")
        agencies = window.agencies
        agencies.table.selectRow(0)
        edit = agencies.edit_dialog(agencies.model.row(0))
        save(edit, out, "07-agencies-edit-dialog")
        edit.reject()
        for kind in ("terms-of-reference", "terms-of-reference", "overview-report", "family-letter"):
            generate_draft(ws, "DHR-DEMO-05", kind)
        _number, content = draft_content(ws, "DHR-DEMO-05", "terms-of-reference", 1)
        window.open_case("DHR-DEMO-05")
        documents = window.case_page.documents_tab
        documents.import_review_file(returned_draft(content, Path(folder) / "terms-of-reference v0.1 FC.docx"))
        settle(lambda: documents.items_model.rowCount() > 0)
        tabs = window.case_page.tabs
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            name = tabs.tabText(index).replace("&", "").lower().replace(" ", "-")
            save(window, out, f"10-case-{name}")
        chronology = window.case_page.chronology_tab
        tabs.setCurrentWidget(chronology)
        # From half-way through the approximate (month) entry: it stays, the exact days before it go.
        month = next(e for e in chronology.shown_entries() if e.when.approximate and not e.when.circa)
        chronology.from_check.setChecked(True)
        chronology.from_edit.setDate(to_qdate(month.when.start + (month.when.end - month.when.start) / 2))
        save(window, out, "10-case-chronology-from-a-date")
        chronology.clear_filters()
        tabs.setCurrentWidget(documents)
        kinds = [draft.kind for draft in documents.drafts_model.rows()]
        documents.drafts_view.selectRow(kinds.index("terms-of-reference"))
        export = documents.export_dialog()
        export.protect_check.setChecked(True)
        settle(lambda: not export.checking)
        save(export, out, "10-case-documents-export")
        export.reject()
        # An agency return that names the victim, as agencies sometimes send them: the check stops its export.
        named = Path(folder) / "probation.csv"
        named.write_text("Date,Event\n01/05/2021,Letter sent to Rhea Pretendly about her appointment\n")
        import_chronology(ws, "DHR-DEMO-05", named, "Probation Service")
        generate_draft(ws, "DHR-DEMO-05", "chronology")
        window.refresh()
        kinds = [draft.kind for draft in documents.drafts_model.rows()]
        documents.drafts_view.selectRow(kinds.index("chronology"))
        blocked = documents.export_dialog()
        settle(lambda: not blocked.checking)
        save(blocked, out, "10-case-documents-export-blocked")
        blocked.reject()
        window.show_view("actions")
        save(window, out, "15-action-plans")
        window.show_overdue_actions()
        save(window, out, "15-action-plans-overdue")
        window.open_action_plan("DHR-DEMO-08")
        save(window, out, "16-case-recommendations-and-actions")
        plan = window.case_page.action_plan_tab
        recommendation = plan.recommendation_dialog()
        recommendation.text_edit.setPlainText("Westford Council to consider raising awareness of the review")
        recommendation.agency_edit.setText("Westford Council")
        save(recommendation, out, "16-case-add-recommendation")
        recommendation.reject()
        update = plan.update_dialog(plan.actions_model.row(0))
        save(update, out, "16-case-update-action")
        update.reject()
        window.open_case("DHR-DEMO-07")  # approval by the Home Office is still awaited: publication is blocked
        publication = window.case_page.action_plan_tab.publication_dialog()
        save(publication, out, "16-case-publication")
        publication.reject()
        window.open_case("DHR-DEMO-06")
        save(window, out, "11-case-paused")
        about = window.show_about()
        save(about, out, "14-about")
        about.close()
        window.lock()
        save(window, out, "12-locked")
        window.close()

        chair = Workspace.open(path).unlock("Demo Chair", passphrase)
        chair_window = MainWindow(chair, Settings(Path(folder) / "chair-settings.json"))
        chair_window.resize(1280, 800)
        chair_window.open_case("DHR-DEMO-07")
        save(chair_window, out, "13-chair-case-view")
        chair_window.close()
        workspace.close()
        chair.workspace.close()
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", help="where to write the pictures (default: docs/images)")
    parser.add_argument("--out", dest="out_option", type=Path, metavar="OUTDIR", help="the same, as an option")
    parser.add_argument("--scale", help="render at this scale factor, e.g. 2 for 200 %%")
    args = parser.parse_args()
    if args.scale:
        os.environ["QT_SCALE_FACTOR"] = args.scale
    sys.exit(main(args.out_option or args.out or DOCS_IMAGES))
