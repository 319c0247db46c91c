"""The approval record of a meeting's minutes: ``referatbot approvals export`` as CSV, JSON
or a printable HTML page for the archive. Remarks and objections are listed as entries to
the record (kommunestyrelsesloven § 13: a member may have a dissenting opinion entered)."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
from dataclasses import dataclass
from typing import Any

from handlers.approval_questions import snapshots_for
from handlers.approvals import ANSWER_DA, TZ, format_when
from minutes.dates import format_danish_date
from storage.approvals_repo import RoundSnapshot, answer_of, audit_trail
from storage.engine import Database
from storage.models import Answer, ApprovalAudit, RoundStatus

ACTION_DA = {"opened": "Åbnede godkendelsen", "approve": "Godkendte",
             "remark": "Godkendte med bemærkning", "object": "Gjorde indsigelse",
             "reminded": "Påmindede", "approved": "Referatet blev godkendt",
             "closed": "Afsluttede godkendelsen"}
ENTRY_DA = {Answer.REMARK: "Bemærkning", Answer.OBJECT: "Indsigelse"}


@dataclass(slots=True)
class ApprovalSheet:
    snap: RoundSnapshot
    audit: list[ApprovalAudit]


async def approval_sheets(db: Database, *, day: dt.date,
                          committee: str | None = None) -> list[ApprovalSheet]:
    """The approval record of the meeting(s) on ``day`` (optionally one committee)."""
    async with db.sessions() as session:
        sheets = []
        for snap in await snapshots_for(session, day, only_open=False):
            if committee and (snap.committee or "").casefold() != committee.casefold():
                continue
            assert snap.round.id is not None
            sheets.append(ApprovalSheet(snap, await audit_trail(session, round_id=snap.round.id)))
    return sheets


def _iso(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(TZ).isoformat(timespec="seconds")


def _status_da(s: RoundSnapshot) -> str:
    rnd = s.round
    if rnd.closed_at is None:
        return "Ikke afsluttet"
    if rnd.status == RoundStatus.CLOSED.value:
        what = "Godkendt med indsigelse" if s.objections else "Godkendt"
        return f"{what}, afsluttet af {rnd.closed_by_name or 'sekretæren'}"
    return "Godkendt af alle deltagere"


def sheet_json(sheet: ApprovalSheet) -> dict[str, Any]:
    s, rnd = sheet.snap, sheet.snap.round
    return {
        "committee": s.committee,
        "meeting_date": s.meeting.date.isoformat() if s.meeting.date else None,
        "document": s.document,
        "document_url": s.source_url,
        "status": str(rnd.status.value if isinstance(rnd.status, RoundStatus) else rnd.status),
        "status_da": _status_da(s),
        "opened_by": rnd.opened_by_name,
        "opened_at": _iso(rnd.opened_at),
        "deadline": rnd.deadline.isoformat(),
        "closed_at": _iso(rnd.closed_at),
        "closed_by": rnd.closed_by_name,
        "approved": s.approved,
        "participants": [
            {"name": p.name, "aad_object_id": p.aad_object_id,
             "answer": a.value if (a := answer_of(p)) else None,
             "answer_da": ANSWER_DA[a] if a else "Mangler",
             "comment": p.comment, "answered_at": _iso(p.answered_at)}
            for p in s.participants
        ],
        # remarks and objections as entries to the record, in the order they were given
        "entries": [
            {"name": p.name, "kind": a.value, "kind_da": ENTRY_DA[a], "text": p.comment or "",
             "at": _iso(p.answered_at)}
            for p in sorted(s.participants, key=lambda p: (_iso(p.answered_at) or "", p.name))
            if (a := answer_of(p)) in ENTRY_DA
        ],
        "audit": [
            {"at": _iso(e.at), "name": e.actor_name, "aad_object_id": e.actor_aad_object_id,
             "action": e.action, "detail": e.detail, "activity_id": e.activity_id}
            for e in sheet.audit
        ],
    }


def export_json(sheets: list[ApprovalSheet]) -> str:
    return json.dumps([sheet_json(s) for s in sheets], ensure_ascii=False, indent=2)


CSV_COLUMNS = ["udvalg", "mødedato", "navn", "entra_object_id", "svar", "bemærkning",
               "tidspunkt"]


def export_csv(sheets: list[ApprovalSheet]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for sheet in sheets:
        data = sheet_json(sheet)
        for p in data["participants"]:
            writer.writerow([data["committee"] or "", data["meeting_date"] or "", p["name"],
                             p["aad_object_id"], p["answer_da"], p["comment"] or "",
                             p["answered_at"] or ""])
    return out.getvalue()


_HTML_STYLE = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: Calibri, Arial, sans-serif; font-size: 10.5pt; color: #111; }
h1 { font-size: 15pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 6mm 0 2mm; }
p.meta { margin: 0 0 4mm; color: #444; }
table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
th, td { border: 0.5pt solid #999; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { background: #eee; } tr { page-break-inside: avoid; }
td.t { white-space: nowrap; } .small { font-size: 8.5pt; color: #444; }
ol.entries li { margin: 0 0 2mm; page-break-inside: avoid; }
section { page-break-after: always; } section:last-child { page-break-after: auto; }
@media print { a { color: inherit; text-decoration: none; } }
"""


def _html_sheet(data: dict[str, Any]) -> str:
    e = html.escape
    when = dt.date.fromisoformat(data["meeting_date"]) if data["meeting_date"] else None
    title = f"{data['committee'] or ''} – {format_danish_date(when) if when else 'dato ukendt'}"
    rows = "".join(
        f"<tr><td>{e(p['name'])}</td><td>{e(p['answer_da'])}</td>"
        f"<td>{e(p['comment'] or '')}</td><td class=t>{e(_human(p['answered_at']))}</td></tr>"
        for p in data["participants"])
    entries = "".join(
        f"<li><b>{e(x['kind_da'])} fra {e(x['name'])}</b> ({e(_human(x['at']))}): "
        f"{e(x['text'])}</li>" for x in data["entries"])
    entries_html = (f"<h2>Tilført referatet (kommunestyrelsesloven § 13)</h2>"
                    f"<ol class=entries>{entries}</ol>" if entries else "")
    audit = "".join(
        f"<tr><td class=t>{e(_human(a['at']))}</td><td>{e(a['name'])}</td>"
        f"<td>{e(ACTION_DA.get(a['action'], a['action']))}</td><td>{e(a['detail'] or '')}</td>"
        f"<td class=small>{e(a['aad_object_id'] or '')}</td></tr>"
        for a in data["audit"])
    status = data["status_da"] + (f" {_human(data['closed_at'])}" if data["closed_at"] else "")
    return (
        f"<section><h1>Godkendelse af referat</h1><p class=meta><b>{e(title)}</b><br>"
        f"Dokument: {e(data['document'])}<br>Åbnet af {e(data['opened_by'])} "
        f"{e(_human(data['opened_at']))} · frist {e(data['deadline'])} · {e(status)} · "
        f"{data['approved']} af {len(data['participants'])} har godkendt</p>"
        f"<table><thead><tr><th>Navn</th><th>Svar</th><th>Bemærkning / indsigelse</th>"
        f"<th>Tidspunkt</th></tr></thead><tbody>{rows}</tbody></table>{entries_html}"
        f"<h2>Logbog</h2><table class=small><thead><tr><th>Tidspunkt</th><th>Hvem</th>"
        f"<th>Handling</th><th>Detaljer</th><th>Entra object id</th></tr></thead>"
        f"<tbody>{audit}</tbody></table></section>")


def _human(iso: str | None) -> str:
    return format_when(dt.datetime.fromisoformat(iso)) if iso else ""


def export_html(sheets: list[ApprovalSheet]) -> str:
    body = "".join(_html_sheet(sheet_json(s)) for s in sheets)
    return (f"<!DOCTYPE html><html lang=da><head><meta charset=utf-8>"
            f"<title>Godkendelse af referat</title><style>{_HTML_STYLE}</style></head>"
            f"<body>{body}</body></html>\n")


EXPORTERS = {"csv": export_csv, "json": export_json, "html": export_html}
