"""The help card: what the bot can do, in Danish."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import col

from handlers.cards import render_card
from handlers.context import Reply
from storage.engine import Database
from storage.models import Committee, Conversation, Meeting

COMMANDS = [
    ("Spørg", "Hvad besluttede udvalget om …? Hvornår …? Hvor mange …?"),
    ("hjælp", "Viser denne oversigt."),
    ("tilknyt udvalg NAVN", "Sekretæren knytter kanalen til et udvalg."),
    ("godkend referat DATO", "Sekretæren sender referatet til digital godkendelse."),
    ("påmind manglende", "Sekretæren påminder dem, der ikke har godkendt."),
    ("kommende møder", "Viser udvalgets kommende møder og frister."),
    ("hvornår er næste dialogmøde?", "Finder næste dialogmøde (eller seminar, frist …)."),
    ("påmind udvalget om … DATO kl. TT", "Sekretæren opretter en påmindelse."),
    ("flyt … til DATO / aflys …", "Sekretæren flytter eller aflyser en begivenhed."),
    ("forslag", "Sekretæren ser datoer fundet i referaterne og bekræfter dem."),
    ("påmindelser personligt / i kanalen / begge", "Vælg hvor du får påmindelser."),
    ("varsel 7 og 1 dage før kl. 8", "Sekretæren sætter udvalgets varsel."),
    ("kalenderlink", "Sekretæren får et hemmeligt link til udvalgets kalender (Outlook)."),
    ("mislykkede påmindelser", "Sekretæren ser påmindelser, der ikke kunne sendes."),
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
                sa.select(col(Committee.name))
                .join(Conversation, col(Conversation.committee_id) == col(Committee.id))
                .where(col(Conversation.conversation_id) == conversation_id)
            )
    return meetings, committee
