"""Committee members and their roles."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.models import Committee, Conversation, Member, MemberPublic, Role, utcnow


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One person as the Teams roster lists them."""

    aad_object_id: str
    name: str
    teams_user_id: str | None = None


async def set_role(
    session: AsyncSession,
    *,
    committee_id: int,
    aad_object_id: str,
    name: str,
    role: Role,
) -> Member:
    """Add the person to the committee, or change their role and name."""
    member = await get_member(session, committee_id=committee_id, aad_object_id=aad_object_id)
    if member is None:
        member = Member(committee_id=committee_id, aad_object_id=aad_object_id, name=name,
                        role=role)
        session.add(member)
    else:
        member.role = role
        member.name = name or member.name
        member.updated_at = utcnow()
    await session.flush()
    return member


async def get_member(
    session: AsyncSession, *, committee_id: int, aad_object_id: str
) -> Member | None:
    stmt = sa.select(Member).where(
        col(Member.committee_id) == committee_id, col(Member.aad_object_id) == aad_object_id
    )
    return (await session.scalars(stmt)).first()


async def committees_of(session: AsyncSession, *, aad_object_id: str) -> dict[int, Role]:
    """The committees this person belongs to, with their role in each."""
    rows = await session.execute(
        sa.select(col(Member.committee_id), col(Member.role))
        .where(col(Member.aad_object_id) == aad_object_id)
    )
    return {cid: Role(role) for cid, role in rows.all()}


async def sync_roster(
    session: AsyncSession, *, committee_id: int, roster: Iterable[RosterEntry]
) -> int:
    """Add people from the Teams roster as members; existing roles are kept. Returns how
    many were added."""
    added = 0
    for entry in roster:
        member = await get_member(session, committee_id=committee_id,
                                  aad_object_id=entry.aad_object_id)
        if member is None:
            session.add(Member(committee_id=committee_id, aad_object_id=entry.aad_object_id,
                               name=entry.name, teams_user_id=entry.teams_user_id))
            added += 1
        else:
            member.name = entry.name or member.name
            member.teams_user_id = entry.teams_user_id or member.teams_user_id
            member.updated_at = utcnow()
    await session.flush()
    return added


async def list_members(
    session: AsyncSession, *, committee_id: int | None = None
) -> list[MemberPublic]:
    stmt = (
        sa.select(Member, col(Committee.name))
        .join(Committee, col(Committee.id) == col(Member.committee_id))
        .order_by(col(Committee.name), col(Member.name))
    )
    if committee_id is not None:
        stmt = stmt.where(col(Member.committee_id) == committee_id)
    rows = (await session.execute(stmt)).all()
    return [
        MemberPublic(aad_object_id=m.aad_object_id, name=m.name, role=m.role,
                     committee=cname, teams_user_id=m.teams_user_id)
        for m, cname in rows
    ]


async def reachable_in_chat(session: AsyncSession, *, committee_id: int,
                            roles: Iterable[Role]) -> list[str]:
    """The Entra ids of the committee's members with one of ``roles`` that the bot can write
    to 1:1: they have a personal chat with the bot, or a Teams id from the roster to open one."""
    personal = sa.select(col(Conversation.id)).where(
        col(Conversation.user_aad_object_id) == col(Member.aad_object_id),
        col(Conversation.conversation_type) == "personal",
        col(Conversation.installed).is_(True)).exists()
    rows = await session.scalars(sa.select(col(Member.aad_object_id)).where(
        col(Member.committee_id) == committee_id,
        col(Member.role).in_(sorted(Role(r).value for r in roles)),
        sa.or_(col(Member.teams_user_id).is_not(None), personal)))
    return sorted(rows.all())
