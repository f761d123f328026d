"""A second process writing to a workspace, for the crash and concurrency tests.

Usage: python -m tests.helpers.writer PATH PASSPHRASE MODE COUNT
  MODE big:    one transaction of COUNT notes, announcing "BEGIN" just before it starts
  MODE small:  COUNT transactions of one note each
"""

import sys
from pathlib import Path

from dhr_manager.services.notes import add_notes
from dhr_manager.storage.workspace import Workspace


def main(path: str, passphrase: str, mode: str, count: str) -> None:
    ws = Workspace.open(Path(path)).unlock(None, passphrase)
    n = int(count)
    if mode == "big":
        texts = [f"Bulk note {i:05d}: " + "x" * 280 for i in range(n)]
        print("BEGIN", flush=True)
        add_notes(ws, "DHR-2026-001", texts)
    else:
        for i in range(n):
            add_notes(ws, "DHR-2026-001", [f"Small note {i:05d} from process {sys.argv[0]}"])
    print("DONE", flush=True)
    ws.lock()
    ws.workspace.close()


if __name__ == "__main__":
    main(*sys.argv[1:5])
