"""Issue 5 figure: importing a 5,000-row .xlsx chronology (read, check, seal, store). Target: at most 3 s.

Run: .venv/bin/python bench/chronology.py   (prints figures; asserts nothing)
"""

import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook

from dhr_manager.services.cases import create_case
from dhr_manager.services.chronology import import_chronology, list_chronology
from dhr_manager.storage.crypto import KdfParams
from dhr_manager.storage.workspace import Workspace


def write_xlsx(path: Path, rows: int) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Chronology")
    sheet.append(["Date", "Time", "Source / record reference", "Event / contact", "Action / outcome", "Comments"])
    start = date(2015, 1, 1)
    for i in range(rows):
        day = start + timedelta(days=i % 3000)
        sheet.append([day.strftime("%d/%m/%Y"), f"{9 + i % 9:02d}:{i % 60:02d}", f"REF-{i:05d}",
                      f"Fictional contact number {i} with Adult A: " + "details of the contact " * 6,
                      "Advice given and follow-up booked", "No concerns recorded at the time"])
    book.save(path)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ws, _ = Workspace.create(folder / "bench.dhr", "Bench Admin", "benchmark passphrase only",
                                 kdf=KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1))
        times = []
        for run in range(3):
            reference = f"DHR-BENCH-{run}"
            create_case(ws, reference, "Fictional Area", date(2026, 1, 5))
            path = folder / f"agency-{run}.xlsx"
            write_xlsx(path, 5000)
            start = time.perf_counter()
            result = import_chronology(ws, reference, path, "Fictional Agency")
            times.append(time.perf_counter() - start)
            assert len(result.preview.entries) == 5000
        print(f"import a 5,000-row .xlsx: median {statistics.median(times):.2f} s, best {min(times):.2f} s "
              "(target <= 3 s)")
        start = time.perf_counter()
        view = list_chronology(ws, "DHR-BENCH-0")
        print(f"read back and merge 5,000 entries (what the chronology tab loads): "
              f"{(time.perf_counter() - start) * 1000:.0f} ms for {len(view.entries)} entries")
        ws.lock()
        ws.workspace.close()


if __name__ == "__main__":
    main()
