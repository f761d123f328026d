"""Issue 7 figure: the action plan's monitoring tasks and RAG for 1,000 cases with 12 actions each.

Run: .venv/bin/python bench/action_plans.py   (prints figures; asserts nothing). This is what the task list adds
on top of bench/workflow.py when every case has an action plan; decryption is measured in bench/workspace.py.
"""

import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dhr_manager.domain.actions import ActionFacts, monitoring_tasks, rag_words

TODAY = date(2026, 11, 22)


def make_plan(i: int) -> list[ActionFacts]:
    added = date(2024, 1, 1) + timedelta(days=i % 600)
    return [ActionFacts(f"{i}-{r}-{a}", f"{r}.{a}", f"Agency {(r + a) % 5}", added,
                        added + timedelta(days=90 * (a + 1)), added + timedelta(days=60) if a == 0 else None)
            for r in range(1, 5) for a in range(1, 4)]


def main() -> None:
    plans = [make_plan(i) for i in range(1000)]
    runs = []
    for _ in range(7):
        start = time.perf_counter()
        count = 0
        for i, plan in enumerate(plans):
            count += len(monitoring_tasks(f"case-{i}", plan, 3, TODAY))
            for action in plan:
                rag_words(action.target, action.completed_on, False, TODAY)
        runs.append((time.perf_counter() - start) * 1000)
    print(f"monitoring tasks ({count:,}) and RAG words (12,000) for 1,000 cases x 12 actions: "
          f"median {statistics.median(runs):.0f} ms, best {min(runs):.0f} ms")


if __name__ == "__main__":
    main()
