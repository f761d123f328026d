"""Opening the SQLite file safely: a check before anything is written, and connections set up for safety.

Every connection runs in WAL mode with foreign keys on and `synchronous=FULL`, so a committed transaction
survives a crash or power cut and a killed process leaves either all or none of its transaction. Write
units of work start with `BEGIN IMMEDIATE`, which takes the write lock up front: two processes on one
workspace queue for it (up to `BUSY_TIMEOUT_S`) instead of failing half-way through.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError

from dhr_manager.errors import WorkspaceLocked
from dhr_manager.storage.unlocking import BUSY_TIMEOUT_S

APPLICATION_ID = "dhr-manager"


def make_engine(path: Path) -> Engine:
    """An engine whose connections are set up for durability and whose write transactions lock up front."""
    # check_same_thread off: the GUI runs long work on worker threads; the pool gives each connection to one
    # thread at a time, which is what SQLite needs.
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        for pragma in (
            "PRAGMA journal_mode=WAL",
            "PRAGMA foreign_keys=ON",
            "PRAGMA synchronous=FULL",
            "PRAGMA temp_store=MEMORY",  # sorts and temporary tables never touch the disk
        ):
            dbapi_connection.execute(pragma)

    @event.listens_for(engine, "begin")
    def _begin(conn: object) -> None:
        write = conn.get_execution_options().get("dhr_write", False)  # type: ignore[attr-defined]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")  # type: ignore[attr-defined]

    return engine


@contextmanager
def busy_as_locked() -> Iterator[None]:
    """Turn SQLite's 'database is locked' after the busy timeout into a message a coordinator understands."""
    try:
        yield
    except OperationalError as exc:
        if "locked" in str(exc.orig) or "busy" in str(exc.orig):
            raise WorkspaceLocked(
                "The workspace is busy: another DHR Manager window or command is saving. Try again in a moment."
            ) from None
        raise
