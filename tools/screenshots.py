"""Render the main screens to PNG so anyone can look at them without running the application.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py OUTDIR

Everything shown is fictional and lives in a temporary workspace that is deleted afterwards.
"""

import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from dhr_manager.domain.cases import PersonRole
from dhr_manager.services.cases import create_case
from dhr_manager.services.people import add_person
from dhr_manager.ui.first_run import FirstRunDialog
from dhr_manager.ui.main_window import MainWindow
from dhr_manager.ui.unlock_dialog import UnlockDialog

ADMIN = "Ada Admin"
PASSPHRASE = "correct horse battery staple"
CASES = [  # reference, area, notified, victim's fictional name, pseudonym
    ("DHR-2026-001", "Northshire", date(2026, 1, 5), "Jane Example", "Adult A"),
    ("DHR-2026-002", "Southvale", date(2026, 2, 9), "Mary Sample", "Adult B"),
]


def save(widget: QWidget, out: Path, name: str) -> None:
    widget.show()
    QApplication.processEvents()
    path = out / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("DHR Manager")
    with tempfile.TemporaryDirectory() as folder:
        first_run = FirstRunDialog(Path(folder) / "workspace.dhr")
        first_run.name_edit.setText(ADMIN)
        first_run.passphrase_edit.setText(PASSPHRASE)
        first_run.repeat_edit.setText(PASSPHRASE)
        save(first_run, out, "1-first-run-details")
        first_run.create_button.click()
        save(first_run, out, "2-first-run-recovery-key")
        first_run.stored_checkbox.setChecked(True)
        first_run.finish_button.click()
        unlocked = first_run.unlocked
        assert unlocked is not None

        for reference, area, notified, name, pseudonym in CASES:
            create_case(unlocked, reference, area, notified)
            add_person(unlocked, reference, PersonRole.VICTIM, name, pseudonym)
        unlocked.lock()

        unlock = UnlockDialog(unlocked.workspace)
        unlock.passphrase_edit.setText("not the passphrase")
        unlock.unlock_button.click()
        save(unlock, out, "3-unlock-wrong-passphrase")
        unlock.passphrase_edit.setText(PASSPHRASE)
        unlock.unlock_button.click()
        assert unlock.unlocked is not None

        window = MainWindow(unlock.unlocked)
        save(window, out, "4-main-window")
        window.close()
        unlocked.workspace.close()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
