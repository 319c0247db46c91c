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
from storage import events_repo as repo
from storage.conversations_repo import bind_committee
from storage.engine import Database
from storage.members_repo import RosterEntry, set_role, sync_roster
from storage.minutes_repo import get_or_create_committee
from storage.models import Conversation, Event, Outbound, Role
from tests.botharness import ANNE, BO, CHANNEL, BotHarness, card_of, card_text, running_bot
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
        from storage.models import EventStatus

        ev = await repo.create_event(s, title="Udvalgsmøde", kind="møde",
                                     date=dt.date(2026, 2, 10), committee_id=world.committee_id,
                                     status=EventStatus.CONFIRMED)
        from handlers.reminders import schedule_event

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

    from minutes.ingest import Overrides, ingest_file

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
    assert rules and rules[0].months == "10,11"
    _, body = await world.bot.invoke("event.rule.confirm", {"rule_id": rules[0].id},
                                     conversation=CHANNEL)
    assert_valid_card(body["value"])
    assert "oktober 2026" in card_text(body["value"])
    suggestions = await world.say("forslag")
    assert_valid_card(card_of(suggestions[-1]) or {})
    reminder = card_of({"attachments": [{"contentType": "application/vnd.microsoft.card.adaptive",
                                         "content": __import__("handlers.reminders").reminders
                                         .reminder_reply(events[0], 7).card}]})
    assert_valid_card(reminder or {})
