"""Secretary commands: bind a channel to a committee."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import col

from handlers.context import Reply, Requester
from storage.conversations_repo import bind_committee as bind_conversation
from storage.engine import Database
from storage.members_repo import committees_of, get_member
from storage.minutes_repo import find_committee
from storage.models import Committee, OutboundStatus, Role
from storage.outbox import by_status

MANAGERS = {Role.SECRETARY, Role.ADMIN}


@dataclass(frozen=True, slots=True)
class BindResult:
    reply: Reply
    committee_id: int | None = None  # set when the channel was bound: the bot then syncs the roster


async def bind_committee(db: Database, requester: Requester, *, name: str) -> BindResult:
    """"tilknyt udvalg NAVN": only the committee's secretary or an admin may do it."""
    async with db.transaction() as session:
        committee = await find_committee(session, name=name)
        if committee is None:
            names = (await session.scalars(
                sa.select(col(Committee.name)).order_by(col(Committee.name))
            )).all()
            known = ", ".join(names) if names else "ingen endnu"
            return BindResult(Reply(
                text=f"Jeg kender ikke udvalget »{name}«. Kendte udvalg: {known}."
            ))
        assert committee.id is not None
        member = (
            await get_member(session, committee_id=committee.id,
                             aad_object_id=requester.aad_object_id)
            if requester.aad_object_id else None
        )
        if member is None or member.role not in MANAGERS:
            return BindResult(Reply(
                text=f"Kun sekretæren for {committee.name} kan knytte en kanal til udvalget."
            ))
        row = await bind_conversation(session, conversation_id=requester.conversation_id,
                                      committee_id=committee.id)
        if row is None:
            return BindResult(Reply(
                text="Jeg kender ikke denne samtale endnu. Fjern appen og tilføj den igen."
            ))
    return BindResult(
        Reply(text=f"Samtalen er nu knyttet til {committee.name}. Jeg henter medlemslisten."),
        committee_id=committee.id,
    )


async def failed_sends(db: Database, requester: Requester, *, limit: int = 20) -> Reply:
    """"mislykkede påmindelser": reminders and notices that could not be delivered
    (secretaries and admins only)."""
    async with db.sessions() as session:
        roles = (
            await committees_of(session, aad_object_id=requester.aad_object_id)
            if requester.aad_object_id else {}
        )
        if not MANAGERS & set(roles.values()):
            return Reply(text="Kun udvalgets sekretær kan se mislykkede påmindelser.")
        failed = await by_status(session, status=OutboundStatus.FAILED)
    if not failed:
        return Reply(text="Alle påmindelser og beskeder er sendt. Ingen er mislykkedes.")
    lines = [
        f"• {row.due_at:%d.%m.%Y %H:%M} UTC, {KIND_DA.get(row.kind.split('.')[0], row.kind)} "
        f"til {'kanalen' if row.conversation_id else 'et medlem'}: {row.last_error or 'ukendt fejl'}"
        for row in failed[-limit:]
    ]
    return Reply(text=f"{len(failed)} kunne ikke sendes:\n" + "\n".join(lines))


KIND_DA = {"reminder": "påmindelse", "approval": "godkendelse", "event": "begivenhed"}
