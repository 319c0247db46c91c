"""One agenda item from the store: its card ("Vis hele punktet") and who may see it."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from handlers.cards import render_card
from handlers.context import Reply, Requester
from minutes.dates import format_danish_date
from storage.engine import Database
from storage.members_repo import committees_of
from storage.models import AgendaItem, Committee, Document, Meeting, Section

SECTION_TITLES = {
    "beslutningstema": "Beslutningstema", "økonomi": "Økonomi", "historik": "Historik",
    "sagsfremstilling": "Sagsfremstilling", "kommunikation": "Kommunikation",
    "lovgrundlag": "Lovgrundlag", "indstilling": "Indstilling", "beslutning": "Beslutning",
    "bilag": "Bilag", "other": "Øvrigt",
}
MAX_SECTION_CHARS = 2500  # keeps a whole item inside Teams' ~28 KB card limit
CLOSED_REFUSAL = "Punktet er lukket. Kun udvalgets medlemmer kan se det."


@dataclass(frozen=True, slots=True)
class ItemView:
    item: AgendaItem
    meeting: Meeting
    committee: str | None
    document: str
    sections: list[Section]

    @property
    def heading(self) -> str:
        return f"Punkt {self.item.number}: {self.item.title}"

    @property
    def meta(self) -> str:
        when = format_danish_date(self.meeting.date) if self.meeting.date else "dato ukendt"
        return " · ".join(p for p in (self.committee, when, self.document) if p)

    def decision(self) -> Section | None:
        return next((s for s in self.sections
                     if s.kind == "beslutning" and not s.is_history), None)


async def load_item(session: AsyncSession, *, item_id: int) -> ItemView | None:
    row = (await session.execute(
        sa.select(AgendaItem, Meeting, col(Committee.name), col(Document.file_name))
        .join(Meeting, col(Meeting.id) == col(AgendaItem.meeting_id))
        .join(Document, col(Document.id) == col(Meeting.document_id))
        .outerjoin(Committee, col(Committee.id) == col(Meeting.committee_id))
        .where(col(AgendaItem.id) == item_id)
    )).first()
    if row is None:
        return None
    item, meeting, committee, document = row
    sections = list((await session.scalars(
        sa.select(Section).where(col(Section.item_id) == item_id).order_by(col(Section.position))
    )).all())
    return ItemView(item, meeting, committee, document, sections)


async def may_see(session: AsyncSession, requester: Requester, view: ItemView) -> bool:
    """Open items: everyone. Closed items ("lukket punkt"): members of that committee."""
    if not view.item.closed:
        return True
    if not requester.aad_object_id or view.meeting.committee_id is None:
        return False
    return view.meeting.committee_id in await committees_of(
        session, aad_object_id=requester.aad_object_id
    )


def _clip(text: str, limit: int = MAX_SECTION_CHARS) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def item_card(view: ItemView) -> dict[str, object]:
    sections = [
        {"title": (s.heading or SECTION_TITLES.get(s.kind, s.kind))
         + (" (tidligere behandling)" if s.is_history else ""),
         "text": _clip(s.text)}
        for s in view.sections if s.text.strip()
    ]
    clipped = any(len(s.text) > MAX_SECTION_CHARS for s in view.sections)
    return render_card("item", {
        "heading": view.heading,
        "meta": view.meta,
        "sections": sections,
        "note": "Lange afsnit er forkortet; se hele referatet i dokumentet." if clipped else None,
        "fallback": f"{view.heading} ({view.meta})",
    })


async def show_item(db: Database, requester: Requester, *, item_id: int) -> Reply:
    """"Vis hele punktet": every section of the item."""
    async with db.sessions() as session:
        view = await load_item(session, item_id=item_id)
        if view is None:
            return Reply(text="Jeg kan ikke finde punktet længere. Måske er referatet erstattet.")
        if not await may_see(session, requester, view):
            return Reply(text=CLOSED_REFUSAL)
    return Reply.from_card(item_card(view))
