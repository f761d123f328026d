"""Issue 4 figures for the desktop application, on a 1,000-case workspace (prints figures; asserts nothing).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui.py

Start-up is measured on the real path (`dhr_manager.ui.application.start`: unlock dialog, then the main window),
in fresh processes, alternating with a bare PySide6 QMainWindow start measured in the same run. Argon2id is
excluded: the bench workspace derives its keys with Argon2id at its minimum (8 KiB, one pass: well under a
millisecond). Targets and figures:
  (a) process start to the unlock dialog shown and accepting input: at most 2 x the bare start;
      while the rest of the application imports behind it, keystrokes (typed every 80 ms) stall at most 100 ms;
  (b) Unlock pressed to the main window shown and interactive (navigation works), and to the dashboard filled
      over 1,000 cases; no GUI-thread stall over 100 ms while it fills;
  (c) process start to an unlocked, interactive main window (shown, navigation answering) when the passphrase is
      filled in the moment the dialog appears (no typing for the imports to hide behind): the issue's target, at
      most 2 x the bare start; then the time until its screens are built, the imports behind it done;
  filtering 1,000 cases by a search string: at most 50 ms;
  no GUI-thread stall over 100 ms while a long operation runs in the background.
"""

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fill import fill_cases  # noqa: E402

from dhr_manager.storage.crypto import KdfParams  # noqa: E402
from dhr_manager.storage.workspace import Workspace  # noqa: E402

PASSPHRASE = "benchmark passphrase only"
CHEAP_KDF = KdfParams(memory_kib=8, iterations=1, lanes=1)  # Argon2id at its minimum (8 KiB a lane)

# Each script prints "<event> <time.monotonic()>" lines; the parent subtracts the moment it spawned the process
# (monotonic is the same clock in both processes).
BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1200, 780)
window.show()
QTimer.singleShot(0, lambda: (print("window", time.monotonic(), flush=True), app.quit()))
app.exec()
"""

# The real start: application.start shows the unlock dialog and later the main window. `probe` runs from the
# first event loop turn, the dialog's; mode "typing" types the passphrase a key every 80 ms as the rest imports,
# mode "immediate" fills the passphrase in (as a password manager does, not key by key) and presses Unlock at once.
OURS = """
import sys, time
from pathlib import Path
import PySide6.QtCore
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from dhr_manager.ui import application
from dhr_manager.ui.unlock_dialog import UnlockDialog

path, passphrase, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
app = QApplication(sys.argv)
gaps, last = [0.0], [0.0]
said = set()

def say(event, value=None):
    print(event, time.monotonic() if value is None else value, flush=True)

def tick():
    now = time.monotonic()
    gaps[-1] = max(gaps[-1], now - last[0])
    last[0] = now

ticker = QTimer()
ticker.setInterval(5)
ticker.timeout.connect(tick)

def key(widget, text, code=0):
    from PySide6.QtCore import Qt  # not before: the application sets up the Qt namespace behind its window

    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.postEvent(widget, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text))

def probe():
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, UnlockDialog) or not dialog.isVisible():
        QTimer.singleShot(0, probe)
        return
    say("dialog")
    if mode == "immediate":
        dialog.passphrase_edit.setText(passphrase)
        say("submit")
        QTimer.singleShot(0, find_window)
        dialog.unlock_button.click()
        return
    last[0] = time.monotonic()
    ticker.start()
    typed = iter(passphrase)

    def type_next():
        char = next(typed, None)
        if char is not None:
            key(dialog.passphrase_edit, char)
            QTimer.singleShot(80, type_next)
            return
        say("typing_stall", gaps[-1])
        gaps.append(0.0)
        say("submit")
        QTimer.singleShot(0, find_window)
        key(dialog.passphrase_edit, "", PySide6.QtCore.Qt.Key.Key_Return)

    type_next()

def find_window():
    from dhr_manager.ui.main_window import MainWindow
    window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)
    if window is None:
        QTimer.singleShot(0, find_window)
        return
    say("window")
    say("flag_qt_before_window", float("Qt" in vars(PySide6.QtCore)))
    if mode == "typing":
        last[0] = time.monotonic()
        ticker.start()

    def wait_filled():
        if window.workspace is None:  # the screens arrive once their modules are imported
            QTimer.singleShot(5, wait_filled)
            return
        if "attached" not in said:
            say("attached")
            said.add("attached")
            if mode == "immediate":
                window.close()
                return
        if window.dashboard.loading:
            QTimer.singleShot(5, wait_filled)
            return
        say("filled")
        say("fill_stall", gaps[-1])
        window.close()

    wait_filled()

QTimer.singleShot(0, probe)
application.start(path)
"""


def run(script: str, *args: str, env: dict[str, str]) -> dict[str, float]:
    """The script's events, in seconds since the process was spawned (stalls as they are, in seconds)."""
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env,
                          cwd=HERE.parent, timeout=300)
    events = {}
    for line in proc.stdout.splitlines():
        name, _space, value = line.partition(" ")
        events[name] = float(value) - (0 if "stall" in name or name.startswith("flag_") else start)
    if "window" not in events:
        raise RuntimeError(f"the window did not start: {proc.stderr}")
    return events


def ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds) * 1000:.0f} ms (runs: {', '.join(f'{s * 1000:.0f}' for s in seconds)})"


def main() -> None:
    # Started as installed (pip and the bundle compile the package): not compiling changed modules from source in
    # every process, which happens here when PYTHONDONTWRITEBYTECODE is set, as on this machine.
    compileall.compile_dir(HERE.parent / "dhr_manager", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.dhr"
        ws, _ = Workspace.create(path, "Bench Admin", PASSPHRASE, kdf=CHEAP_KDF)
        fill_cases(ws, 1000, agencies=3)
        env = {**os.environ, "XDG_CONFIG_HOME": str(Path(tmp) / "config"), "QT_QPA_PLATFORM": "offscreen"}

        bare, typing, immediate = [], [], []
        for _ in range(5):  # alternate so that all see the same machine state; five, as this machine is noisy
            bare.append(run(BARE, env=env)["window"])
            typing.append(run(OURS, str(path), PASSPHRASE, "typing", env=env))
            immediate.append(run(OURS, str(path), PASSPHRASE, "immediate", env=env))
        b = statistics.median(bare)
        dialog = [t["dialog"] for t in typing] + [t["dialog"] for t in immediate]
        print(f"bare PySide6 QMainWindow start: {ms(bare)}; 2 x bare = {2 * b * 1000:.0f} ms")
        print(f"(a) start to unlock dialog accepting input: {ms(dialog)}, ratio "
              f"{statistics.median(dialog) / b:.2f} (target <= 2.00)")
        print(f"    longest keystroke stall while the rest imports: {ms([t['typing_stall'] for t in typing])} "
              "(target <= 100 ms)")
        print(f"(b) Unlock pressed to interactive main window: {ms([t['window'] - t['submit'] for t in typing])}; "
              f"to dashboard filled (1,000 cases): {ms([t['filled'] - t['submit'] for t in typing])}")
        print(f"    longest GUI-thread stall while the dashboard fills: {ms([t['fill_stall'] for t in typing])} "
              f"(target <= 100 ms)")
        c = [t["window"] for t in immediate]
        print(f"(c) start to unlocked, interactive main window, passphrase given at once: {ms(c)}, ratio "
              f"{statistics.median(c) / b:.2f} (target <= 2.00)")
        print(f"    its screens built (the imports behind the dialog done): {ms([t['attached'] for t in immediate])}")
        early = sum(t["flag_qt_before_window"] for t in immediate)
        print(f"    of these runs, those in which PySide's Qt namespace (93 enums, about 45 ms) was set up before the "
              f"window appeared: {early:.0f} (expected none: see dhr_manager/ui/application.py)")

        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from dhr_manager.services.integrity import verify_workspace
        from dhr_manager.settings import Settings
        from dhr_manager.ui.background import run_in_background
        from dhr_manager.ui.main_window import MainWindow
        from dhr_manager.ui.pages.cases_page import CasesPage

        app = QApplication.instance() or QApplication(sys.argv)
        page = CasesPage(Settings(Path(tmp) / "settings.json"))
        page.show_workspace(ws)
        timings = []
        for text in ("BENCH-05", "adult 99", "BENCH-0999", "", "area 3"):
            start = time.perf_counter()
            page.search.setText(text)
            timings.append(time.perf_counter() - start)
        print(f"filter 1,000 cases by a search string: median {statistics.median(timings) * 1000:.1f} ms, "
              f"worst {max(timings) * 1000:.1f} ms (target <= 50 ms)")

        window = MainWindow(ws, Settings(Path(tmp) / "settings2.json"))
        window.show()
        while window.dashboard.loading:
            app.processEvents()
            time.sleep(0.005)
        settle = time.perf_counter() + 0.5  # let the filled dashboard paint itself, as a user would see it first
        while time.perf_counter() < settle:
            app.processEvents()
            time.sleep(0.005)
        gaps: list[float] = []
        stamps: list[float] = []
        started = time.perf_counter()
        last = [time.perf_counter()]
        done = [False]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            stamps.append(now - started)
            last[0] = now

        ticker = QTimer()
        ticker.setInterval(5)
        ticker.timeout.connect(tick)
        ticker.start()
        started = time.perf_counter()
        run_in_background(window, "Verifying", lambda: [verify_workspace(ws) for _ in range(10)],
                          lambda _r: done.__setitem__(0, True),
                          lambda exc: (print("failed:", exc), done.__setitem__(0, True)))
        while not done[0]:
            app.processEvents()
            time.sleep(0.001)
        ticker.stop()
        print(f"GUI thread while verify (every sealed value, ten times over) ran in the background for "
              f"{(time.perf_counter() - started) * 1000:.0f} ms: longest stall {max(gaps) * 1000:.0f} ms "
              f"(target <= 100 ms) at {stamps[gaps.index(max(gaps))] * 1000:.0f} ms")
        window.close()
        ws.lock()
        ws.workspace.close()


if __name__ == "__main__":
    main()
