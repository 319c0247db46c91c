"""Conversations the bot is installed in, with their stored ConversationReference."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.models import Conversation, utcnow


async def save_reference(
    session: AsyncSession,
    *,
    conversation_id: str,
    conversation_type: str,
    reference: dict[str, Any],
    tenant_id: str | None = None,
    team_id: str | None = None,
    user_aad_object_id: str | None = None,
    installed: bool = True,
) -> Conversation:
    """Insert or update the reference for ``conversation_id``."""
    row = await get_conversation(session, conversation_id=conversation_id)
    payload = json.dumps(reference, ensure_ascii=False, sort_keys=True)
    if row is None:
        row = Conversation(conversation_id=conversation_id, conversation_type=conversation_type,
                           reference=payload, tenant_id=tenant_id, team_id=team_id,
                           user_aad_object_id=user_aad_object_id, installed=installed)
        session.add(row)
    else:
        row.reference = payload
        row.conversation_type = conversation_type
        row.tenant_id = tenant_id or row.tenant_id
        row.team_id = team_id or row.team_id
        row.user_aad_object_id = user_aad_object_id or row.user_aad_object_id
        row.installed = installed
        row.updated_at = utcnow()
    await session.flush()
    return row


async def get_conversation(session: AsyncSession, *, conversation_id: str) -> Conversation | None:
    stmt = sa.select(Conversation).where(col(Conversation.conversation_id) == conversation_id)
    return (await session.scalars(stmt)).first()


async def bind_committee(
    session: AsyncSession, *, conversation_id: str, committee_id: int
) -> Conversation | None:
    row = await get_conversation(session, conversation_id=conversation_id)
    if row is not None:
        row.committee_id = committee_id
        row.updated_at = utcnow()
        await session.flush()
    return row


async def committee_conversations(
    session: AsyncSession, *, committee_id: int
) -> list[Conversation]:
    """The channels and chats bound to a committee where the bot is still installed."""
    stmt = sa.select(Conversation).where(
        col(Conversation.committee_id) == committee_id, col(Conversation.installed).is_(True)
    )
    return list((await session.scalars(stmt)).all())


async def personal_conversation(
    session: AsyncSession, *, aad_object_id: str
) -> Conversation | None:
    stmt = sa.select(Conversation).where(
        col(Conversation.user_aad_object_id) == aad_object_id,
        col(Conversation.conversation_type) == "personal",
    )
    return (await session.scalars(stmt)).first()


def reference_of(row: Conversation) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(row.reference)
    return value
