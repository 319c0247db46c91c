"""The async engine and sessions.

SQLite (through aiosqlite) is the embedded default; PostgreSQL (through
asyncpg) when several replicas serve one organisation. Plain URLs such as
``sqlite:///referatbot.db`` or ``postgresql://host/db`` are given their async
driver here, so operators never need to know driver names.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

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
    return engine


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)


@asynccontextmanager
async def transaction(
    sessions: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    """A session inside one transaction: committed on success, rolled back on error."""
    async with sessions() as session, session.begin():
        yield session


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

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def transaction(self) -> AbstractAsyncContextManager[AsyncSession]:
        """``async with db.transaction() as session:`` commits on success, rolls back on error."""
        return transaction(self.sessions)

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
