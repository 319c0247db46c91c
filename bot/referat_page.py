"""The stored minutes of a meeting as a clean, printable HTML page:
``GET /referat/{token}``, linked from the approval card when the file has no published
address of its own (``referatbot ingest --url``).

The token is the meeting's own unguessable ``share_token`` (not the document's), so a
link already posted keeps working when a corrected file replaces the minutes. A wrong
token answers 404. Closed items ("lukket punkt") show only their title.
"""

from __future__ import annotations

import html

import sqlalchemy as sa
from aiohttp import web
from sqlmodel import col

from bot.keys import SERVICES
from minutes.dates import format_danish_date
from storage.models import AgendaItem, Attachment, Attendee, Committee, Document, Meeting, Section

_STYLE = """
@page { size: A4; margin: 20mm 18mm; }
body { font-family: Calibri, Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #111;
       max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 17pt; margin: 0 0 1mm; } h2 { font-size: 13pt; margin: 7mm 0 2mm; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; } p { margin: 0 0 2mm; }
.meta, .case, .closed { color: #555; } .case { font-size: 9pt; margin: 0; }
section { page-break-inside: auto; } h2, h3 { page-break-after: avoid; }
@media print { body { margin: 0; max-width: none; } }
"""
_HEADERS = {"Cache-Control": "private, no-store", "X-Robots-Tag": "noindex",
            "Referrer-Policy": "no-referrer",
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines()
                   if line.strip())


async def referat_page(request: web.Request) -> web.Response:
    token = request.match_info["token"]
    async with request.app[SERVICES].db.sessions() as session:
        row = (await session.execute(
            sa.select(Meeting, col(Document.file_name), col(Committee.name))
            .join(Document, col(Document.id) == col(Meeting.document_id))
            .outerjoin(Committee, col(Committee.id) == col(Meeting.committee_id))
            .where(col(Meeting.share_token) == token))).first()
        if row is None or not token:
            raise web.HTTPNotFound()
        meeting, file_name, committee = row
        items = (await session.scalars(
            sa.select(AgendaItem).where(col(AgendaItem.meeting_id) == meeting.id)
            .order_by(col(AgendaItem.position), col(AgendaItem.id)))).all()
        ids = [i.id for i in items]
        sections = (await session.scalars(sa.select(Section).where(
            col(Section.item_id).in_(ids)).order_by(col(Section.position)))).all()
        attachments = (await session.scalars(sa.select(Attachment).where(
            col(Attachment.item_id).in_(ids)).order_by(col(Attachment.id)))).all()
        present = (await session.scalars(sa.select(col(Attendee.name)).where(
            col(Attendee.meeting_id) == meeting.id, col(Attendee.present).is_(True))
            .order_by(col(Attendee.id)))).all()
    e = html.escape
    when = format_danish_date(meeting.date) if meeting.date else "dato ukendt"
    title = f"Referat: {committee or 'Udvalget'}, {when}"
    meta = [f"Mødedato: {when}"]
    if meeting.place:
        meta.append(f"Sted: {meeting.place}")
    if meeting.chair:
        meta.append(f"Formand: {meeting.chair}")
    if present:
        meta.append(f"Til stede: {', '.join(present)}")
    body = [f"<h1>{e(title)}</h1><p class=meta>{'<br>'.join(e(m) for m in meta)}</p>"]
    for item in items:
        body.append(f"<section><h2>{item.number}. {e(item.title)}</h2>")
        if item.closed:
            body.append("<p class=closed>Lukket punkt. Indholdet vises ikke her.</p></section>")
            continue
        if item.case_number:
            body.append(f"<p class=case>{e(item.case_number)}</p>")
        for s in (s for s in sections if s.item_id == item.id):
            if s.heading:
                body.append(f"<h3>{e(s.heading.rstrip(','))}</h3>")
            body.append(_paragraphs(s.text))
        names = [a.title or a.file_name for a in attachments if a.item_id == item.id]
        if names:
            body.append("<h3>Bilag</h3><ul>" + "".join(f"<li>{e(n)}</li>" for n in names)
                        + "</ul>")
        body.append("</section>")
    body.append(f"<p class=meta>Kilde: {e(file_name)}</p>")
    page = (f"<!DOCTYPE html><html lang=da><head><meta charset=utf-8>"
            f"<meta name=viewport content='width=device-width, initial-scale=1'>"
            f"<title>{e(title)}</title><style>{_STYLE}</style></head>"
            f"<body>{''.join(body)}</body></html>\n")
    return web.Response(text=page, content_type="text/html", charset="utf-8", headers=_HEADERS)


def add_referat_routes(app: web.Application) -> None:
    app.router.add_get("/referat/{token}", referat_page)
