"""End to end: the real aiohttp server, the real store, the fake Bot Connector."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.cli import sample_minutes
from bot.settings import Settings
from minutes.ingest import ingest_paths
from storage.engine import Database
from storage.members_repo import set_role
from storage.minutes_repo import find_committee
from storage.models import Conversation, Member, Role
from tests.botharness import (
    ANNE,
    BO,
    CHANNEL,
    OUTSIDER,
    PERSONAL,
    BotHarness,
    card_of,
    card_text,
    running_bot,
)
from tests.fake_connector import Member as RosterMember
from tests.test_cards import assert_valid_card


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[BotHarness]:
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    db = Database(url)
    await db.upgrade()
    await ingest_paths(db, sample_minutes())
    await db.dispose()
    async with running_bot(Settings(database_url=url, dev=True, tick_seconds=0)) as harness:
        yield harness


async def _db_rows(harness: BotHarness, model: type) -> list:  # type: ignore[type-arg]
    db = Database(harness.settings.database_url)
    try:
        async with db.sessions() as s:
            return list((await s.scalars(sa.select(model))).all())
    finally:
        await db.dispose()


async def _committee_name(harness: BotHarness) -> str:
    db = Database(harness.settings.database_url)
    try:
        async with db.sessions() as s:
            name = await s.scalar(sa.text("SELECT name FROM committee ORDER BY id LIMIT 1"))
            assert isinstance(name, str)
            return name
    finally:
        await db.dispose()


async def _make_secretary(harness: BotHarness, committee: str) -> None:
    db = Database(harness.settings.database_url)
    try:
        async with db.transaction() as s:
            found = await find_committee(s, name=committee)
            assert found is not None and found.id is not None
            await set_role(s, committee_id=found.id, aad_object_id=ANNE.aad_object_id,
                           name=ANNE.name, role=Role.SECRETARY)
    finally:
        await db.dispose()


async def test_install_in_personal_chat_stores_reference_and_greets(bot: BotHarness) -> None:
    sent = await bot.install()
    assert len(sent) == 1
    card = card_of(sent[0])
    assert card is not None and "Referatbot" in card_text(card)
    assert_valid_card(card)
    rows = await _db_rows(bot, Conversation)
    assert [(r.conversation_id, r.conversation_type, r.user_aad_object_id) for r in rows] == [
        (PERSONAL.id, "personal", ANNE.aad_object_id)]
    reference = json.loads(rows[0].reference)
    assert reference["serviceUrl"] == bot.connector.url
    assert reference["conversation"]["id"] == PERSONAL.id


async def test_install_in_team_stores_channel_reference(bot: BotHarness) -> None:
    sent = await bot.post(bot.activity(
        "conversationUpdate", conversation=CHANNEL,
        membersAdded=[{"id": "28:referatbot", "name": "Referatbot"}]))
    assert sent[0] in (200, 201)
    rows = await _db_rows(bot, Conversation)
    assert [(r.conversation_type, r.team_id) for r in rows] == [("channel", CHANNEL.team_id)]
    assert len(bot.connector.messages(CHANNEL.id)) == 1


async def test_help_lists_what_the_bot_can_do(bot: BotHarness) -> None:
    replies = await bot.say("hjælp")
    card = card_of(replies[-1])
    assert card is not None
    text = card_text(card)
    assert "tilknyt udvalg" in text and "Hvad besluttede" in text
    assert_valid_card(card)


async def test_unknown_command_gets_a_danish_hint(bot: BotHarness) -> None:
    replies = await bot.say("/slet-alt")
    assert "kender jeg ikke" in replies[-1]["text"] and "hjælp" in replies[-1]["text"]


async def test_question_is_answered_with_a_card_after_a_typing_indicator(bot: BotHarness) -> None:
    before = len(bot.connector.sent)
    replies = await bot.say("Hvad besluttede udvalget om dialogmødet på Havnens Skole?")
    kinds = [s.activity["type"] for s in bot.connector.sent[before:]]
    assert kinds[0] == "typing" and kinds[-1] == "message"
    card = card_of(replies[-1])
    assert card is not None
    assert_valid_card(card)
    text = card_text(card)
    assert "Punkt" in text and "2026" in text
    actions = [a for a in card.get("actions", []) if a.get("title") == "Vis hele punktet"]
    assert actions, "the answer card offers the whole item"


async def test_show_whole_item_by_invoke_and_by_submit(bot: BotHarness) -> None:
    replies = await bot.say("Hvad besluttede udvalget om dialogmødet på Havnens Skole?")
    card = card_of(replies[-1])
    assert card is not None
    data = next(a["data"] for a in card["actions"] if a.get("title") == "Vis hele punktet")
    status, body = await bot.invoke(data["verb"], data)
    assert status == 200 and body["statusCode"] == 200
    assert body["type"] == "application/vnd.microsoft.card.adaptive"
    assert_valid_card(body["value"])
    assert "Beslutning" in card_text(body["value"])
    # Action.Submit arrives as a message with value and no text
    status, _ = await bot.post(bot.activity("message", value=data))
    assert status in (200, 201)
    submitted = card_of(bot.connector.messages()[-1])
    assert submitted is not None and "Beslutning" in card_text(submitted)


async def test_invoke_without_value_is_a_bad_request(bot: BotHarness) -> None:
    status, body = await bot.post(bot.activity("invoke", name="adaptiveCard/action"))
    assert status == 200 and body["statusCode"] == 400
    assert "handling" in body["value"]["message"]


async def test_invoke_with_unknown_verb_says_so(bot: BotHarness) -> None:
    status, body = await bot.invoke("findes.ikke", {})
    assert status == 200 and "kender jeg ikke" in body["value"]


async def test_secretary_binds_channel_and_roster_is_synced(bot: BotHarness) -> None:
    committee = await _committee_name(bot)
    await _make_secretary(bot, committee)
    bot.connector.members[CHANNEL.team_id or ""] = [
        RosterMember("29:anne", ANNE.name, ANNE.aad_object_id),
        RosterMember("29:bo", BO.name, BO.aad_object_id),
        RosterMember("29:cai", "Cai Medlem", "aad-cai"),
    ]
    await bot.post(bot.activity("conversationUpdate", conversation=CHANNEL,
                                membersAdded=[{"id": "28:referatbot"}]))
    refused = await bot.say(f"tilknyt udvalg {committee}", user=BO, conversation=CHANNEL)
    assert "Kun sekretæren" in refused[-1]["text"]
    replies = await bot.say(f"tilknyt udvalg {committee}", conversation=CHANNEL)
    assert "knyttet til" in replies[-1]["text"] and "2 nye medlemmer" in replies[-1]["text"]
    members = {m.aad_object_id: m.role for m in await _db_rows(bot, Member)}
    assert members == {ANNE.aad_object_id: "secretary", BO.aad_object_id: "member",
                       "aad-cai": "member"}
    conversations = await _db_rows(bot, Conversation)
    assert conversations[0].committee_id is not None


async def test_closed_item_is_refused_to_a_non_member(bot: BotHarness) -> None:
    committee = await _committee_name(bot)
    await _make_secretary(bot, committee)
    question = "Hvem blev konstitueret som skoleleder på Enghøj Skole?"
    member = await bot.say(question, user=ANNE)
    member_card = card_of(member[-1])
    assert member_card is not None
    assert "Lise Dahl" in card_text(member_card) and "lukket" in card_text(member_card).lower()
    outsider = await bot.say(question, user=OUTSIDER)
    outsider_text = outsider[-1].get("text") or card_text(card_of(outsider[-1]) or {})
    assert "Lise Dahl" not in outsider_text
    # and not through the card action either
    item_id = next(a["data"]["item_id"] for a in member_card["actions"]
                   if a.get("title") == "Vis hele punktet")
    status, body = await bot.invoke("item.show", {"item_id": item_id}, user=OUTSIDER)
    assert status == 200 and "Kun udvalgets medlemmer" in json.dumps(body, ensure_ascii=False)
    assert "Lise Dahl" not in json.dumps(body, ensure_ascii=False)


@pytest.mark.parametrize(
    ("headers", "raw", "status"),
    [
        ({"Content-Type": "text/plain"}, b"hej", 415),
        ({}, b"{not json", 400),
        ({}, b'{"hello": "world"}', 400),
        ({}, b'[1, 2, 3]', 400),
        ({}, b'{"type": "message", "text": "uden samtale"}', 400),
        ({}, b'{"type": "message", "serviceUrl": "x", "conversation": {"id": "c"}, "text": ' +
         b'"' + b"x" * 600_000 + b'"}', 413),
    ],
    ids=["not-json-415", "broken-json", "not-activity", "array", "no-conversation", "too-big"],
)
async def test_bad_requests_get_their_status(
    bot: BotHarness, headers: dict[str, str], raw: bytes, status: int
) -> None:
    got, _ = await bot.post(None, raw=raw, headers=headers)
    assert got == status
    assert bot.connector.sent == []


async def test_request_without_content_type_is_415_not_a_crash(bot: BotHarness) -> None:
    async with bot.http.post(bot.messages_url, data=b"{}",
                             skip_auto_headers=["Content-Type"]) as resp:
        assert resp.status == 415


async def test_healthz_reports_the_database(bot: BotHarness) -> None:
    async with bot.http.get(str(bot.server.make_url("/healthz"))) as resp:
        assert resp.status == 200
        assert (await resp.json())["database"] is True


async def test_database_outage_gets_a_danish_message_and_recovers(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    url = f"sqlite:///{folder / 'bot.db'}"
    db = Database(url)
    await db.upgrade()
    await ingest_paths(db, sample_minutes())
    await db.dispose()
    async with running_bot(Settings(database_url=url, dev=True, tick_seconds=0)) as harness:
        from bot.keys import SERVICES

        services = harness.server.app[SERVICES]
        folder.rename(tmp_path / "væk")  # the database file is gone: new connections fail
        await services.db.engine.dispose()
        replies = await harness.say("Hvad besluttede udvalget om dialogmødet på Havnens Skole?")
        assert "Databasen svarer ikke" in replies[-1]["text"]
        status, body = await harness.invoke("item.show", {"item_id": 1})
        assert status == 200 and body["statusCode"] == 503
        async with harness.http.get(str(harness.server.make_url("/healthz"))) as resp:
            assert resp.status == 503
        (tmp_path / "væk").rename(folder)
        await services.db.engine.dispose()
        replies = await harness.say("Hvad besluttede udvalget om dialogmødet på Havnens Skole?")
        assert card_of(replies[-1]) is not None


async def test_approval_status_question_is_answered_from_the_approval_data(
    bot: BotHarness,
) -> None:
    replies = await bot.say("Er referatet fra 4. marts 2026 godkendt?")
    text = replies[-1].get("text") or card_text(card_of(replies[-1]) or {})
    assert "godkend" in text.lower() and "4. marts 2026" in text
