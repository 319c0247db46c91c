"""Questions about past decisions: the bot's entry point (plain data in, plain data out).

:func:`question_reply` answers a member's question with the answer card
(``handlers/cards/answer.json``): the item, the quoted passage and its source,
"Mente du" buttons for the next best items, "Vis hele punktet". Closed items
are searched only for members of their committee. :func:`item_reply` answers
a "Mente du" button. :func:`handle_question` is the same without a card, for
callers that want plain text. No botbuilder here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from handlers.cards import render_card
from handlers.context import Reply, Requester
from handlers.items import CLOSED_REFUSAL, load_item, may_see
from minutes.answer import Access, Answer, Citation, QuestionEngine
from minutes.dates import format_danish_date
from minutes.extract import decision_quote
from storage.engine import Database
from storage.members_repo import committees_of

_MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class QuestionRequest:
    """A question as plain data."""

    text: str
    user_id: str | None = None  # the asker's AAD object id
    conversation_id: str | None = None
    # committees whose closed items ("lukket punkt") the asker may see; None = all
    closed_committees: frozenset[int] | None = None


@dataclass(frozen=True, slots=True)
class QuestionReply:
    text: str  # Markdown, in Danish
    answered: bool
    citations: list[dict[str, Any]] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)  # "mente du …" alternatives


def clean_question(text: str) -> str:
    """The message without @mentions, markup and surrounding whitespace."""
    text = _MENTION.sub(" ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(text.split())


def source_line(c: dict[str, Any]) -> str:
    """One citation as a short Danish line: committee, date, item, section, file."""
    parts = [p for p in (c.get("committee"), c.get("municipality")) if p]
    if c.get("meeting_date"):
        parts.append(format_danish_date(dt.date.fromisoformat(c["meeting_date"])))
    if c.get("item_number") is not None:
        parts.append(f"punkt {c['item_number']}")
    if c.get("section"):
        parts.append(str(c["section"]))
    parts.append(str(c["document"]))
    return ", ".join(parts)


def format_reply(answer: Answer) -> str:
    """The answer as Teams Markdown: the heading in bold, quotes as block quotes, sources."""
    lines = answer.text.split("\n")
    if not answer.answered:
        return answer.text
    out = [f"**{lines[0]}**", *(f"> {ln}" if "»" in ln else ln for ln in lines[1:])]
    sources = list(dict.fromkeys(source_line(c.to_json()) for c in answer.citations))
    if sources:
        out.append("")
        out.append("Kilde: " + "; ".join(sources[:3]))
    return "\n\n".join(out)


async def handle_question(
    engine: QuestionEngine, request: QuestionRequest, *, today: dt.date | None = None
) -> QuestionReply:
    """Answer one question as plain text and data."""
    answer = await engine.answer(clean_question(request.text), today=today,
                                 access=Access(request.closed_committees))
    return QuestionReply(
        text=format_reply(answer),
        answered=answer.answered,
        citations=[c.to_json() for c in answer.citations],
        suggestions=[a.describe() for a in answer.alternatives],
    )


async def access_of(db: Database, requester: Requester) -> Access:
    """Closed items are visible to the members of their committee only."""
    if not requester.aad_object_id:
        return Access.public()
    async with db.sessions() as session:
        committees = await committees_of(session, aad_object_id=requester.aad_object_id)
    return Access.members_of(frozenset(committees))


def _meta(c: Citation) -> str:
    when = format_danish_date(c.meeting_date) if c.meeting_date else None
    return " · ".join(p for p in (c.committee, when, c.document) if p)


def answer_card(answer: Answer, question: str) -> dict[str, Any]:
    """The answer card for an answered question."""
    first = answer.citations[0] if answer.citations else None
    lines = answer.text.split("\n")
    heading = lines[0].rstrip(":")
    text = "\n\n".join(lines[1:]) if len(lines) > 1 else ""
    quote = None
    source = None
    if first is not None and first.item_number is not None:
        heading = f"Punkt {first.item_number}: {first.item_title or ''}".rstrip(": ")
        if "(lukket punkt)" in lines[0]:
            heading += " (lukket punkt)"
    if first is not None and answer.intent not in {"overview", "chair", "attendance"}:
        quote = first.quote
        source = ", ".join(p for p in (first.section, f"punkt {first.item_number}"
                                       if first.item_number is not None else None) if p)
        text = "\n\n".join(ln for ln in lines[1:] if first.quote not in ln)
    return render_card("answer", {
        "heading": heading,
        "meta": _meta(first) if first is not None else None,
        "text": text or None,
        "quote": quote,
        "source": source,
        "item_id": answer.item_id,
        "question": question,
        "alternatives": [
            {"label": (f"Punkt {a.item_number}: {a.title}" if a.item_number is not None
                       else a.title or a.document)
             + (f" ({format_danish_date(a.meeting_date)})" if a.meeting_date else ""),
             "item_id": a.item_id}
            for a in answer.alternatives if a.item_id is not None
        ],
        "fallback": answer.text,
    })


async def question_reply(
    engine: QuestionEngine, db: Database, requester: Requester, text: str,
    *, today: dt.date | None = None,
) -> Reply:
    """Answer a member's question: the answer card, or a short text when nothing answers."""
    question = clean_question(text)
    answer = await engine.answer(question, today=today, access=await access_of(db, requester))
    if not answer.answered:
        return Reply(text=answer.text)
    return Reply.from_card(answer_card(answer, question))


async def item_reply(db: Database, requester: Requester, *, item_id: int) -> Reply:
    """"Mente du: punkt …": that item's decision, as an answer card."""
    async with db.sessions() as session:
        view = await load_item(session, item_id=item_id)
        if view is None:
            return Reply(text="Jeg kan ikke finde punktet længere. Måske er referatet erstattet.")
        if not await may_see(session, requester, view):
            return Reply(text=CLOSED_REFUSAL)
    decision = view.decision()
    quote = decision_quote(decision.text) if decision is not None and decision.text.strip(
        " .\n") else None
    heading = view.heading + (" (lukket punkt)" if view.item.closed else "")
    return Reply.from_card(render_card("answer", {
        "heading": heading,
        "meta": view.meta,
        "text": None if quote else "Referatet har ingen beslutning skrevet under punktet.",
        "quote": quote,
        "source": f"Beslutning, punkt {view.item.number}" if quote else None,
        "item_id": item_id,
        "question": None,
        "alternatives": [],
        "fallback": f"{heading}: {quote or 'ingen beslutning'}",
    }))
