"""The help card: what the bot can do, in Danish."""

from __future__ import annotations

import sqlalchemy as sa

from handlers.cards import render_card
from handlers.context import Reply
from storage.engine import Database
from storage.models import Committee, Conversation, Meeting

COMMANDS = [
    ("Spørg", "Hvad besluttede udvalget om …? Hvornår …? Hvor mange …?"),
    ("hjælp", "Viser denne oversigt."),
    ("tilknyt udvalg NAVN", "Sekretæren knytter kanalen til et udvalg."),
]


def help_reply(*, meetings: int, committee: str | None = None) -> Reply:
    committee_line = (
        f"Kanalen er knyttet til {committee}." if committee
        else "Sekretæren kan knytte en kanal til et udvalg med »tilknyt udvalg NAVN«."
    )
    card = render_card(
        "help",
        {
            "title": "Hej! Jeg er Referatbot.",
            "meetings": meetings,
            "commands": [{"command": c, "description": d} for c, d in COMMANDS],
            "committee_line": committee_line,
        },
    )
    return Reply.from_card(card)


def unknown_command_reply(command: str) -> Reply:
    return Reply(text=f"Kommandoen »{command}« kender jeg ikke. Skriv »hjælp« for at se, "
                      "hvad jeg kan.")


async def meeting_count_and_committee(
    db: Database, *, conversation_id: str | None
) -> tuple[int, str | None]:
    """How many meetings the store knows, and the committee this conversation is bound to."""
    async with db.sessions() as session:
        meetings = int(await session.scalar(sa.select(sa.func.count()).select_from(Meeting)) or 0)
        committee = None
        if conversation_id:
            committee = await session.scalar(
                sa.select(Committee.name)
                .join(Conversation, Conversation.committee_id == Committee.id)  # type: ignore[arg-type]
                .where(Conversation.conversation_id == conversation_id)
            )
    return meetings, committee
