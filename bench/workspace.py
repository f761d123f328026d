"""Foundation figures: unlock time, listing 1,000 cases, and the cost of sealing a large write.

Run: .venv/bin/python bench/workspace.py   (prints figures; asserts nothing)
Targets (issue 2): unlock <= 1 s; list 1,000 cases with victim pseudonyms <= 150 ms;
5,000 sealed 300-byte values in one transaction <= 1.3 x the same write unencrypted.
"""

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fill import fill_cases

from dhr_manager.services.cases import list_cases
from dhr_manager.storage.schema import NoteRow
from dhr_manager.storage.workspace import UnlockedWorkspace, Workspace

PASSPHRASE = "benchmark passphrase only"


def timed(action, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def write_notes(ws: UnlockedWorkspace, case_id: str, sealed: bool, count: int = 5000) -> None:
    text = "n" * 300
    with ws.unit_of_work(write=True) as uow:
        now = datetime.now(UTC)
        for _ in range(count):
            row = NoteRow(case_id=case_id, author_id=ws.user.id)
            if sealed:
                uow.sealer.put(row, "written_at", now)
                uow.sealer.put(row, "text", text)
            else:
                row.written_at, row.text = now.isoformat().encode(), text.encode()
            uow.session.add(row)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.dhr"
        ws, _ = Workspace.create(path, "Bench Admin", PASSPHRASE)
        fill_cases(ws, 1000)
        ws.lock()
        ws.workspace.close()

        unlocks = timed(lambda: Workspace.open(path).unlock(None, PASSPHRASE), 5)
        print(f"unlock (open + Argon2id + key unwrap): median {statistics.median(unlocks) * 1000:.0f} ms "
              f"(target <= 1000 ms)")

        ws = Workspace.open(path).unlock(None, PASSPHRASE)
        listed = list_cases(ws)
        assert len(listed) == 1000 and listed[0].victim_pseudonym
        listing = timed(lambda: list_cases(ws), 7)
        print(f"list 1,000 cases with victim pseudonyms: median {statistics.median(listing) * 1000:.1f} ms "
              f"(target <= 150 ms)")

        case_id = listed[0].id
        sealed_runs, plain_runs = [], []
        for _ in range(5):  # alternate, so that disk and cache effects fall on both alike
            sealed_runs += timed(lambda: write_notes(ws, case_id, sealed=True), 1)
            plain_runs += timed(lambda: write_notes(ws, case_id, sealed=False), 1)
        sealed_ms, plain_ms = statistics.median(sealed_runs) * 1000, statistics.median(plain_runs) * 1000
        print(f"5,000 x 300-byte values in one transaction: sealed {sealed_ms:.0f} ms, plain {plain_ms:.0f} ms, "
              f"ratio {sealed_ms / plain_ms:.2f} (target <= 1.30)")
        ws.lock()
        ws.workspace.close()


if __name__ == "__main__":
    main()
