"""Offer a digital approval when minutes with an approval item are ingested.

Minutes that close with an item such as "Digital godkendelse af referat",
"Godkendelse af referat" or a decision "Referatet godkendes digitalt" get the
secretary's preview card (participants and deadline, as »godkend referat DATO«
gives it) queued in the outbox: to the committee's bound channel, or 1:1 to
the committee's secretaries when no channel is bound. Queued in the ingest
transaction with a key per meeting, so it is sent once, by the ticker, even
across restarts and re-ingests.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.admin import MANAGERS
from handlers.approvals import local_date, preview_card
from minutes.dates import format_danish_date
from minutes.model import ParsedDocument, ParsedItem, SectionKind
from storage.approvals_repo import round_for_meeting
from storage.conversations_repo import committee_conversations
from storage.members_repo import reachable_in_chat
from storage.models import Committee, Meeting
from storage.outbox import enqueue

# Minutes of meetings older than this are archive material: ingesting them offers nothing.
OFFER_WITHIN = dt.timedelta(days=30)
OFFER_KIND = "approval.offer"

_DIGITAL = re.compile(r"\bdigital\w*\s+godkend|\bgodkend\w*\s+(?:\S+\s+){0,5}?digital",
                      re.IGNORECASE)
_TITLE = re.compile(r"\bgodkendelse\s+af\s+(?:\S+\s+){0,2}?referat|\breferat\w*\s*[-–:]\s*"
                    r"godkend", re.IGNORECASE)
# "Godkendelse af referat fra sidste møde": this meeting approves an earlier one's minutes
_EARLIER = re.compile(r"\b(?:forrige|sidste|seneste|foregående|tidligere)\s+(?:\S+\s+)?møde",
                      re.IGNORECASE)
# "Referatet blev godkendt": approved at the meeting itself, nothing left to approve
_DONE = re.compile(r"\b(?:blev|er)\s+godkendt\b|^\W*godkendt\W*$", re.IGNORECASE)


def approval_item(parsed: ParsedDocument) -> ParsedItem | None:
    """The item that sends these minutes to (digital) approval, if there is one."""
    for item in parsed.items:
        body = " ".join(s.text for s in item.sections if not s.is_history)
        text = " ".join(f"{item.title} {body}".split())
        if "referat" not in text.casefold():
            continue
        if _DIGITAL.search(text):
            return item
        if _TITLE.search(item.title) and not _EARLIER.search(text):
            decision = item.section(SectionKind.BESLUTNING)
            if decision is None or not _DONE.search(" ".join(decision.text.split())):
                return item
    return None


async def offer_approval(session: AsyncSession, *, meeting_id: int | None,
                         parsed: ParsedDocument, now: dt.datetime,
                         working_days: int) -> int:
    """Ingest hook: queue the approval preview for newly stored minutes with an approval
    item. Returns how many messages were queued (0 when nothing is offered)."""
    item = approval_item(parsed)
    today = local_date(now)
    if (meeting_id is None or item is None or parsed.meeting_date is None
            or parsed.meeting_date < today - OFFER_WITHIN):
        return 0
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None or meeting.committee_id is None:
        return 0
    if await round_for_meeting(session, meeting_id=meeting_id) is not None:
        return 0
    committee = await session.get(Committee, meeting.committee_id)
    assert committee is not None
    bound = await committee_conversations(session, committee_id=committee.id or 0)
    channels = [c for c in bound if c.conversation_type == "channel"] or bound
    intro = (f"Referatet fra {format_danish_date(parsed.meeting_date)} er indlæst og har "
             f"punktet »{item.title}«. Tjek deltagere og frist, og åbn godkendelsen.")
    if not channels:
        intro += (" Kortet skal i udvalgets kanal: skriv først »tilknyt udvalg "
                  f"{committee.name}« der.")
    card = await preview_card(session, committee=committee, meeting=meeting,
                              working_days=working_days, today=today, intro=intro)
    if card is None:
        return 0
    payload = {"text": card["fallbackText"], "card": card}
    key = f"approval:offer:{meeting_id}"
    if channels:
        added = await enqueue(session, key=key, kind=OFFER_KIND, payload=payload, due_at=now,
                              conversation_id=channels[0].conversation_id)
        return int(added)
    queued = 0
    for aad in await reachable_in_chat(session, committee_id=meeting.committee_id,
                                       roles=MANAGERS):
        queued += await enqueue(session, key=f"{key}:{aad}", kind=OFFER_KIND, payload=payload,
                                due_at=now, user_aad_object_id=aad)
    return queued

