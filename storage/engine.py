"""The async engine and sessions.

SQLite (through aiosqlite) is the embedded default; PostgreSQL (through
asyncpg) when several replicas serve one organisation. Plain URLs such as
``sqlite:///referatbot.db`` or ``postgresql://host/db`` are given their async
driver here, so operators never need to know driver names.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, nullcontext
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from storage.errors import DatabaseUnavailable

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///referatbot.db"

_ASYNC_DRIVERS = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg",
                  "postgres": "postgresql+asyncpg"}


def async_url(url: str) -> str:
    """Return ``url`` with an async driver (aiosqlite / asyncpg) filled in."""
    parsed = make_url(url)
    driver = _ASYNC_DRIVERS.get(parsed.drivername)
    if driver is not None:
        parsed = parsed.set(drivername=driver)
    return parsed.render_as_string(hide_password=False)


def is_sqlite(engine: AsyncEngine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()
    # The driver's own implicit BEGIN is switched off; _sqlite_begin emits it instead.
    dbapi_connection.isolation_level = None


def _sqlite_begin(conn: sa.Connection) -> None:
    """Begin SQLite transactions ourselves: ``BEGIN IMMEDIATE`` for write transactions.

    A deferred transaction that reads first and writes later fails at once with "database
    is locked" when another writer committed in between (WAL snapshots cannot be upgraded);
    the busy timeout does not help there. Taking the write lock at the start makes writers
    queue on the busy timeout instead. Read-only sessions keep a plain deferred BEGIN.
    """
    immediate = conn.get_execution_options().get(_IMMEDIATE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


_IMMEDIATE = "referatbot_sqlite_immediate"


def make_engine(
    url: str = DEFAULT_DATABASE_URL,
    *,
    echo: bool = False,
    connect_args: dict[str, Any] | None = None,
) -> AsyncEngine:
    """Create the engine for ``url``; SQLite gets WAL, foreign keys and a busy timeout."""
    engine = create_async_engine(
        async_url(url), echo=echo, pool_pre_ping=True, connect_args=connect_args or {}
    )
    if is_sqlite(engine):
        sa.event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine.sync_engine, "begin", _sqlite_begin)
    return engine


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)


@asynccontextmanager
async def transaction(
    sessions: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    """A session inside one transaction: committed on success, rolled back on error.

    On SQLite the transaction takes the write lock when it begins (see ``_sqlite_begin``).
    """
    async with sessions() as session, session.begin():
        await session.connection(execution_options={_IMMEDIATE: True})
        yield session


class _WriterQueue:
    """SQLite has one writer at a time. Its busy handler lets waiting connections poll, which
    is unfair: under a burst (fifty members approving at once) one writer can wait past the
    busy timeout while others overtake it. This process's writers therefore queue here
    first, in arrival order; the busy timeout is left for other processes (the CLI)."""

    def __init__(self, *, timeout: float) -> None:
        self.timeout = timeout
        self._locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary())

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        lock = self._locks.setdefault(loop, asyncio.Lock())
        try:
            async with asyncio.timeout(self.timeout):
                await lock.acquire()
        except TimeoutError as exc:
            raise DatabaseUnavailable("no turn to write to SQLite in time") from exc
        try:
            yield
        finally:
            lock.release()


class Database:
    """The engine and its session factory: one per application, passed to whoever needs it."""

    def __init__(
        self,
        url: str = DEFAULT_DATABASE_URL,
        *,
        echo: bool = False,
        connect_args: dict[str, Any] | None = None,
    ) -> None:
        self.url = async_url(url)
        self.engine = make_engine(url, echo=echo, connect_args=connect_args)
        self.sessions = session_factory(self.engine)
        self._writers = _WriterQueue(timeout=60.0) if is_sqlite(self.engine) else None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """``async with db.transaction() as session:`` commits on success, rolls back on error.

        Never open one inside another on SQLite: the inner one would wait for the outer.
        """
        async with self._writers.turn() if self._writers else nullcontext():
            async with transaction(self.sessions) as session:
                yield session

    async def upgrade(self) -> None:
        """Apply the Alembic migrations up to the newest."""
        from storage.migrate import upgrade

        await upgrade(self.engine)

    async def ping(self) -> bool:
        """True when the database answers a trivial query."""
        try:
            async with self.engine.connect() as conn:
                await conn.execute(sa.text("SELECT 1"))
        except (OSError, sa.exc.SQLAlchemyError):
            return False
        return True

    async def dispose(self) -> None:
        await self.engine.dispose()
