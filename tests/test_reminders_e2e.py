"""End to end with the fake Bot Connector and a controllable clock: confirmed future events
remind the channel and opted-in members at the lead times; suggested or past ones nobody;
429 with Retry-After honoured; the .ics feed parses and refuses a wrong token."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import icalendar
import pytest
import sqlalchemy as sa

from bot.keys import DELIVERY
from bot.settings import Settings
from handlers.event_cards import reminder_reply
from handlers.event_schedule import expand_rules, schedule_event
from handlers.event_suggestions import on_document_saved
from minutes.ingest import Overrides, ingest_file
from minutes.parse import parse_document
from minutes.reader import read_bytes
from storage import events_repo as repo
from storage.conversations_repo import bind_committee
from storage.engine import Database
from storage.members_repo import RosterEntry, set_role, sync_roster
from storage.minutes_repo import get_or_create_committee, save_document
from storage.models import Conversation, Event, EventStatus, Member, Outbound, Role
from tests.botharness import ANNE, BO, CHANNEL, BotHarness, User, card_of, card_text, running_bot
from tests.botharness import Conversation as Chat
from tests.test_cards import assert_valid_card

START = dt.datetime(2026, 2, 1, 10, 0, tzinfo=dt.UTC)
CARL = "aad-carl"


@dataclass
class Clock:
    now: dt.datetime = START

    def __call__(self) -> dt.datetime:
        return self.now


@dataclass
class World:
    bot: BotHarness
    clock: Clock
    committee_id: int

    @property
    def db(self) -> Database:
        return self.bot.server.app[DELIVERY].db

    async def deliver_at(self, when: dt.datetime) -> list[dict[str, object]]:
        before = len(self.bot.connector.messages())
        self.clock.now = when
        await self.bot.server.app[DELIVERY].deliver_due()
        return self.bot.connector.messages()[before:]

    async def say(self, text: str, user: object = ANNE) -> list[dict[str, object]]:
        return await self.bot.say(text, user=user, conversation=CHANNEL)


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    clock = Clock()
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'bot.db'}", dev=True,
                        tick_seconds=0, public_url="https://bot.example")
    async with running_bot(settings, clock=clock) as harness:
        await harness.post(harness.activity("conversationUpdate", conversation=CHANNEL,
                                            membersAdded=[{"id": "28:referatbot"}]))
        db = harness.server.app[DELIVERY].db
        async with db.transaction() as s:
            committee = await get_or_create_committee(s, name="Børn og Skole",
                                                      municipality_id=None)
            assert committee.id is not None
            await bind_committee(s, conversation_id=CHANNEL.id, committee_id=committee.id)
            await sync_roster(s, committee_id=committee.id, roster=[
                RosterEntry(ANNE.aad_object_id, ANNE.name, "29:anne"),
                RosterEntry(BO.aad_object_id, BO.name, "29:bo"),
                RosterEntry(CARL, "Carl", "29:carl")])
            await set_role(s, committee_id=committee.id, aad_object_id=ANNE.aad_object_id,
                           name=ANNE.name, role=Role.SECRETARY)
        yield World(harness, clock, committee.id)


def _local(day: dt.date, hour: int) -> dt.datetime:
    from zoneinfo import ZoneInfo

    return dt.datetime.combine(day, dt.time(hour), tzinfo=ZoneInfo("Europe/Copenhagen")
                               ).astimezone(dt.UTC)


async def _event_from_card(world: World, replies: list[dict[str, object]]) -> int:
    card = card_of(replies[-1])  # type: ignore[arg-type]
    assert card is not None
    assert_valid_card(card)
    action = next(a for a in card["actions"] if a["verb"] == "event.confirm")
    return int(action["data"]["event_id"])


async def test_confirmed_event_reminds_channel_and_opted_in_member_at_lead_times(
    world: World,
) -> None:
    replies = await world.say("påmind udvalget om dialogmøde på Fjordby Skole 5. marts kl. 17")
    assert "Dialogmøde på Fjordby Skole" in card_text(card_of(replies[-1]) or {})
    event_id = await _event_from_card(world, replies)
    # not confirmed yet: nothing queued
    assert await world.deliver_at(_local(dt.date(2026, 2, 26), 9)) == []
    world.clock.now = START
    assert "personligt" in str((await world.say("påmindelser personligt", user=BO))[-1]["text"])

    status, body = await world.bot.invoke("event.confirm", {"event_id": event_id},
                                          conversation=CHANNEL)
    assert status == 200 and "2 påmindelser" not in card_text(body["value"])
    assert "4 påmindelser er planlagt" in card_text(body["value"])  # 2 leads × (channel + Bo)
    assert_valid_card(body["value"])
    # a confirm by someone who is not secretary is refused
    _, refused = await world.bot.invoke("event.confirm", {"event_id": event_id}, user=BO,
                                        conversation=CHANNEL)
    assert "sekretær" in str(refused["value"])

    seven_days = _local(dt.date(2026, 2, 26), 8)
    assert await world.deliver_at(seven_days - dt.timedelta(minutes=1)) == []
    first = await world.deliver_at(seven_days)
    assert len(first) == 2
    async with world.db.sessions() as s:
        bo_chat = await s.scalar(sa.select(Conversation.conversation_id).where(
            Conversation.user_aad_object_id == BO.aad_object_id))
    assert world.bot.connector.created[0]["members"][0]["id"] == "29:bo"
    texts = [str(m["text"]) for m in first]
    assert all("Dialogmøde på Fjordby Skole" in t for t in texts)
    assert len(world.bot.connector.messages(bo_chat)) == 1
    assert await world.deliver_at(seven_days + dt.timedelta(hours=1)) == []  # once only

    second = await world.deliver_at(_local(dt.date(2026, 3, 4), 8))
    assert len(second) == 2 and all("i morgen" in str(card_text(card_of(m) or {}))
                                    for m in second)
    assert await world.deliver_at(_local(dt.date(2026, 3, 6), 8)) == []


async def test_suggested_and_past_events_remind_nobody(world: World) -> None:
    async with world.db.transaction() as s:
        await repo.create_event(s, title="Forslag", kind="møde", date=dt.date(2026, 2, 20),
                                committee_id=world.committee_id)
        past = await repo.create_event(s, title="Gammelt møde", kind="møde",
                                       date=dt.date(2026, 1, 20), committee_id=world.committee_id)
        past_id = past.id
    _, body = await world.bot.invoke("event.confirm", {"event_id": past_id}, conversation=CHANNEL)
    assert "ingen påmindelser" in card_text(body["value"])
    assert await world.deliver_at(dt.datetime(2026, 3, 1, tzinfo=dt.UTC)) == []
    async with world.db.sessions() as s:
        assert await s.scalar(sa.select(sa.func.count()).select_from(Outbound)) == 0


async def test_move_and_cancel_replace_the_reminders(world: World) -> None:
    replies = await world.say("påmind udvalget om seminar 10. marts")
    event_id = await _event_from_card(world, replies)
    await world.bot.invoke("event.confirm", {"event_id": event_id}, conversation=CHANNEL)
    moved = await world.say("flyt seminaret til 20. marts kl. 9")
    assert "fredag den 20. marts 2026 kl. 09.00" in card_text(card_of(moved[-1]) or {})
    assert await world.deliver_at(_local(dt.date(2026, 3, 3), 8)) == []  # old date: cancelled
    sent = await world.deliver_at(_local(dt.date(2026, 3, 13), 8))
    assert len(sent) == 1
    listing = await world.say("kommende møder")
    assert "Seminar" in card_text(card_of(listing[-1]) or {})
    answer = await world.say("hvornår er næste seminar?")
    assert "20. marts 2026" in str(answer[-1]["text"])
    await world.say("aflys seminaret")
    assert await world.deliver_at(_local(dt.date(2026, 3, 19), 8)) == []


async def test_card_edit_and_dismiss(world: World) -> None:
    replies = await world.say("påmind udvalget om temadag 12. april")
    event_id = await _event_from_card(world, replies)
    _, edited = await world.bot.invoke("event.edit", {"event_id": event_id, "title": "Temadag",
                                                      "date": "2026-04-14", "time": "13:00"},
                                       conversation=CHANNEL)
    assert "tirsdag den 14. april 2026 kl. 13.00" in card_text(edited["value"])
    _, dismissed = await world.bot.invoke("event.dismiss", {"event_id": event_id},
                                          conversation=CHANNEL)
    assert "Afvist" in card_text(dismissed["value"])
    async with world.db.sessions() as s:
        assert (await s.get(Event, event_id)).status == "cancelled"  # type: ignore[union-attr]


async def test_throttled_reminder_honours_retry_after(world: World) -> None:
    async with world.db.transaction() as s:
        ev = await repo.create_event(s, title="Udvalgsmøde", kind="møde",
                                     date=dt.date(2026, 2, 10), committee_id=world.committee_id,
                                     status=EventStatus.CONFIRMED)
        assert await schedule_event(s, ev, now=START) == 2
    world.bot.connector.fail_next(429, times=1, retry_after=0.4)
    started = time.monotonic()
    sent = await world.deliver_at(_local(dt.date(2026, 2, 3), 8))
    assert time.monotonic() - started >= 0.4
    assert len(sent) == 1


async def test_calendar_feed_parses_and_refuses_a_wrong_token(world: World) -> None:
    replies = await world.say("påmind udvalget om dialogmøde på Fjordby Skole 5. marts kl. 17")
    event_id = await _event_from_card(world, replies)
    await world.bot.invoke("event.confirm", {"event_id": event_id}, conversation=CHANNEL)
    link = str((await world.say("kalenderlink"))[-1]["text"])
    url = link.split("https://bot.example", 1)[1].split()[0]
    async with world.bot.http.get(world.bot.server.make_url(url)) as resp:
        assert resp.status == 200 and resp.content_type == "text/calendar"
        cal = icalendar.Calendar.from_ical(await resp.read())
    events = list(cal.walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Dialogmøde på Fjordby Skole"]
    start = events[0].decoded("dtstart")
    assert start.astimezone(dt.UTC) == dt.datetime(2026, 3, 5, 16, 0, tzinfo=dt.UTC)
    bad = url.rsplit("/", 1)[0] + "/wrong-token.ics"
    async with world.bot.http.get(world.bot.server.make_url(bad)) as resp:
        assert resp.status == 404
    other = url.replace(f"/calendar/{world.committee_id}/", "/calendar/999/")
    async with world.bot.http.get(world.bot.server.make_url(other)) as resp:
        assert resp.status == 404


async def test_ics_import_round_trip(world: World) -> None:
    from bot.calendar import build_feed, import_ics

    cal = icalendar.Calendar()
    cal.add("prodid", "-//test//")
    cal.add("version", "2.0")
    ev = icalendar.Event()
    ev.add("uid", "abc@test")
    ev.add("summary", "Dialogmøde på Fjordby Skole")
    ev.add("dtstart", dt.datetime(2026, 4, 1, 17, 0, tzinfo=dt.UTC))
    cal.add_component(ev)
    async with world.db.transaction() as s:
        first = await import_ics(s, committee_id=world.committee_id, data=cal.to_ical(),
                                 confirm=True)
        again = await import_ics(s, committee_id=world.committee_id, data=cal.to_ical(),
                                 confirm=True)
        rows = await repo.list_events(s, committee_id=world.committee_id)
        feed = build_feed("Udvalg", rows)
    assert (first.added, again.updated) == (1, 1)
    assert rows[0].time == "19:00" and rows[0].kind == "dialogmøde"  # Copenhagen local
    assert "abc@test" in feed.decode()
    with pytest.raises(ValueError):
        async with world.db.transaction() as s:
            await import_ics(s, committee_id=world.committee_id, data=b"not a calendar")


async def test_ingested_minutes_suggest_to_the_secretary_with_valid_cards(
    world: World, tmp_path: Path,
) -> None:
    import json as _json

    text = ("Fjordby Kommune\nBørn og Skole\n\n1.        Dialogmøder\n\nSagsfremstilling\n\n"
            "Dialogmøde på Fjordby Skole 5. marts 2030 kl. 17.00.\n"
            "• Oktober/november: To dialogmøder med bestyrelserne.\n\nBeslutning\n\nGodkendt.\n")
    path = tmp_path / "fjordby.txt"
    path.write_text(text, encoding="utf-8")
    report = await ingest_file(world.db, path, overrides=Overrides(
        committee="Børn og Skole", meeting_date=dt.date(2030, 1, 20)))
    assert not report.failed, report.error
    async with world.db.sessions() as s:
        row = (await s.scalars(sa.select(Outbound).where(
            Outbound.kind == "event.suggestions"))).one()
        events = await repo.list_events(s, committee_id=world.committee_id)
        rules = await repo.list_rules(s, committee_id=world.committee_id)
    assert row.user_aad_object_id == ANNE.aad_object_id
    card = _json.loads(row.payload)["card"]
    assert_valid_card(card)
    assert "Dialogmøde på Fjordby Skole" in card_text(card)
    assert any(e.time == "17:00" and e.date == dt.date(2030, 3, 5) for e in events)
    assert rules and rules[0].months == "10-11"
    assert "oktober–november: Dialogmøder med bestyrelserne" in card_text(card)
    _, body = await world.bot.invoke("event.rule.confirm", {"rule_id": rules[0].id},
                                     conversation=CHANNEL)
    assert_valid_card(body["value"])
    assert "oktober–november 2026" in card_text(body["value"])
    suggestions = await world.say("forslag")
    assert_valid_card(card_of(suggestions[-1]) or {})
    assert_valid_card(reminder_reply(events[0], 7).card or {})


# -- suggestions at ingest, yearly cycles ------------------------------------------------------

DORA = User("aad-dora", "Dora Sekretær")  # a secretary Teams has not told the bot about yet
DORA_CHAT = Chat("a:personal-dora")
MINUTES = ("Fjordby Kommune\nBørn og Skole\n\n1.        Dialog med bestyrelserne\n\n"
           "Sagsfremstilling\n\n{body}\n\nBeslutning\n\nGodkendt.\n")


async def _ingest(world: World, tmp_path: Path, body: str, *, meeting: dt.date,
                  name: str = "fjordby.txt") -> list[dict[str, object]]:
    """Ingest fictional minutes on the world's clock and deliver the notice it queues."""
    path = tmp_path / name
    path.write_text(MINUTES.format(body=body), encoding="utf-8")
    report = await ingest_file(world.db, path, now=world.clock.now, overrides=Overrides(
        committee="Børn og Skole", meeting_date=meeting))
    assert not report.failed, report.error
    return await world.deliver_at(world.clock.now)  # queued on the clock ingest was given


async def test_suggestions_reach_the_channel_when_no_secretary_is_reachable_and_wait_for_the_first_chat(  # noqa: E501
    world: World, tmp_path: Path,
) -> None:
    async with world.db.transaction() as s:
        await set_role(s, committee_id=world.committee_id, aad_object_id=ANNE.aad_object_id,
                       name=ANNE.name, role=Role.MEMBER)
        await set_role(s, committee_id=world.committee_id, aad_object_id=DORA.aad_object_id,
                       name=DORA.name, role=Role.SECRETARY)
    sent = await _ingest(world, tmp_path, "Dialogmøde på Fjordby Skole 5. marts 2030 kl. 17.00.",
                         meeting=dt.date(2030, 1, 20))
    assert [m["conversation"]["id"] for m in sent] == [CHANNEL.id]  # type: ignore[index]
    text = card_text(card_of(sent[0]) or {})
    assert "Dialogmøde på Fjordby Skole" in text and "Sekretæren kan bekræfte" in text

    # Dora opens a chat with the bot: the suggestions waiting for her come at once
    replies = await world.bot.install(user=DORA, conversation=DORA_CHAT)
    waiting = card_of(replies[-1]) or {}
    assert_valid_card(waiting)
    assert "venter på dig" in card_text(waiting)
    assert "Dialogmøde på Fjordby Skole" in card_text(waiting)
    listed = await world.bot.say("forslag", user=DORA, conversation=DORA_CHAT)
    assert "Dialogmøde på Fjordby Skole" in card_text(card_of(listed[-1]) or {})
    # from now on she is reachable 1:1, so the next minutes go to her chat only
    later = await _ingest(world, tmp_path, "Temadag om trivsel på Fjordby Skole 9. april 2030.",
                          meeting=dt.date(2030, 2, 20), name="fjordby-2.txt")
    assert [m["conversation"]["id"] for m in later] == [DORA_CHAT.id]  # type: ignore[index]


async def test_a_secretary_with_nothing_waiting_gets_only_the_greeting(world: World) -> None:
    replies = await world.bot.install(user=ANNE, conversation=Chat("a:personal-anne-2"))
    assert len(replies) == 1


async def test_suggestion_notice_is_judged_against_the_clock_it_is_given(db: Database) -> None:
    body = ("Udvalget godkendte på mødet den 5. december 2026 at samle dialogmøderne.\n\n"
            "Dialogmøde på Vestby Skole 10. februar 2027.\n\n"
            "Dialogmøde på Fjordby Skole 5. marts 2027 kl. 17.00.")
    text = MINUTES.format(body=body)
    parsed = Overrides(committee="Børn og Skole", meeting_date=dt.date(2027, 1, 20)).apply(
        parse_document(read_bytes(text.encode(), "fjordby.txt"), file_name="fjordby.txt"))
    async with db.transaction() as s:
        saved = await save_document(s, file_name="fjordby.txt", content_hash="f" * 64,
                                    parsed=parsed)
        committee = await get_or_create_committee(s, name="Børn og Skole", municipality_id=None)
        assert committee.id is not None
        s.add(Member(committee_id=committee.id, aad_object_id="aad-sec", name="Sekretær",
                     role=Role.SECRETARY, teams_user_id="29:sec"))
        await s.flush()
        added = await on_document_saved(s, document_id=saved.document_id, file_name="fjordby.txt",
                                        parsed=parsed,
                                        now=dt.datetime(2027, 2, 15, 9, tzinfo=dt.UTC))
        row = (await s.scalars(sa.select(Outbound))).one()
    assert len(added) == 3  # all stored (events --json lists them) …
    notice = card_text(__import__("json").loads(row.payload)["card"])
    assert "Fjordby Skole" in notice  # … but only what is still to come is suggested:
    assert "Vestby Skole" not in notice  # past on 15 February
    assert "samle" not in notice and "5. december" not in notice  # history at the meeting
    assert row.user_aad_object_id == "aad-sec"


CYCLE = ("Fremover holdes dialogmøderne efter et fast årshjul:\n\n"
         "• September: Møde for formændene for bestyrelserne – uden udvalget.\n\n"
         "• Oktober/november: To dialogmøder for skolebestyrelser og forældreråd.\n\n"
         "• Marts/april: To dialogmøder for skolebestyrelser og forældreråd.\n\n"
         "Udvalget vælger senest på møderne i juni og januar emnerne til dialogmøderne.")


async def test_confirmed_yearly_cycle_makes_every_part_and_keeps_a_year_ahead(
    world: World, tmp_path: Path,
) -> None:
    world.clock.now = dt.datetime(2026, 12, 20, 10, tzinfo=dt.UTC)
    notice = await _ingest(world, tmp_path, CYCLE, meeting=dt.date(2026, 12, 10))  # to Anne
    assert len(notice) == 1 and "Hvert år" in card_text(card_of(notice[0]) or {})
    async with world.db.sessions() as s:
        rules = await repo.list_rules(s, committee_id=world.committee_id)
    assert sorted(r.months for r in rules) == ["10-11", "3-4", "6,1", "9"]
    listed = await world.say("forslag")
    cycle_card = card_of(listed[-1]) or {}
    assert_valid_card(cycle_card)
    assert "oktober–november: Dialogmøder for skolebestyrelser og forældreråd" in \
        card_text(cycle_card)
    assert sum(1 for a in _all_actions(cycle_card) if a["verb"] == "event.rule.confirm") == 1

    _, body = await world.bot.invoke("event.rule.confirm", {"rule_id": rules[0].id},
                                     conversation=CHANNEL)
    assert_valid_card(body["value"])
    shown = card_text(body["value"])
    for when in ("januar 2027", "marts–april 2027", "juni 2027", "september 2027",
                 "oktober–november 2027"):
        assert when in shown, when
    assert "oktober–november 2026" not in shown  # over before the cycle was confirmed
    spans = await _rule_events(world)
    assert (dt.date(2027, 3, 1), dt.date(2027, 4, 30)) in spans
    assert (dt.date(2027, 10, 1), dt.date(2027, 11, 30)) in spans
    assert len(spans) == 5

    # across the new year the daily job adds next January's meeting, and nothing twice
    assert await expand_rules(world.db, today=dt.date(2027, 1, 15)) == 1
    assert await expand_rules(world.db, today=dt.date(2027, 1, 15)) == 0
    assert await expand_rules(world.db, today=dt.date(2027, 1, 16)) == 0
    spans = await _rule_events(world)
    assert len(spans) == 6 and (dt.date(2028, 1, 1), dt.date(2028, 1, 31)) in spans

    # a span confirmed without a day reminds at the lead times before its first day
    async with world.db.sessions() as s:
        spring = next(e for e in await repo.list_events(s, committee_id=world.committee_id)
                      if e.rule_id is not None and e.date == dt.date(2027, 3, 1))
    world.clock.now = dt.datetime(2027, 1, 15, 10, tzinfo=dt.UTC)
    _, confirmed = await world.bot.invoke("event.confirm", {"event_id": spring.id},
                                          conversation=CHANNEL)
    assert "2 påmindelser er planlagt" in card_text(confirmed["value"])
    assert await world.deliver_at(_local(dt.date(2027, 2, 22), 7)) == []
    sent = await world.deliver_at(_local(dt.date(2027, 2, 22), 8))
    assert len(sent) == 1 and "marts–april 2027" in card_text(card_of(sent[0]) or {})


def _all_actions(card: dict[str, object]) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "Action.Execute":
                found.append(node)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(card)
    return found


async def _rule_events(world: World) -> list[tuple[dt.date, dt.date | None]]:
    async with world.db.sessions() as s:
        events = await repo.list_events(s, committee_id=world.committee_id)
    return [(e.date, e.end_date) for e in events if e.rule_id is not None]
