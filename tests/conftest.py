"""Shared fixtures: the seeds, and a migrated database on SQLite and PostgreSQL.

PostgreSQL runs when ``REFERATBOT_TEST_DATABASE_URL`` is set (``.ci/run`` sets
it and starts the server); each test gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from storage.engine import Database

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
PG_URL = os.environ.get("REFERATBOT_TEST_DATABASE_URL", "")


def seed(prefix: str) -> Path:
    """The seed document whose file name starts with ``prefix`` (e.g. "000")."""
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return found[0]


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds not found at {SEEDS}")
    return SEEDS


async def _sqlite_db(tmp_path: Path) -> AsyncIterator[Database]:
    db = Database(f"sqlite:///{tmp_path / 'referatbot.db'}")
    await db.upgrade()
    try:
        yield db
    finally:
        await db.dispose()


async def _postgres_db() -> AsyncIterator[Database]:
    if not PG_URL:
        pytest.skip("PostgreSQL not configured: set REFERATBOT_TEST_DATABASE_URL (.ci/run does)")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = Database(PG_URL)
    async with admin.engine.begin() as conn:
        await conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    db = Database(PG_URL, connect_args={"server_settings": {"search_path": schema}})
    try:
        await db.upgrade()
        yield db
    finally:
        await db.dispose()
        async with admin.engine.begin() as conn:
            await conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        await admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """A migrated, empty database: once on SQLite, once on PostgreSQL."""
    gen = _sqlite_db(tmp_path) if request.param == "sqlite" else _postgres_db()
    async for database in gen:
        yield database


@pytest.fixture
async def sqlite_db(tmp_path: Path) -> AsyncIterator[Database]:
    async for database in _sqlite_db(tmp_path):
        yield database
