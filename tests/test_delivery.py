"""The outbox and its delivery: claimed once, sent within limits, retried, failed visibly."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import col

from bot.keys import DELIVERY
from bot.ratelimit import RateLimiter, Window
from bot.settings import Settings
from handlers.context import Reply
from handlers.notify import queue_message
from storage.engine import Database
from storage.members_repo import RosterEntry, sync_roster
from storage.minutes_repo import get_or_create_committee
from storage.models import Conversation, Outbound, OutboundStatus, utcnow
from storage.outbox import LEASE, claim_due, enqueue
from tests.botharness import BO, CHANNEL, BotHarness, running_bot

NOW = dt.datetime(2026, 3, 1, 7, 0, tzinfo=dt.UTC)


async def _queue(db: Database, n: int, *, due: dt.datetime = NOW) -> None:
    async with db.transaction() as s:
        for i in range(n):
            await enqueue(s, key=f"k{i}", kind="test", payload={"text": f"besked {i}"},
                          due_at=due, conversation_id="c1")


async def test_same_key_is_queued_once(db: Database) -> None:
    async with db.transaction() as s:
        assert await enqueue(s, key="x", kind="t", payload={"text": "a"}, due_at=NOW,
                             conversation_id="c")
        assert not await enqueue(s, key="x", kind="t", payload={"text": "b"}, due_at=NOW,
                                 conversation_id="c")
    async with db.sessions() as s:
        assert await s.scalar(sa.select(sa.func.count()).select_from(Outbound)) == 1


async def test_concurrent_claims_never_share_a_row(db: Database) -> None:
    await _queue(db, 40)

    async def claimer(name: str) -> list[int]:
        got: list[int] = []
        while True:
            async with db.transaction() as s:
                rows = await claim_due(s, worker=name, now=NOW + dt.timedelta(seconds=1), limit=3)
            if not rows:
                return got
            got += [r.id for r in rows if r.id is not None]

    results = await asyncio.gather(*(claimer(f"w{i}") for i in range(4)))
    claimed = [i for r in results for i in r]
    assert len(claimed) == 40 and len(set(claimed)) == 40


async def test_nothing_is_claimed_before_it_is_due_and_a_lapsed_lease_is_reclaimed(
    db: Database,
) -> None:
    await _queue(db, 1, due=NOW)
    async with db.transaction() as s:
        assert await claim_due(s, worker="a", now=NOW - dt.timedelta(seconds=1)) == []
        assert len(await claim_due(s, worker="a", now=NOW)) == 1
    async with db.transaction() as s:
        assert await claim_due(s, worker="b", now=NOW + LEASE / 2) == []
        again = await claim_due(s, worker="b", now=NOW + LEASE * 2)
    assert [r.claimed_by for r in again] == ["b"] and again[0].attempts == 2


async def test_rate_limiter_keeps_seven_a_second_per_conversation() -> None:
    fake = [0.0]
    limiter = RateLimiter(per_conversation=(Window(7, 1.0),), overall=(Window(100, 1.0),),
                          clock=lambda: fake[0])
    for _ in range(7):
        await limiter.acquire("c")
    blocked = asyncio.create_task(limiter.acquire("c"))
    await asyncio.sleep(0.05)
    assert not blocked.done()
    await limiter.acquire("other")  # another conversation is not held up
    fake[0] = 1.0
    await asyncio.wait_for(blocked, 2)


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[BotHarness]:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'bot.db'}", dev=True, tick_seconds=0)
    async with running_bot(settings) as harness:
        await harness.post(harness.activity("conversationUpdate", conversation=CHANNEL,
                                            membersAdded=[{"id": "28:referatbot"}]))
        yield harness


def _db(bot: BotHarness) -> Database:
    return bot.server.app[DELIVERY].db


async def _statuses(bot: BotHarness) -> list[str]:
    async with _db(bot).sessions() as s:
        return list((await s.scalars(sa.select(Outbound.status).order_by(Outbound.id))).all())


async def test_queued_message_reaches_the_channel_once(bot: BotHarness) -> None:
    before = len(bot.connector.messages(CHANNEL.id))
    await queue_message(_db(bot), key="hej", kind="test", reply=Reply(text="Husk mødet"),
                        due_at=utcnow(), conversation_id=CHANNEL.id)
    await bot.server.app[DELIVERY].deliver_due()
    await bot.server.app[DELIVERY].deliver_due()
    texts = [m.get("text") for m in bot.connector.messages(CHANNEL.id)[before:]]
    assert texts == ["Husk mødet"]
    assert await _statuses(bot) == ["sent"]


async def test_throttled_send_honours_retry_after(bot: BotHarness) -> None:
    bot.connector.fail_next(429, times=2, retry_after=0.3)
    await queue_message(_db(bot), key="k", kind="test", reply=Reply(text="Igen"),
                        due_at=utcnow(), conversation_id=CHANNEL.id)
    start = time.monotonic()
    stats = await bot.server.app[DELIVERY].deliver_due()
    assert time.monotonic() - start >= 0.6
    assert (stats.sent, stats.retried) == (1, 2)
    assert [m.get("text") for m in bot.connector.messages(CHANNEL.id)].count("Igen") == 1


async def test_server_errors_that_persist_end_as_failed(bot: BotHarness) -> None:
    bot.connector.fail_next(403)
    await queue_message(_db(bot), key="k", kind="test", reply=Reply(text="Forbudt"),
                        due_at=utcnow(), conversation_id=CHANNEL.id)
    stats = await bot.server.app[DELIVERY].deliver_due()
    assert stats.failed == 1
    async with _db(bot).sessions() as s:
        row = (await s.scalars(sa.select(Outbound))).one()
    assert row.status == OutboundStatus.FAILED.value and "403" in (row.last_error or "")


async def test_one_to_one_opens_the_personal_chat_and_stores_it(bot: BotHarness) -> None:
    async with _db(bot).transaction() as s:
        committee = await get_or_create_committee(s, name="Udvalget", municipality_id=None)
        assert committee.id is not None
        await sync_roster(s, committee_id=committee.id, roster=[
            RosterEntry(aad_object_id=BO.aad_object_id, name=BO.name, teams_user_id="29:bo")])
    await queue_message(_db(bot), key="dm", kind="test", reply=Reply(text="Kun til dig"),
                        due_at=utcnow(), user_aad_object_id=BO.aad_object_id)
    await bot.server.app[DELIVERY].deliver_due()
    assert bot.connector.created[0]["members"][0]["id"] == "29:bo"
    async with _db(bot).sessions() as s:
        personal = (await s.scalars(sa.select(Conversation).where(
            Conversation.user_aad_object_id == BO.aad_object_id))).one()
    assert [m["text"] for m in bot.connector.messages(personal.conversation_id)] == ["Kun til dig"]


async def test_secretary_sees_failed_reminders_in_chat(bot: BotHarness) -> None:
    from storage.members_repo import set_role
    from storage.models import Role
    from tests.botharness import ANNE

    bot.connector.fail_next(403)
    await queue_message(_db(bot), key="k", kind="reminder", reply=Reply(text="Husk"),
                        due_at=utcnow(), conversation_id=CHANNEL.id)
    await bot.server.app[DELIVERY].deliver_due()
    refused = await bot.say("mislykkede påmindelser", user=BO)
    assert "Kun udvalgets sekretær" in refused[-1]["text"]
    async with _db(bot).transaction() as s:
        committee = await get_or_create_committee(s, name="Udvalget", municipality_id=None)
        assert committee.id is not None
        await set_role(s, committee_id=committee.id, aad_object_id=ANNE.aad_object_id,
                       name=ANNE.name, role=Role.SECRETARY)
    shown = await bot.say("Mislykkede påmindelser?", user=ANNE)
    assert "1 kunne ikke sendes" in shown[-1]["text"] and "403" in shown[-1]["text"]
    assert "påmindelse til kanalen" in shown[-1]["text"]


async def _update_of(bot: BotHarness, original_key: str, text: str) -> None:
    async with _db(bot).transaction() as s:
        await enqueue(s, key=f"{original_key}:update", kind="approval.update",
                      payload={"text": text, "update_of": original_key}, due_at=utcnow(),
                      conversation_id=CHANNEL.id)


async def test_an_update_waits_for_its_original_then_replaces_it_in_place(
    bot: BotHarness,
) -> None:
    later = utcnow() + dt.timedelta(hours=1)
    await queue_message(_db(bot), key="card", kind="approval.card", reply=Reply(text="0 af 2"),
                        due_at=later, conversation_id=CHANNEL.id)
    await _update_of(bot, "card", "1 af 2")
    await bot.server.app[DELIVERY].deliver_due()
    assert bot.connector.updates() == []
    async with _db(bot).sessions() as s:
        waiting = (await s.scalars(sa.select(Outbound).where(
            col(Outbound.key) == "card:update"))).one()
    assert (waiting.status, waiting.attempts) == ("pending", 0), "waiting is not failing"

    async with _db(bot).transaction() as s:
        await s.execute(sa.update(Outbound).values(next_attempt_at=utcnow()))
    await bot.server.app[DELIVERY].deliver_due()
    [posted] = [m for m in bot.connector.sent if m.activity.get("text") == "0 af 2"]
    [update] = bot.connector.updates(CHANNEL.id)
    assert (update.reply_to, update.activity.get("text")) == (posted.activity_id, "1 af 2")
    assert [m.get("text") for m in bot.connector.messages(CHANNEL.id)].count("1 af 2") == 0
    assert await _statuses(bot) == ["sent", "sent"]


async def test_an_update_of_a_message_never_sent_is_cancelled(bot: BotHarness) -> None:
    bot.connector.fail_next(403)
    await queue_message(_db(bot), key="card", kind="approval.card", reply=Reply(text="kort"),
                        due_at=utcnow(), conversation_id=CHANNEL.id)
    await bot.server.app[DELIVERY].deliver_due()
    await _update_of(bot, "card", "opdateret")
    stats = await bot.server.app[DELIVERY].deliver_due()
    assert stats.failed == 0 and bot.connector.updates() == []
    assert await _statuses(bot) == ["failed", "cancelled"]
