"""The outbox: proactive messages queued in the database and claimed by one replica.

APScheduler is only a ticker; what is due lives here, so a restart or a killed
replica loses nothing. A claim is a lease (``claimed_until``): rows a dead
replica had claimed become due again when the lease runs out, so the only
possible duplicates are sends that were in flight at the moment of a kill.

Claiming is ``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL and a
conditional ``UPDATE`` per row on SQLite (one writer at a time there).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.models import Outbound, OutboundStatus, utcnow

LEASE = dt.timedelta(seconds=60)
MAX_ATTEMPTS = 6


def payload_of(row: Outbound) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(row.payload)
    return value


async def enqueue(
    session: AsyncSession,
    *,
    key: str,
    kind: str,
    payload: dict[str, Any],
    due_at: dt.datetime,
    conversation_id: str | None = None,
    user_aad_object_id: str | None = None,
) -> bool:
    """Queue one message unless ``key`` was queued before. True when it was added."""
    if (conversation_id is None) == (user_aad_object_id is None):
        raise ValueError("give exactly one of conversation_id and user_aad_object_id")
    values = {
        "key": key, "kind": kind, "payload": json.dumps(payload, ensure_ascii=False),
        "due_at": due_at, "next_attempt_at": due_at, "status": OutboundStatus.PENDING.value,
        "attempts": 0, "conversation_id": conversation_id,
        "user_aad_object_id": user_aad_object_id, "created_at": utcnow(),
    }
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert(Outbound).values(**values).on_conflict_do_nothing(index_elements=["key"])
    result = cast("sa.CursorResult[Any]", await session.execute(stmt))
    return bool(result.rowcount)


def _due(now: dt.datetime) -> sa.ColumnElement[bool]:
    return sa.or_(
        sa.and_(col(Outbound.status) == OutboundStatus.PENDING.value,
                col(Outbound.next_attempt_at) <= now),
        sa.and_(col(Outbound.status) == OutboundStatus.SENDING.value,
                col(Outbound.claimed_until) < now),
    )


async def claim_due(
    session: AsyncSession, *, worker: str, now: dt.datetime | None = None, limit: int = 50,
    lease: dt.timedelta = LEASE,
) -> list[Outbound]:
    """Claim up to ``limit`` due messages for ``worker``; no other replica gets them."""
    now = now or utcnow()
    claim = {"status": OutboundStatus.SENDING.value, "claimed_by": worker,
             "claimed_until": now + lease, "attempts": col(Outbound.attempts) + 1}
    order = (col(Outbound.next_attempt_at), col(Outbound.id))
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        ids = (
            sa.select(col(Outbound.id)).where(_due(now)).order_by(*order).limit(limit)
            .with_for_update(skip_locked=True).scalar_subquery()
        )
        rows = await session.scalars(
            sa.update(Outbound).where(col(Outbound.id).in_(ids))
            .values(**claim).returning(Outbound)
        )
        return sorted(rows.all(), key=lambda r: (r.next_attempt_at, r.id or 0))
    candidates = (await session.scalars(
        sa.select(col(Outbound.id)).where(_due(now)).order_by(*order).limit(limit)
    )).all()
    claimed: list[int | None] = []
    for row_id in candidates:
        result = cast("sa.CursorResult[Any]", await session.execute(
            sa.update(Outbound).where(col(Outbound.id) == row_id, _due(now)).values(**claim)
        ))
        if result.rowcount == 1:
            claimed.append(row_id)
    if not claimed:
        return []
    rows = await session.scalars(
        sa.select(Outbound).where(col(Outbound.id).in_(claimed))
        .order_by(*order).execution_options(populate_existing=True)
    )
    return list(rows.all())


async def extend_leases(session: AsyncSession, *, worker: str, until: dt.datetime) -> None:
    """Keep what ``worker`` is still sending claimed until ``until`` (a live replica renews
    its leases, so they can be short and a killed replica's rows come back soon)."""
    await session.execute(
        sa.update(Outbound).where(col(Outbound.claimed_by) == worker,
                                  col(Outbound.status) == OutboundStatus.SENDING.value)
        .values(claimed_until=until)
    )


async def mark_sent(session: AsyncSession, *, row_id: int, worker: str,
                    activity_id: str | None) -> None:
    await session.execute(
        sa.update(Outbound).where(col(Outbound.id) == row_id, col(Outbound.claimed_by) == worker)
        .values(status=OutboundStatus.SENT.value, sent_at=utcnow(), activity_id=activity_id,
                claimed_until=None, last_error=None)
    )


async def mark_retry(session: AsyncSession, *, row: Outbound, worker: str, error: str,
                     retry_at: dt.datetime) -> OutboundStatus:
    """Put the message back for a later try, or mark it failed after MAX_ATTEMPTS."""
    status = OutboundStatus.FAILED if row.attempts >= MAX_ATTEMPTS else OutboundStatus.PENDING
    await session.execute(
        sa.update(Outbound).where(col(Outbound.id) == row.id, col(Outbound.claimed_by) == worker)
        .values(status=status.value, next_attempt_at=retry_at, claimed_until=None,
                last_error=error[:500])
    )
    return status


async def mark_failed(session: AsyncSession, *, row_id: int, worker: str, error: str) -> None:
    await session.execute(
        sa.update(Outbound).where(col(Outbound.id) == row_id, col(Outbound.claimed_by) == worker)
        .values(status=OutboundStatus.FAILED.value, claimed_until=None, last_error=error[:500])
    )


async def cancel(session: AsyncSession, *, keys: Sequence[str]) -> int:
    """Cancel queued messages that were not sent yet (an event moved or cancelled)."""
    result = cast("sa.CursorResult[Any]", await session.execute(
        sa.update(Outbound).where(col(Outbound.key).in_(keys),
                                  col(Outbound.status) == OutboundStatus.PENDING.value)
        .values(status=OutboundStatus.CANCELLED.value)
    ))
    return int(result.rowcount)


async def cancel_pending(session: AsyncSession, *, kind: str, key_prefix: str,
                         user_aad_object_id: str | None = None) -> int:
    """Cancel the unsent messages of ``kind`` whose key starts with ``key_prefix`` (optionally
    only those to one person): a reminder for someone who has answered, an older card update
    superseded by a newer one."""
    stmt = sa.update(Outbound).where(
        col(Outbound.kind) == kind, col(Outbound.key).startswith(key_prefix, autoescape=True),
        col(Outbound.status) == OutboundStatus.PENDING.value)
    if user_aad_object_id is not None:
        stmt = stmt.where(col(Outbound.user_aad_object_id) == user_aad_object_id)
    result = cast("sa.CursorResult[Any]", await session.execute(
        stmt.values(status=OutboundStatus.CANCELLED.value)))
    return int(result.rowcount)


async def by_key(session: AsyncSession, *, key: str) -> Outbound | None:
    stmt = sa.select(Outbound).where(col(Outbound.key) == key)
    return (await session.scalars(stmt.execution_options(populate_existing=True))).first()


async def postpone(session: AsyncSession, *, row_id: int, worker: str,
                   until: dt.datetime) -> None:
    """Put a claimed message back until ``until`` without counting the claim as an attempt
    (an update whose original message is not sent yet is waiting, not failing)."""
    await session.execute(
        sa.update(Outbound).where(col(Outbound.id) == row_id, col(Outbound.claimed_by) == worker)
        .values(status=OutboundStatus.PENDING.value, next_attempt_at=until, claimed_until=None,
                attempts=col(Outbound.attempts) - 1)
    )


async def mark_cancelled(session: AsyncSession, *, row_id: int, worker: str,
                         reason: str) -> None:
    await session.execute(
        sa.update(Outbound).where(col(Outbound.id) == row_id, col(Outbound.claimed_by) == worker)
        .values(status=OutboundStatus.CANCELLED.value, claimed_until=None,
                last_error=reason[:500])
    )


async def by_status(session: AsyncSession, *, status: OutboundStatus,
                    kind_prefix: str | None = None) -> list[Outbound]:
    stmt = sa.select(Outbound).where(col(Outbound.status) == status.value)
    if kind_prefix:
        stmt = stmt.where(col(Outbound.kind).startswith(kind_prefix))
    return list((await session.scalars(stmt.order_by(col(Outbound.due_at)))).all())
