"""Digital approval end to end: the real endpoint, the real store, the fake Bot Connector."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from bot.cli import sample_minutes
from bot.keys import DELIVERY
from bot.settings import Settings
from minutes.ingest import ingest_paths
from storage.engine import Database
from storage.members_repo import set_role
from storage.minutes_repo import find_committee
from storage.models import ApprovalAudit, ApprovalParticipant, Meeting, Role
from tests.botharness import (
    ANNE,
    BO,
    CHANNEL,
    OUTSIDER,
    BotHarness,
    User,
    card_of,
    card_text,
    running_bot,
)
from tests.fake_connector import Member as RosterMember
from tests.test_cards import assert_valid_card

CAI = User("aad-cai", "Cai Medlem")
DIA = User("aad-dia", "Dia Medlem")
COMMITTEE = "Udvalget for Børn og Skole"
PG_URL = os.environ.get("REFERATBOT_TEST_DATABASE_URL", "")


# -- shared with bench/approvals.py ---------------------------------------------------------


@asynccontextmanager
async def database_url(kind: str, tmp_path: Path) -> AsyncIterator[str]:
    """A fresh, migrated database with the sample minutes: a SQLite file or a PG database."""
    if kind == "sqlite":
        url = f"sqlite:///{tmp_path / f'approvals-{uuid.uuid4().hex[:6]}.db'}"
        await _prepare(url)
        yield url
        return
    if not PG_URL:
        pytest.skip("PostgreSQL not configured: set REFERATBOT_TEST_DATABASE_URL")
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = Database(PG_URL)
    engine = admin.engine.execution_options(isolation_level="AUTOCOMMIT")
    async with engine.connect() as conn:
        await conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    try:
        await _prepare(url)
        yield url
    finally:
        async with engine.connect() as conn:
            await conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


async def _prepare(url: str) -> None:
    db = Database(url)
    await db.upgrade()
    await ingest_paths(db, sample_minutes())
    await db.dispose()


def user(i: int) -> User:
    return User(f"aad-p{i:02d}", f"Deltager {i:02d}", f"29:p{i:02d}")


async def seat_committee(harness: BotHarness, people: list[User]) -> None:
    """Install in the channel, make Anne secretary, bind the channel (syncing the roster)."""
    db = Database(harness.settings.database_url)
    try:
        async with db.transaction() as s:
            found = await find_committee(s, name=COMMITTEE)
            assert found is not None and found.id is not None
            await set_role(s, committee_id=found.id, aad_object_id=ANNE.aad_object_id,
                           name=ANNE.name, role=Role.SECRETARY)
    finally:
        await db.dispose()
    harness.connector.members[CHANNEL.id] = [
        RosterMember(u.account["id"], u.name, u.aad_object_id) for u in [ANNE, *people]]
    await harness.post(harness.activity("conversationUpdate", conversation=CHANNEL,
                                        membersAdded=[{"id": "28:referatbot"}]))
    replies = await harness.say(f"tilknyt udvalg {COMMITTEE}", conversation=CHANNEL)
    assert "knyttet til" in replies[-1]["text"]


async def open_round(harness: BotHarness, date_text: str = "4. marts 2026",
                     participants: list[User] | None = None) -> int:
    """»godkend referat DATO« and »Åbn godkendelsen«; returns the round id from the card."""
    replies = await harness.say(f"godkend referat {date_text}", conversation=CHANNEL)
    preview = card_of(replies[-1])
    assert preview is not None, replies[-1]
    assert_valid_card(preview)
    inputs = {b["id"]: b.get("value") for b in preview["body"] if "id" in b}
    if participants is not None:
        inputs["participants"] = ",".join(u.aad_object_id for u in participants)
    action = preview["actions"][0]
    body = await invoke_ok(harness, action["verb"], {**action["data"], **inputs})
    assert "Godkendelsen er åbnet" in card_text(body)
    await harness.server.app[DELIVERY].deliver_due()
    card = card_of(harness.connector.messages(CHANNEL.id)[-1])
    assert card is not None
    assert_valid_card(card)
    round_id = card["refresh"]["action"]["data"]["round_id"] if "refresh" in card else next(
        a["data"]["round_id"] for a in card["actions"])
    assert isinstance(round_id, int)
    return round_id


async def invoke_ok(harness: BotHarness, verb: str, data: dict[str, Any],
                    user: User = ANNE) -> dict[str, Any]:
    status, body = await harness.invoke(verb, data, user=user, conversation=CHANNEL)
    assert status == 200 and body["statusCode"] == 200, body
    assert body["type"] == "application/vnd.microsoft.card.adaptive", body
    assert_valid_card(body["value"])
    card: dict[str, Any] = body["value"]
    return card


async def _rows(harness: BotHarness, model: type) -> list[Any]:
    db = Database(harness.settings.database_url)
    try:
        async with db.sessions() as s:
            return list((await s.scalars(sa.select(model))).all())
    finally:
        await db.dispose()


# -- the tests ---------------------------------------------------------------------------


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[BotHarness]:
    async with database_url("sqlite", tmp_path) as url, \
            running_bot(Settings(database_url=url, dev=True, tick_seconds=0)) as harness:
        await seat_committee(harness, [BO, CAI, DIA])
        yield harness


def _titles(card: dict[str, Any]) -> list[str]:
    return [a.get("title", "") for a in card.get("actions", [])]


async def test_only_the_secretary_opens_a_round(bot: BotHarness) -> None:
    refused = await bot.say("godkend referat 4. marts 2026", user=BO, conversation=CHANNEL)
    assert "Kun udvalgets sekretær" in refused[-1]["text"]
    replies = await bot.say("godkend referat 4. marts 2026", conversation=CHANNEL)
    preview = card_of(replies[-1])
    assert preview is not None and "Åbn godkendelsen" in _titles(preview)
    choice = next(b for b in preview["body"] if b.get("id") == "participants")
    assert choice["value"] == "aad-bo,aad-cai,aad-dia"


async def test_full_round_through_the_endpoint(bot: BotHarness) -> None:
    round_id = await open_round(bot)
    channel_card = card_of(bot.connector.messages(CHANNEL.id)[-1])
    assert channel_card is not None
    assert sorted(channel_card["refresh"]["userIds"]) == ["29:aad-anne", "29:aad-bo",
                                                         "29:aad-cai", "29:aad-dia"]
    assert "0 af 3 har godkendt" in card_text(channel_card)
    ref = channel_card["refresh"]["action"]

    # per-user refresh answers
    bo_view = await invoke_ok(bot, ref["verb"], ref["data"], user=BO)
    assert _titles(bo_view)[:3] == ["Godkend", "Godkend med bemærkning", "Gør indsigelse"]
    outsider_view = await invoke_ok(bot, ref["verb"], ref["data"], user=OUTSIDER)
    assert _titles(outsider_view) == [] and "0 af 3 har godkendt" in card_text(outsider_view)
    anne_view = await invoke_ok(bot, ref["verb"], ref["data"], user=ANNE)
    assert "Mangler: Bo Medlem, Cai Medlem, Dia Medlem" in card_text(anne_view)

    # approve, object, change of mind (remark)
    approve = next(a for a in bo_view["actions"] if a["title"] == "Godkend")
    approved = await invoke_ok(bot, approve["verb"], approve["data"], user=BO)
    assert "1 af 3 har godkendt" in card_text(approved)
    assert "Du godkendte referatet" in card_text(approved)
    again = await invoke_ok(bot, approve["verb"], approve["data"], user=BO)
    assert "1 af 3 har godkendt" in card_text(again)
    object_show = next(a for a in bo_view["actions"] if a["title"] == "Gør indsigelse")
    object_action = object_show["card"]["actions"][0]
    objected = await invoke_ok(bot, object_action["verb"],
                               {**object_action["data"], "reason": "Punkt 16 mangler."},
                               user=CAI)
    assert "1 indsigelse" in card_text(objected) and "Punkt 16 mangler." in card_text(objected)
    remark_show = next(a for a in bo_view["actions"] if a["title"] == "Godkend med bemærkning")
    remark_action = remark_show["card"]["actions"][0]
    changed = await invoke_ok(bot, remark_action["verb"],
                              {**remark_action["data"], "remark": "Nu er det rettet."}, user=CAI)
    assert "2 af 3 har godkendt" in card_text(changed)

    # refusals: non-participant, forged round id, missing value: nothing recorded
    before = len(await _rows(bot, ApprovalAudit))
    outsider = await invoke_ok(bot, "approval.approve", {"round_id": round_id}, user=OUTSIDER)
    assert "ikke deltager" in card_text(outsider)
    forged = await invoke_ok(bot, "approval.approve", {"round_id": round_id + 7}, user=DIA)
    assert "kan ikke finde den godkendelse" in card_text(forged)
    status, body = await bot.post(bot.activity("invoke", name="adaptiveCard/action",
                                               user=DIA, conversation=CHANNEL))
    assert status == 200 and body["statusCode"] == 400
    assert len(await _rows(bot, ApprovalAudit)) == before

    # the secretary reminds the one missing, 1:1
    reminded = await invoke_ok(bot, "approval.remind", {"round_id": round_id}, user=ANNE)
    assert "Påmindelse sendt til 1: Dia Medlem" in card_text(reminded)
    await bot.server.app[DELIVERY].deliver_due()
    created = [c["members"][0]["id"] for c in bot.connector.created]
    assert "29:aad-dia" in created and "29:aad-bo" not in created
    assert "29:aad-anne" in created, "the secretary got the remark/objection notes"

    # Action.Submit fallback (a message with value) closes the round
    status, _ = await bot.post(bot.activity("message", user=DIA, conversation=CHANNEL,
                                            value={"verb": "approval.approve",
                                                   "round_id": round_id}))
    assert status in (200, 201)
    submitted = card_of(bot.connector.messages(CHANNEL.id)[-1])
    assert submitted is not None and "3 af 3 har godkendt" in card_text(submitted)
    assert_valid_card(submitted)
    await bot.server.app[DELIVERY].deliver_due()
    closing = bot.connector.messages(CHANNEL.id)[-1]
    assert "Referatet er godkendt" in (closing.get("text") or "")
    meetings = [m for m in await _rows(bot, Meeting) if m.approval_status == "approved"]
    assert len(meetings) == 1

    # closed round refuses changes
    late = await invoke_ok(bot, object_action["verb"],
                           {**object_action["data"], "reason": "For sent"}, user=BO)
    assert "afsluttet" in card_text(late)
    trail = await _rows(bot, ApprovalAudit)
    assert [a.action for a in trail] == ["opened", "approve", "object", "remark", "reminded",
                                         "approve", "approved"]
    assert all(a.activity_id and a.activity_id.startswith("act-") for a in trail[:-1])
    assert trail[1].actor_name == BO.name and trail[1].actor_aad_object_id == BO.aad_object_id


async def test_question_about_approval_through_the_store(bot: BotHarness) -> None:
    from handlers.approvals import approval_status_answer

    await open_round(bot)
    db = Database(bot.settings.database_url)
    try:
        answer = await approval_status_answer(db, "Hvem mangler at godkende?")
    finally:
        await db.dispose()
    assert answer is not None and "Bo Medlem, Cai Medlem, Dia Medlem" in (answer.text or "")


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
async def test_storm_through_the_endpoint(kind: str, tmp_path: Path) -> None:
    """50 participants each clicking four times at once: 50 answers, one entry per change."""
    people = [user(i) for i in range(1, 51)]
    async with database_url(kind, tmp_path) as url, \
            running_bot(Settings(database_url=url, dev=True, tick_seconds=0)) as harness:
        await seat_committee(harness, people)
        round_id = await open_round(harness, participants=people)
        cards = await asyncio.gather(*(
            invoke_ok(harness, "approval.approve", {"round_id": round_id}, user=p)
            for _ in range(4) for p in people))
        counts = {int(card_text(c).split(" af 50")[0].rsplit("\n", 1)[-1]) for c in cards}
        assert counts == set(range(1, 51))
        answers = await _rows(harness, ApprovalParticipant)
        assert len(answers) == 50 and all(a.answer == "approve" for a in answers)
        trail = await _rows(harness, ApprovalAudit)
        assert sorted(a.actor_aad_object_id for a in trail if a.action == "approve") == sorted(
            p.aad_object_id for p in people)
        assert [a.action for a in trail].count("approved") == 1
