"""Digital approval of minutes, on the store (SQLite and PostgreSQL): rules, audit trail,
concurrency, reminders, closing, questions, export and the Danish working-day deadline."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from bot.cli import sample_minutes
from handlers import approvals
from handlers.commands import CommandKind, parse_command
from handlers.context import CardAction, Reply, Requester
from minutes.ingest import ingest_paths
from storage.conversations_repo import bind_committee, save_reference
from storage.engine import Database
from storage.members_repo import RosterEntry, set_role, sync_roster
from storage.models import (
    ApprovalAudit,
    ApprovalParticipant,
    ApprovalRound,
    Attendee,
    Committee,
    Meeting,
    Outbound,
    OutboundStatus,
    Role,
)
from tests.test_cards import assert_valid_card

CHANNEL = "19:godkend@thread.tacv2"
MEETING_DAY = dt.date(2026, 3, 4)
SECRETARY = Requester(aad_object_id="aad-sek", name="Sif Sekretær", conversation_id=CHANNEL,
                      conversation_type="channel")


@dataclass
class Setup:
    committee_id: int
    meeting_id: int
    members: list[Requester]


def person(i: int) -> Requester:
    return Requester(aad_object_id=f"aad-m{i:02d}", name=f"Medlem {i:02d}",
                     conversation_id=CHANNEL, conversation_type="channel",
                     teams_user_id=f"29:m{i:02d}")


async def setup(db: Database, *, members: int = 3) -> Setup:
    await ingest_paths(db, sample_minutes())
    people = [person(i) for i in range(1, members + 1)]
    async with db.transaction() as s:
        meeting = (await s.scalars(sa.select(Meeting).where(Meeting.date == MEETING_DAY))).one()
        assert meeting.committee_id is not None and meeting.id is not None
        await sync_roster(s, committee_id=meeting.committee_id, roster=[
            RosterEntry(p.aad_object_id or "", p.name, p.teams_user_id) for p in people])
        await set_role(s, committee_id=meeting.committee_id, aad_object_id="aad-sek",
                       name=SECRETARY.name, role=Role.SECRETARY)
        await save_reference(s, conversation_id=CHANNEL, conversation_type="channel",
                             reference={"conversation": {"id": CHANNEL}, "serviceUrl": "x"})
        await bind_committee(s, conversation_id=CHANNEL, committee_id=meeting.committee_id)
        return Setup(meeting.committee_id, meeting.id, people)


async def open_round(db: Database, st: Setup, *, who: list[Requester] | None = None) -> int:
    ids = ",".join(p.aad_object_id or "" for p in (who or st.members))
    deadline = approvals.add_working_days(approvals.local_date(approvals.utcnow()), 3)
    reply = await approvals.handle(db, SECRETARY, CardAction("approval.open", {
        "verb": "approval.open", "meeting_id": st.meeting_id, "participants": ids,
        "deadline": deadline.isoformat(), "_activity_id": "act-open"}))
    assert reply.card is not None and "er åbnet" in (reply.text or ""), reply.text
    async with db.sessions() as s:
        round_id = await s.scalar(sa.select(ApprovalRound.id))
    assert isinstance(round_id, int)
    return round_id


async def act(db: Database, who: Requester, verb: str, round_id: int | str | None,
              **data: Any) -> Reply:
    payload = {"verb": f"approval.{verb}", "round_id": round_id, **data}
    return await approvals.handle(db, who, CardAction(f"approval.{verb}", payload))


def card_texts(reply: Reply) -> str:
    assert reply.card is not None
    return json.dumps(reply.card, ensure_ascii=False)


def progress(reply: Reply) -> int:
    m = re.search(r"(\d+) af (\d+) har godkendt", card_texts(reply))
    assert m, card_texts(reply)
    return int(m.group(1))


async def rows(db: Database, model: type) -> list[Any]:
    async with db.sessions() as s:
        return list((await s.scalars(sa.select(model))).all())


async def audit(db: Database) -> list[ApprovalAudit]:
    async with db.sessions() as s:
        return list((await s.scalars(sa.select(ApprovalAudit).order_by(ApprovalAudit.id))).all())  # type: ignore[arg-type]


# -- working days, commands ---------------------------------------------------------------


@pytest.mark.parametrize(("start", "days", "expected"), [
    (dt.date(2020, 11, 30), 3, dt.date(2020, 12, 3)),  # plain week
    (dt.date(2020, 12, 4), 1, dt.date(2020, 12, 7)),  # Friday → Monday
    (dt.date(2020, 12, 22), 3, dt.date(2020, 12, 29)),  # 24, 25, 26 Dec skipped
    (dt.date(2023, 4, 4), 2, dt.date(2023, 4, 11)),  # Maundy Thursday .. Easter Monday
    (dt.date(2020, 6, 4), 1, dt.date(2020, 6, 8)),  # Grundlovsdag (Friday 5 June)
    (dt.date(2020, 12, 5), 0, dt.date(2020, 12, 7)),  # a Saturday rolls to Monday
])
def test_deadline_counts_danish_working_days(start: dt.date, days: int,
                                             expected: dt.date) -> None:
    assert approvals.add_working_days(start, days) == expected


@pytest.mark.parametrize(("text", "kind", "arg"), [
    ("godkend referat 30. november 2020", CommandKind.APPROVAL_OPEN, "30. november 2020"),
    ("Godkend referatet fra mødet den 2. marts 2020", CommandKind.APPROVAL_OPEN, "2. marts 2020"),
    ("godkend referat", CommandKind.APPROVAL_OPEN, ""),
    ("påmind manglende", CommandKind.APPROVAL_REMIND, ""),
    ("Påmind manglende 4. marts 2026", CommandKind.APPROVAL_REMIND, "4. marts 2026"),
    ("Er referatet fra 30. november 2020 godkendt?", CommandKind.QUESTION,
     "Er referatet fra 30. november 2020 godkendt?"),
])
def test_approval_commands_are_recognised(text: str, kind: CommandKind, arg: str) -> None:
    command = parse_command(text)
    assert (command.kind, command.argument) == (kind, arg)


# -- opening --------------------------------------------------------------------------------


async def test_preview_offers_attendees_and_roster_and_needs_the_secretary(db: Database) -> None:
    st = await setup(db)
    refused = await approvals.preview_reply(db, st.members[0], when="4. marts 2026",
                                            working_days=3)
    assert refused.text == approvals.ONLY_SECRETARY
    reply = await approvals.preview_reply(db, SECRETARY, when="4. marts 2026", working_days=3,
                                          now=dt.datetime(2020, 12, 22, 9, tzinfo=dt.UTC))
    assert reply.card is not None
    assert_valid_card(reply.card)
    choice = next(b for b in reply.card["body"] if b.get("id") == "participants")
    assert choice["value"] == "aad-m01,aad-m02,aad-m03", "roster without the secretary"
    deadline = next(b for b in reply.card["body"] if b.get("id") == "deadline")
    assert deadline["value"] == "2020-12-29"
    # attendance printed in the minutes wins over the roster
    async with db.transaction() as s:
        s.add_all([Attendee(meeting_id=st.meeting_id, name="Medlem 02 (A), formand"),
                   Attendee(meeting_id=st.meeting_id, name="Ukendt Person")])
    reply = await approvals.preview_reply(db, SECRETARY, when="4. marts 2026", working_days=3)
    assert reply.card is not None
    choice = next(b for b in reply.card["body"] if b.get("id") == "participants")
    assert choice["value"] == "aad-m02"
    assert "Ukendt Person" in card_texts(reply)
    unknown = await approvals.preview_reply(db, SECRETARY, when="1. januar 1999", working_days=3)
    assert "Jeg kender intet referat" in (unknown.text or "")


async def test_open_posts_the_card_and_queues_reminders(db: Database) -> None:
    st = await setup(db)
    round_id = await open_round(db, st)
    outbox = {o.key: o for o in await rows(db, Outbound)}
    card_row = outbox[f"approval:{round_id}:card"]
    assert card_row.conversation_id == CHANNEL
    card = json.loads(card_row.payload)["card"]
    assert_valid_card(card)
    assert card["refresh"]["userIds"] == ["29:m01", "29:m02", "29:m03"]
    assert "0 af 3 har godkendt" in json.dumps(card, ensure_ascii=False)
    assert not [a for a in card["actions"] if a.get("type") != "Action.Execute"], \
        "the shared base card has no answer buttons"
    deadline_keys = {k for k in outbox if ":deadline:" in k}
    assert len(deadline_keys) == 3
    opened = await audit(db)
    assert [(a.action, a.actor_aad_object_id, a.activity_id) for a in opened] == [
        ("opened", "aad-sek", "act-open")]
    again = await act(db, SECRETARY, "open", None, meeting_id=st.meeting_id,
                      participants="aad-m01", deadline="2999-01-01")
    assert "allerede åbnet" in (again.text or "")
    async with db.sessions() as s:
        meeting = await s.get(Meeting, st.meeting_id)
        assert meeting is not None and meeting.approval_status == "pending"


async def test_open_refuses_non_secretary_and_bad_input(db: Database) -> None:
    st = await setup(db)
    base = {"meeting_id": st.meeting_id, "participants": "aad-m01", "deadline": "2999-01-01"}
    member = await act(db, st.members[0], "open", None, **base)
    assert member.text == approvals.ONLY_SECRETARY
    stranger = await act(db, SECRETARY, "open", None, **{**base, "participants": "aad-x"})
    assert "ikke medlemmer" in (stranger.text or "")
    past = await act(db, SECRETARY, "open", None, **{**base, "deadline": "2001-01-01"})
    assert "frist" in (past.text or "")
    assert await rows(db, ApprovalRound) == [] and await audit(db) == []


# -- answering ------------------------------------------------------------------------------


async def test_views_answers_changes_and_closing(db: Database) -> None:
    st = await setup(db)
    a, b, c = st.members
    round_id = await open_round(db, st)
    view = await act(db, a, "refresh", round_id)
    assert view.card is not None
    assert_valid_card(view.card)
    titles = [x["title"] for x in view.card["actions"]]
    assert titles[:3] == ["Godkend", "Godkend med bemærkning", "Gør indsigelse"]
    outsider = Requester("aad-x", "Xenia", CHANNEL)
    out_view = await act(db, outsider, "refresh", round_id)
    assert out_view.card is not None and out_view.card["actions"] == []
    assert "0 af 3 har godkendt" in card_texts(out_view)
    secretary_view = await act(db, SECRETARY, "refresh", round_id)
    assert "Mangler: Medlem 01, Medlem 02, Medlem 03" in card_texts(secretary_view)
    assert "Påmind manglende" in card_texts(secretary_view)

    first = await act(db, a, "approve", round_id, _activity_id="act-1")
    assert progress(first) == 1 and "Du godkendte referatet" in card_texts(first)
    assert_valid_card(first.card or {})
    repeat = await act(db, a, "approve", round_id, _activity_id="act-2")
    assert progress(repeat) == 1
    no_reason = await act(db, b, "object", round_id, reason="   ")
    assert approvals.NEED_REASON in card_texts(no_reason)
    objected = await act(db, b, "object", round_id, reason="Punkt 16 er gengivet forkert.")
    assert "1 indsigelse" in card_texts(objected)
    assert "Punkt 16 er gengivet forkert." in card_texts(objected)
    changed = await act(db, b, "remark", round_id, remark="Rettet i punkt 16.")
    assert progress(changed) == 2 and "indsigelse" not in card_texts(changed).split("Bemærk")[0]
    refused = await act(db, outsider, "approve", round_id)
    assert approvals.NOT_PARTICIPANT in card_texts(refused) and progress(refused) == 2
    forged = await act(db, a, "approve", round_id + 999)
    assert approvals.NO_ROUND in (forged.text or "")
    missing = await act(db, a, "approve", None)
    assert approvals.NO_ROUND in (missing.text or "")
    last = await act(db, c, "approve", round_id)
    assert progress(last) == 3 and "Referatet er godkendt" in card_texts(last)
    assert last.card is not None and last.card["actions"] == []
    late = await act(db, a, "object", round_id, reason="For sent")
    assert approvals.CLOSED in card_texts(late)

    trail = [(e.action, e.actor_aad_object_id, e.detail) for e in await audit(db)]
    assert trail[1:] == [
        ("approve", "aad-m01", None),
        ("object", "aad-m02", "Punkt 16 er gengivet forkert."),
        ("remark", "aad-m02", "Rettet i punkt 16."),
        ("approve", "aad-m03", None),
        ("approved", None, "Alle deltagere har godkendt."),
    ]
    assert (await audit(db))[1].activity_id == "act-1"
    async with db.sessions() as s:
        meeting = await s.get(Meeting, st.meeting_id)
        assert meeting is not None and meeting.approval_status == "approved"
    outbox = {o.key: o for o in await rows(db, Outbound)}
    closed = outbox[f"approval:{round_id}:approved"]
    assert closed.conversation_id == CHANNEL
    assert "Referatet er godkendt" in closed.payload
    notes = [o for o in outbox.values() if o.kind == "approval.note"]
    assert {o.user_aad_object_id for o in notes} == {"aad-sek"} and len(notes) == 2
    pending = [o.key for o in outbox.values()
               if o.kind == "approval.reminder" and o.status == OutboundStatus.PENDING.value]
    assert pending == [], "answered participants get no reminder"


async def test_audit_is_append_only(db: Database) -> None:
    st = await setup(db)
    await open_round(db, st)
    with pytest.raises(sa.exc.DBAPIError):
        async with db.transaction() as s:
            await s.execute(sa.update(ApprovalAudit).values(actor_name="Mallory"))
    assert [a.actor_name for a in await audit(db)] == [SECRETARY.name]


async def test_remind_missing_queues_one_to_one_messages(db: Database) -> None:
    st = await setup(db)
    round_id = await open_round(db, st)
    await act(db, st.members[0], "approve", round_id)
    refused = await act(db, st.members[1], "remind", round_id)
    assert approvals.ONLY_SECRETARY in card_texts(refused)
    reply = await act(db, SECRETARY, "remind", round_id)
    assert "Påmindelse sendt til 2: Medlem 02, Medlem 03." in card_texts(reply)
    reminders = [o for o in await rows(db, Outbound) if ":remind:1:" in o.key]
    assert sorted(o.user_aad_object_id for o in reminders) == ["aad-m02", "aad-m03"]
    text = await approvals.remind_command(db, SECRETARY)
    assert "Påmindelse sendt til 2" in (text.text or "")
    assert [e.action for e in await audit(db)].count("reminded") == 2
    await act(db, st.members[1], "approve", round_id)
    cancelled = {o.key for o in await rows(db, Outbound)
                 if o.status == OutboundStatus.CANCELLED.value}
    assert f"approval:{round_id}:remind:2:aad-m02" in cancelled
    assert f"approval:{round_id}:deadline:aad-m02" in cancelled


# -- concurrency ------------------------------------------------------------------------------


async def test_fifty_participants_clicking_four_times_concurrently(db: Database) -> None:
    st = await setup(db, members=50)
    round_id = await open_round(db, st)
    replies = await asyncio.gather(*(act(db, p, "approve", round_id, _activity_id=f"{p.name}-{n}")
                                     for n in range(4) for p in st.members))
    counts = [progress(r) for r in replies]
    assert set(counts) == set(range(1, 51)), "each real change saw its own consistent count"
    assert len(await rows(db, ApprovalParticipant)) == 50
    trail = await audit(db)
    assert sorted(e.actor_aad_object_id or "" for e in trail if e.action == "approve") == sorted(
        p.aad_object_id or "" for p in st.members)
    assert [e.action for e in trail].count("approved") == 1
    final = await act(db, st.members[0], "refresh", round_id)
    assert "50 af 50 har godkendt" in card_texts(final)


async def test_mixed_concurrent_changes_audit_each_real_change_once(db: Database) -> None:
    st = await setup(db, members=20)
    round_id = await open_round(db, st)
    clicks = [("approve", {}), ("remark", {"remark": "ok"}), ("object", {"reason": "nej"}),
              ("approve", {})]
    await asyncio.gather(*(act(db, p, verb, round_id, **data)
                           for verb, data in clicks for p in st.members))
    trail = [e for e in await audit(db) if e.actor_aad_object_id not in (None, "aad-sek")]
    answers = {p.aad_object_id: p for p in await rows(db, ApprovalParticipant)}
    for p in st.members:
        mine = [(e.action, e.detail) for e in trail if e.actor_aad_object_id == p.aad_object_id]
        pairs = zip(mine, mine[1:], strict=False)
        assert all(x != y for x, y in pairs), "no entry without a change"
        assert mine[-1][0] == answers[p.aad_object_id].answer
    snap_reply = await act(db, SECRETARY, "refresh", round_id)
    approved = sum(1 for a in answers.values() if a.answer in ("approve", "remark"))
    assert progress(snap_reply) == approved


# -- questions and export ------------------------------------------------------------------


async def test_questions_about_approval(db: Database) -> None:
    st = await setup(db)
    assert await approvals.approval_status_answer(db, "Hvad besluttede udvalget om skolen?") is None
    question = "Er referatet fra 4. marts 2026 godkendt?"
    none_yet = await approvals.approval_status_answer(db, question)
    assert none_yet is not None and "ikke sendt til digital godkendelse" in (none_yet.text or "")
    assert await approvals.approval_status_answer(
        db, "Er referatet fra 1. januar 1999 godkendt?") is None
    round_id = await open_round(db, st)
    await act(db, st.members[0], "approve", round_id)
    await act(db, st.members[1], "object", round_id, reason="Fejl i punkt 15")
    pending = await approvals.approval_status_answer(db, "Er referatet fra 4. marts 2026 godkendt?")
    assert pending is not None
    assert "Nej, ikke endnu. 1 af 3" in (pending.text or "")
    assert "Mangler: Medlem 03" in (pending.text or "") and "Medlem 02" in (pending.text or "")
    who = await approvals.approval_status_answer(db, "Hvem mangler at godkende?")
    assert who is not None and "Medlem 03 mangler at godkende" in (who.text or "")
    await act(db, st.members[1], "approve", round_id)
    await act(db, st.members[2], "approve", round_id)
    done = await approvals.approval_status_answer(db, "Er referatet fra 4. marts 2026 godkendt?")
    assert done is not None and (done.text or "").startswith("Ja.")
    nobody = await approvals.approval_status_answer(db, "Hvem mangler at godkende referatet?")
    assert nobody is not None and "ingen referater" in (nobody.text or "")


async def test_export_csv_json_html(db: Database) -> None:
    st = await setup(db)
    round_id = await open_round(db, st)
    await act(db, st.members[0], "remark", round_id, remark="Stavefejl <b>side 2</b>")
    sheets = await approvals.approval_sheets(db, day=MEETING_DAY)
    data = json.loads(approvals.export_json(sheets))
    assert data[0]["meeting_date"] == "2026-03-04" and data[0]["approved"] == 1
    first = data[0]["participants"][0]
    assert (first["name"], first["answer"], first["comment"]) == (
        "Medlem 01", "remark", "Stavefejl <b>side 2</b>")
    assert [a["action"] for a in data[0]["audit"]] == ["opened", "remark"]
    table = list(csv.reader(io.StringIO(approvals.export_csv(sheets)), delimiter=";"))
    assert table[0] == approvals.CSV_COLUMNS and len(table) == 4
    assert table[1][4] == "Godkendt med bemærkning" and table[2][4] == "Mangler"
    page = approvals.export_html(sheets)
    assert page.startswith("<!DOCTYPE html>") and "@page" in page
    assert "&lt;b&gt;side 2&lt;/b&gt;" in page and "<b>side 2</b>" not in page
    assert await approvals.approval_sheets(db, day=MEETING_DAY, committee="Andet udvalg") == []


def test_export_cli(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.cli import cli
    from bot.cli_approvals import approvals_group

    url = f"sqlite:///{tmp_path / 'cli.db'}"

    async def prepare() -> None:
        db = Database(url)
        await db.upgrade()
        st = await setup(db)
        round_id = await open_round(db, st)
        await act(db, st.members[0], "approve", round_id)
        await db.dispose()

    asyncio.run(prepare())
    monkeypatch.setenv("REFERATBOT_DATABASE_URL", url)
    if "approvals" not in cli.commands:
        cli.add_command(approvals_group)
    runner = CliRunner()
    out = runner.invoke(cli, ["approvals", "export", "--meeting", "4. marts 2026",
                              "--format", "csv"])
    assert out.exit_code == 0, out.output
    assert "Medlem 01;aad-m01;Godkendt" in out.output
    html_file = tmp_path / "ark.html"
    out = runner.invoke(cli, ["approvals", "export", "--meeting", "2026-03-04", "--format",
                              "html", "--out", str(html_file)])
    assert out.exit_code == 0 and "Medlem 01" in html_file.read_text(encoding="utf-8")
    missing = runner.invoke(cli, ["approvals", "export", "--meeting", "2001-01-01"])
    assert missing.exit_code != 0 and "ingen godkendelse" in missing.output


async def test_many_participants_get_a_manual_refresh_button(db: Database) -> None:
    st = await setup(db, members=61)
    round_id = await open_round(db, st)
    reply = await act(db, st.members[0], "refresh", round_id)
    assert reply.card is not None and "refresh" not in reply.card
    assert any(a.get("title") == "Opdater" for a in reply.card["actions"])
    assert_valid_card(reply.card)
    async with db.sessions() as s:
        assert await s.scalar(sa.select(sa.func.count()).select_from(Committee)) >= 1
