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
from sqlmodel import col

from bot.cli import sample_minutes
from handlers import approval_export, approvals
from handlers.approval_questions import approval_status_answer as ask
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
    Conversation,
    Meeting,
    Member,
    Outbound,
    OutboundStatus,
    Role,
)
from tests.test_cards import assert_valid_card

CHANNEL = "19:godkend@thread.tacv2"
MEETING_DAY = dt.date(2026, 3, 4)
OPENED = dt.datetime(2026, 3, 9, 9, 30, tzinfo=dt.UTC)  # Monday 10.30 in Copenhagen
LATER = OPENED + dt.timedelta(hours=1)
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
    deadline = approvals.add_working_days(approvals.local_date(OPENED), 3)
    reply = await approvals.handle(db, SECRETARY, CardAction("approval.open", {
        "verb": "approval.open", "meeting_id": st.meeting_id, "participants": ids,
        "deadline": deadline.isoformat(), "_activity_id": "act-open"}), now=OPENED)
    assert reply.card is not None and "er åbnet" in (reply.text or ""), reply.text
    async with db.sessions() as s:
        round_id = await s.scalar(sa.select(ApprovalRound.id))
    assert isinstance(round_id, int)
    return round_id


async def act(db: Database, who: Requester, verb: str, round_id: int | str | None,
              now: dt.datetime = LATER, **data: Any) -> Reply:
    payload = {"verb": f"approval.{verb}", "round_id": round_id, **data}
    return await approvals.handle(db, who, CardAction(f"approval.{verb}", payload), now=now)


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
    reminders = sorted((o.due_at.replace(tzinfo=None), o.user_aad_object_id)
                       for o in outbox.values() if o.kind == "approval.reminder")
    # opened Monday 9 March; deadline Thursday 12: Wednesday (midpoint) and Thursday, 09.00
    assert reminders == [(dt.datetime(2026, 3, day, 8), f"aad-m0{i}")
                         for day in (11, 12) for i in (1, 2, 3)]
    assert "sidste frist" in outbox[f"approval:{round_id}:due:2026-03-12:aad-m01"].payload
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
    assert f"approval:{round_id}:due:2026-03-11:aad-m02" in cancelled
    assert f"approval:{round_id}:due:2026-03-11:aad-m03" not in cancelled


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
    assert await ask(db, "Hvad besluttede udvalget om skolen?") is None
    question = "Er referatet fra 4. marts 2026 godkendt?"
    none_yet = await ask(db, question)
    assert none_yet is not None and "ikke sendt til digital godkendelse" in (none_yet.text or "")
    assert await ask(
        db, "Er referatet fra 1. januar 1999 godkendt?") is None
    round_id = await open_round(db, st)
    await act(db, st.members[0], "approve", round_id)
    await act(db, st.members[1], "object", round_id, reason="Fejl i punkt 15")
    pending = await ask(db, "Er referatet fra 4. marts 2026 godkendt?")
    assert pending is not None
    assert "Nej, ikke endnu. 1 af 3" in (pending.text or "")
    assert "Mangler: Medlem 03" in (pending.text or "") and "Medlem 02" in (pending.text or "")
    who = await ask(db, "Hvem mangler at godkende?")
    assert who is not None and "Medlem 03 mangler at godkende" in (who.text or "")
    await act(db, st.members[1], "approve", round_id)
    await act(db, st.members[2], "approve", round_id)
    done = await ask(db, "Er referatet fra 4. marts 2026 godkendt?")
    assert done is not None and (done.text or "").startswith("Ja.")
    nobody = await ask(db, "Hvem mangler at godkende referatet?")
    assert nobody is not None and "ingen referater" in (nobody.text or "")


async def test_export_csv_json_html(db: Database) -> None:
    st = await setup(db)
    round_id = await open_round(db, st)
    await act(db, st.members[0], "remark", round_id, remark="Stavefejl <b>side 2</b>")
    sheets = await approval_export.approval_sheets(db, day=MEETING_DAY)
    data = json.loads(approval_export.export_json(sheets))
    assert data[0]["meeting_date"] == "2026-03-04" and data[0]["approved"] == 1
    first = data[0]["participants"][0]
    assert (first["name"], first["answer"], first["comment"]) == (
        "Medlem 01", "remark", "Stavefejl <b>side 2</b>")
    assert [a["action"] for a in data[0]["audit"]] == ["opened", "remark"]
    table = list(csv.reader(io.StringIO(approval_export.export_csv(sheets)), delimiter=";"))
    assert table[0] == approval_export.CSV_COLUMNS and len(table) == 4
    assert table[1][4] == "Godkendt med bemærkning" and table[2][4] == "Mangler"
    page = approval_export.export_html(sheets)
    assert page.startswith("<!DOCTYPE html>") and "@page" in page
    assert "&lt;b&gt;side 2&lt;/b&gt;" in page and "<b>side 2</b>" not in page
    assert await approval_export.approval_sheets(db, day=MEETING_DAY,
                                                 committee="Andet udvalg") == []


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


# -- repeated reminders (#5) ------------------------------------------------------------------

CPH = approvals.TZ


@pytest.mark.parametrize(("opened", "deadline", "expected"), [
    # Monday, deadline Thursday: the middle working day and the deadline day
    (dt.datetime(2026, 3, 9, 10, 30), dt.date(2026, 3, 12), [(2026, 3, 11), (2026, 3, 12)]),
    # Friday afternoon, deadline Wednesday: the weekend is skipped
    (dt.datetime(2026, 3, 6, 15, 0), dt.date(2026, 3, 11), [(2026, 3, 10), (2026, 3, 11)]),
    # before Christmas: 24-26 December and the Sunday are skipped
    (dt.datetime(2020, 12, 22, 11, 0), dt.date(2020, 12, 29), [(2020, 12, 28), (2020, 12, 29)]),
    # a ten-day round: once in the middle, once at the end
    (dt.datetime(2026, 4, 13, 9, 0), dt.date(2026, 4, 27), [(2026, 4, 20), (2026, 4, 27)]),
    # deadline the next working day: only then
    (dt.datetime(2026, 3, 13, 12, 0), dt.date(2026, 3, 16), [(2026, 3, 16)]),
    # opened on the deadline day itself: none (the card was just posted)
    (dt.datetime(2026, 3, 12, 8, 0), dt.date(2026, 3, 12), []),
])
def test_reminders_at_the_middle_and_on_the_deadline_day_at_nine(
    opened: dt.datetime, deadline: dt.date, expected: list[tuple[int, int, int]],
) -> None:
    times = approvals.reminder_times(opened.replace(tzinfo=CPH), deadline)
    assert [t.astimezone(CPH) for t in times] == [
        dt.datetime(*d, 9, 0, tzinfo=CPH) for d in expected]


# -- the channel card is updated in place (#5) -----------------------------------------------


async def test_each_change_queues_one_card_update_and_only_the_newest_waits(
    db: Database,
) -> None:
    st = await setup(db)
    a, b, _ = st.members
    round_id = await open_round(db, st)
    await act(db, a, "approve", round_id)
    await act(db, a, "approve", round_id)  # no change: no update
    await act(db, b, "object", round_id, reason="Punkt 16 er gengivet forkert.")
    updates = sorted((o for o in await rows(db, Outbound) if o.kind == "approval.update"),
                     key=lambda o: o.id)
    assert [o.status for o in updates] == ["cancelled", "pending"]
    newest = json.loads(updates[-1].payload)
    assert newest["update_of"] == f"approval:{round_id}:card"
    assert updates[-1].conversation_id == CHANNEL
    assert_valid_card(newest["card"])
    text = json.dumps(newest["card"], ensure_ascii=False)
    assert "1 af 3 har godkendt · 1 indsigelse" in text
    assert "Godkend" not in [x.get("title") for x in newest["card"]["actions"]]


# -- the secretary closes a round that keeps an objection (#5) --------------------------------


async def test_secretary_closes_with_the_objection_in_the_record(db: Database) -> None:
    st = await setup(db)
    a, b, c = st.members
    round_id = await open_round(db, st)
    await act(db, a, "approve", round_id)
    await act(db, b, "object", round_id, reason="Mit forslag om skolebussen er udeladt.")
    secretary_view = await act(db, SECRETARY, "refresh", round_id)
    close = next(x for x in secretary_view.card["actions"]  # type: ignore[index]
                 if x["title"] == "Afslut godkendelsen")
    assert "1 har ikke svaret" in json.dumps(close["card"], ensure_ascii=False)
    member_view = await act(db, a, "refresh", round_id)
    assert "Afslut godkendelsen" not in card_texts(member_view)

    before = len(await audit(db))
    refused = await act(db, a, "close", round_id)
    assert approvals.ONLY_SECRETARY_CLOSE in card_texts(refused)
    assert len(await audit(db)) == before

    closed = await act(db, SECRETARY, "close", round_id, _activity_id="act-close")
    assert closed.card is not None
    assert_valid_card(closed.card)
    text = card_texts(closed)
    assert "Godkendt med indsigelse: Sif Sekretær afsluttede godkendelsen" in text
    assert "Mit forslag om skolebussen er udeladt." in text
    assert not [x for x in closed.card["actions"] if x.get("verb") != "approval.refresh"]
    last = (await audit(db))[-1]
    assert (last.action, last.actor_aad_object_id, last.activity_id) == (
        "closed", "aad-sek", "act-close")
    assert last.detail == ("1 af 3 godkendte; indsigelse fra Medlem 02; "
                           "intet svar fra Medlem 03.")
    async with db.sessions() as s:
        meeting = await s.get(Meeting, st.meeting_id)
        assert meeting is not None and meeting.approval_status == "approved"
    outbox = await rows(db, Outbound)
    notice = next(o for o in outbox if o.key == f"approval:{round_id}:closed")
    assert notice.conversation_id == CHANNEL
    assert "godkendt med indsigelse" in notice.payload and "Medlem 02" in notice.payload
    assert not [o for o in outbox if o.kind == "approval.reminder"
                and o.status == OutboundStatus.PENDING.value], "no reminder after closing"
    assert [o for o in outbox if o.kind == "approval.update"
            and o.status == OutboundStatus.PENDING.value][0].key.startswith(
                f"approval:{round_id}:update:")

    late = await act(db, c, "approve", round_id)
    assert approvals.CLOSED in card_texts(late)
    again = await act(db, SECRETARY, "close", round_id)
    assert approvals.CLOSED in card_texts(again)
    answer = await ask(db, "Er referatet fra 4. marts 2026 godkendt?")
    assert answer is not None and (answer.text or "").startswith("Ja.")
    assert "Indsigelse fra Medlem 02 er ført til referatet." in (answer.text or "")

    sheets = await approval_export.approval_sheets(db, day=MEETING_DAY)
    data = json.loads(approval_export.export_json(sheets))[0]
    assert (data["status"], data["closed_by"]) == ("closed", "Sif Sekretær")
    assert [(x["name"], x["kind_da"], x["text"]) for x in data["entries"]] == [
        ("Medlem 02", "Indsigelse", "Mit forslag om skolebussen er udeladt.")]
    page = approval_export.export_html(sheets)
    assert "Tilført referatet" in page and "Indsigelse fra Medlem 02" in page
    assert "Godkendt med indsigelse, afsluttet af Sif Sekretær" in page


async def test_closing_needs_at_least_one_approval(db: Database) -> None:
    st = await setup(db)
    round_id = await open_round(db, st)
    await act(db, st.members[0], "object", round_id, reason="Forkert dato i punkt 14.")
    reply = await act(db, SECRETARY, "close", round_id)
    assert approvals.NONE_APPROVED in card_texts(reply)
    async with db.sessions() as s:
        rnd = await s.get(ApprovalRound, round_id)
        assert rnd is not None and rnd.status == "open"


# -- the document link (#5) -----------------------------------------------------------------


async def test_card_links_the_published_file_else_the_printable_page_else_names_it(
    db: Database,
) -> None:
    st = await setup(db)
    round_id = await open_round(db, st)
    plain = await act(db, st.members[0], "refresh", round_id)
    assert "Dokument: fjordby_boern_og_skole_2026-03-04.txt" in card_texts(plain)
    async with db.sessions() as s:
        token = (await s.get(Meeting, st.meeting_id)).share_token  # type: ignore[union-attr]
    assert token and len(token) >= 32
    served = await approvals.handle(db, st.members[0], CardAction(
        "approval.refresh", {"round_id": round_id}), public_url="https://referat.fjordby.dk/")
    assert (f"[fjordby_boern_og_skole_2026-03-04.txt](https://referat.fjordby.dk/referat/"
            f"{token})") in card_texts(served)
    from storage.minutes_repo import set_source_url

    async with db.transaction() as s:
        meeting = await s.get(Meeting, st.meeting_id)
        assert meeting is not None
        await set_source_url(s, document_id=meeting.document_id,
                             url="https://fjordby.dk/dagsordener/bs 4 marts.pdf")
    published = await approvals.handle(db, st.members[0], CardAction(
        "approval.refresh", {"round_id": round_id}), public_url="https://referat.fjordby.dk")
    assert "(https://fjordby.dk/dagsordener/bs%204%20marts.pdf)" in card_texts(published)
    assert_valid_card(published.card or {})


# -- the card offered at ingest (#5) -------------------------------------------------------------


def _parsed(title: str, **sections: str) -> Any:
    from minutes.model import DocumentKind, ParsedDocument, ParsedItem, ParsedSection, SectionKind

    return ParsedDocument(kind=DocumentKind.HEDENSTED, items=[
        ParsedItem(number=7, title="Skolernes ferieplan"),
        ParsedItem(number=8, title=title, sections=[
            ParsedSection(kind=SectionKind(k), text=v) for k, v in sections.items()])])


@pytest.mark.parametrize(("title", "sections", "offered"), [
    ("Digital godkendelse af referat", {}, True),
    ("Godkendelse af referat", {"beslutningstema": "Referatet godkendes digitalt."}, True),
    ("Godkendelse af dagens referat", {}, True),
    ("Referatet", {"beslutning": "Udvalgets medlemmer godkender referatet digitalt i Teams."},
     True),
    # approved at the meeting itself, or an earlier meeting's minutes: nothing to offer
    ("Godkendelse af referat", {"beslutning": "Referatet blev godkendt"}, False),
    ("Godkendelse af referat fra sidste møde", {}, False),
    ("Godkendelse af dagsorden", {"beslutning": "Godkendt."}, False),
    ("Digital kommunikation med forældre", {"beslutning": "Godkendt."}, False),
])
def test_approval_item_is_found_from_title_and_decision(
    title: str, sections: dict[str, str], offered: bool,
) -> None:
    from handlers.approval_offer import approval_item

    found = approval_item(_parsed(title, **sections))
    assert (found is not None and found.number == 8) is offered


async def test_ingest_offers_the_preview_once_to_the_channel_or_the_secretaries(
    db: Database, tmp_path: Any,
) -> None:
    from handlers.approval_offer import offer_approval
    from minutes.model import DocumentKind, ParsedDocument, ParsedItem

    st = await setup(db)
    now = dt.datetime(2026, 3, 6, 12, tzinfo=dt.UTC)
    parsed = ParsedDocument(kind=DocumentKind.HEDENSTED, meeting_date=MEETING_DAY,
                            items=[ParsedItem(number=19, title="Digital godkendelse af referat")])
    async with db.transaction() as s:
        assert await offer_approval(s, meeting_id=st.meeting_id, parsed=parsed, now=now,
                                    working_days=3) == 1
        assert await offer_approval(s, meeting_id=st.meeting_id, parsed=parsed, now=now,
                                    working_days=3) == 0, "idempotent by key"
    row = (await rows(db, Outbound))[0]
    assert (row.key, row.conversation_id) == (f"approval:offer:{st.meeting_id}", CHANNEL)
    card = json.loads(row.payload)["card"]
    assert_valid_card(card)
    text = json.dumps(card, ensure_ascii=False)
    assert "punktet »Digital godkendelse af referat«" in text
    deadline = next(b for b in card["body"] if b.get("id") == "deadline")
    assert deadline["value"] == "2026-03-11", "three working days from the clock given"

    # a month and more later, or once a round is open: nothing
    async with db.transaction() as s:
        await s.execute(sa.delete(Outbound))
        assert await offer_approval(s, meeting_id=st.meeting_id, parsed=parsed,
                                    now=now + dt.timedelta(days=40), working_days=3) == 0
    await open_round(db, st)
    async with db.transaction() as s:
        assert await offer_approval(s, meeting_id=st.meeting_id, parsed=parsed, now=now,
                                    working_days=3) == 0

    # no bound channel: 1:1 to the secretaries the bot can reach (a Teams id), not the rest
    async with db.transaction() as s:
        await s.execute(sa.delete(ApprovalRound))
        await s.execute(sa.delete(Outbound))
        await s.execute(sa.update(Conversation).values(committee_id=None))
        await set_role(s, committee_id=st.committee_id, aad_object_id="aad-adm", name="Adam",
                       role=Role.ADMIN)
        await s.execute(sa.update(Member).where(col(Member.aad_object_id) == "aad-adm")
                        .values(teams_user_id="29:adm"))
        assert await offer_approval(s, meeting_id=st.meeting_id, parsed=parsed, now=now,
                                    working_days=3) == 1
    [row] = await rows(db, Outbound)
    assert (row.key, row.user_aad_object_id) == (f"approval:offer:{st.meeting_id}:aad-adm",
                                                 "aad-adm")
    assert "skriv først »tilknyt udvalg Udvalget for Børn og Skole« der" in row.payload


def test_ingest_records_where_the_file_is_published(tmp_path: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.cli import cli
    from storage.models import Document

    monkeypatch.setenv("REFERATBOT_DATABASE_URL", f"sqlite:///{tmp_path / 'url.db'}")
    march, december = sample_minutes()
    runner = CliRunner()
    both = runner.invoke(cli, ["ingest", str(march), str(december), "--url", "https://x.dk/a"])
    assert both.exit_code == 2 and "--url-base" in both.output
    bad = runner.invoke(cli, ["ingest", str(march), "--url", "fjordby.dk/a.pdf"])
    assert bad.exit_code == 2 and "ikke en webadresse" in bad.output
    out = runner.invoke(cli, ["ingest", str(march), str(december),
                              "--url-base", "https://fjordby.dk/referater/"])
    assert out.exit_code == 0, out.output
    # the same bytes again with a new address: unchanged, but the address is recorded
    out = runner.invoke(cli, ["ingest", str(march), "--url", "https://fjordby.dk/bs-4-marts.pdf"])
    assert out.exit_code == 0 and "uændret" in out.output

    async def stored() -> dict[str, str | None]:
        db = Database(f"sqlite:///{tmp_path / 'url.db'}")
        async with db.sessions() as s:
            docs = (await s.scalars(sa.select(Document))).all()
        await db.dispose()
        return {d.file_name: d.source_url for d in docs}

    assert asyncio.run(stored()) == {
        march.name: "https://fjordby.dk/bs-4-marts.pdf",
        december.name: f"https://fjordby.dk/referater/{december.name}"}


# -- review fixes ---------------------------------------------------------------------------


async def test_card_shows_a_closed_items_title_but_not_its_decision(db: Database) -> None:
    """The round card can be forwarded and refreshed by anyone holding its round id, so a
    closed item ("lukket punkt") shows its title only, as on the printable page."""
    from storage.approvals_repo import item_lines

    await ingest_paths(db, sample_minutes())
    async with db.sessions() as s:
        meeting = (await s.scalars(sa.select(Meeting).where(
            col(Meeting.date) == dt.date(2026, 12, 2)))).one()
        assert meeting.id is not None
        lines = {line.number: line for line in await item_lines(s, meeting_id=meeting.id)}
    assert lines[85].title.startswith("Lukket punkt") and lines[85].decision is None
    assert "Lise Dahl" not in repr(lines)
    assert any(line.decision for line in lines.values()), "open items keep their decision"


async def test_secretary_notes_and_who_is_missing_after_closing(db: Database) -> None:
    st = await setup(db)
    a, b, c = st.members
    round_id = await open_round(db, st)
    await act(db, a, "remark", round_id, remark="Stavefejl i punkt 15.")
    await act(db, b, "object", round_id, reason="Punkt 16 er gengivet forkert.")
    notes = sorted(json.loads(o.payload)["text"] for o in await rows(db, Outbound)
                   if o.kind == "approval.note")
    assert notes == [
        "Medlem 01 godkendte referatet fra Udvalget for Børn og Skole, 4. marts 2026 med en "
        "bemærkning: »Stavefejl i punkt 15.«",
        "Medlem 02 gjorde indsigelse mod referatet fra Udvalget for Børn og Skole, 4. marts "
        "2026: »Punkt 16 er gengivet forkert.«"]
    await act(db, SECRETARY, "close", round_id)
    who = await ask(db, "Hvem mangler at godkende referatet fra 4. marts 2026?")
    assert who is not None
    assert "ingen mangler" not in (who.text or "")
    assert "Medlem 03 svarede ikke" in (who.text or ""), who.text
    assert c.name == "Medlem 03"


async def test_who_is_missing_when_all_have_answered_but_one_objected(db: Database) -> None:
    st = await setup(db, members=2)
    a, b = st.members
    round_id = await open_round(db, st)
    await act(db, a, "approve", round_id)
    await act(db, b, "object", round_id, reason="Punkt 16 er gengivet forkert.")
    who = await ask(db, "Hvem mangler at godkende?")
    assert who is not None
    assert "ingen (men" not in (who.text or ""), who.text
    assert "Alle har svaret" in (who.text or "") and "Medlem 02" in (who.text or "")


async def test_chat_reminder_card_links_the_document_like_the_button(db: Database) -> None:
    st = await setup(db)
    await open_round(db, st)
    reply = await approvals.remind_command(db, SECRETARY, now=LATER,
                                           public_url="https://referat.fjordby.dk")
    assert "Påmindelse sendt til 3" in (reply.text or "")
    reminders = [o for o in await rows(db, Outbound) if ":remind:" in o.key]
    assert len(reminders) == 3
    assert all("https://referat.fjordby.dk/referat/" in o.payload for o in reminders)
