"""A replica renews the leases of what it is still sending, so a short lease is safe: another
replica never takes over a row that is being sent (only one whose replica died)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.delivery import Delivery
from bot.keys import DELIVERY
from bot.settings import Settings
from handlers.context import Reply
from handlers.notify import queue_message
from storage.models import utcnow
from storage.outbox import claim_due
from tests.botharness import CHANNEL, BotHarness, running_bot


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[BotHarness]:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'bot.db'}", dev=True,
                        tick_seconds=0, claim_lease_seconds=1.0)
    async with running_bot(settings) as harness:
        await harness.post(harness.activity("conversationUpdate", conversation=CHANNEL,
                                            membersAdded=[{"id": "28:referatbot"}]))
        yield harness


async def test_lease_is_renewed_while_sending(bot: BotHarness) -> None:
    delivery: Delivery = bot.server.app[DELIVERY]
    assert delivery.lease == dt.timedelta(seconds=1.0)
    bot.connector.fail_next(429, times=1, retry_after=2.0)
    await queue_message(delivery.db, key="slow", kind="test", reply=Reply(text="Langsom"),
                        due_at=utcnow(), conversation_id=CHANNEL.id)
    sending = asyncio.create_task(delivery.deliver_due())
    # past the first lease, while the send waits for Retry-After; the lease is renewed every
    # third of it, so a busy machine has two thirds of a second to spare
    await asyncio.sleep(1.5)
    async with delivery.db.transaction() as s:
        assert await claim_due(s, worker="other", now=utcnow()) == []
    stats = await sending
    assert stats.sent == 1
    assert [m.get("text") for m in bot.connector.messages(CHANNEL.id)].count("Langsom") == 1
