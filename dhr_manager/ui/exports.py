"""Exports that leave the workspace as a file the user picks: the calendar (.ics) and the administrator's return.

Each asks where to save (`QFileDialog.getSaveFileName`, which tests replace), builds and writes the file on a worker
thread with `run_in_background` (the return reads every case), then says what was written in a message that does
not stop the event loop. An existing file is never replaced: the service refuses it, and the message says so.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from dhr_manager.errors import DhrError
from dhr_manager.services.export_file import write_new_file
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.background import run_in_background
from dhr_manager.ui.save_paths import free_path

MESSAGE_NAME = "export_message"  # the object name of the message shown when the file is written (or not)


def _tr(text: str) -> str:
    return QCoreApplication.translate("exports", text)


def show_message(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A window-modal message that does not block (timers, auto-lock and tests go on)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(MESSAGE_NAME)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def save_export(parent: QWidget, title: str, suggested: Path, file_filter: str, make: Callable[[Path], str]) -> bool:
    """Ask where to save (offering `suggested`), then run `make(path)`, which writes the file and returns what to
    tell the user, in the background. False if the user cancelled."""
    # Qt's own "replace?" question is off: the answer could only be no, and the refusal says so in words.
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter,
                                                  options=QFileDialog.Option.DontConfirmOverwrite)
    if not chosen:
        return False
    out = Path(chosen)
    if not out.suffix:
        out = out.with_suffix(suggested.suffix)

    def failed(exc: Exception) -> None:
        message = exc.message if isinstance(exc, DhrError) else _tr(
            "The export failed ({kind}); nothing was written.").format(kind=type(exc).__name__)
        show_message(parent, QMessageBox.Icon.Warning, _tr("File not written"), message)

    run_in_background(parent, _tr("Writing {name}…").format(name=out.name), lambda: make(out),
                      lambda text: show_message(parent, QMessageBox.Icon.Information, title, text), failed)
    return True


def export_calendar_file(parent: QWidget, ws: UnlockedWorkspace, reference: str | None = None,
                         today: date | None = None) -> bool:
    """Every open deadline and task, of one case or of every live case the user reads, as an .ics file."""
    day = (today or date.today()).isoformat()

    from dhr_manager.services.calendar_export import make_calendar  # icalendar: not needed to start the window
    from dhr_manager.ui.case.export_dialog import documents_folder

    def make(out: Path) -> str:
        made = make_calendar(ws, reference, today)
        write_new_file(out, made.data, ".ics", "calendar")
        count = _tr("1 event") if made.events == 1 else _tr("{n} events").format(n=made.events)
        return _tr("Wrote {count} to {path}.\n\nImport the file into Outlook, Google or Apple Calendar. Importing a "
                   "newer export updates the same events instead of adding copies. The entries show case "
                   "references and pseudonyms only.").format(count=count, path=out)

    stem = f"{reference} deadlines {day}" if reference else f"DHR deadlines {day}"
    return save_export(parent, _tr("Export calendar"), free_path(documents_folder(), stem, ".ics"),
                       _tr("Calendar files (*.ics)"), make)


def export_return_file(parent: QWidget, ws: UnlockedWorkspace, today: date | None = None) -> bool:
    """The administrator's return of every case as an .xlsx workbook."""
    day = (today or date.today()).isoformat()

    from dhr_manager.services.board_return import build_return  # openpyxl: not needed to start the window
    from dhr_manager.ui.case.export_dialog import documents_folder

    def make(out: Path) -> str:
        write_new_file(out, build_return(ws, today), ".xlsx", "return")
        return _tr("Wrote the administrator's return to {path}.\n\nIt has one row per case and a second sheet that "
                   "explains each column. It shows case references and pseudonyms only.").format(path=out)

    return save_export(parent, _tr("Administrator's return"),
                       free_path(documents_folder(), f"DHR administrator's return {day}", ".xlsx"),
                       _tr("Excel workbooks (*.xlsx)"), make)
