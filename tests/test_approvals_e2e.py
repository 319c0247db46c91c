"""Digital approval end to end: the real endpoint, the real store, the fake Bot Connector."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import col

from bot.cli import sample_minutes
from bot.keys import DELIVERY
from bot.settings import Settings
from minutes.ingest import ingest_paths
from storage.engine import Database
from storage.members_repo import set_role
from storage.minutes_repo import find_committee
from storage.models import ApprovalAudit, ApprovalParticipant, Conversation, Meeting, Role
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
    # no public address configured: the file is named, not linked
    assert "Dokument: fjordby_boern_og_skole_2026-03-04.txt" in card_text(channel_card)
    assert "/referat/" not in card_text(channel_card)
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
    from handlers.approval_questions import approval_status_answer

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


# -- #5 gaps: offered at ingest, document link, channel card updates, closing, reminders -------


class Clock:
    """The bot's clock (UTC), moved by the test."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


PUBLIC = "https://referat.fjordby.test"
MONDAY = dt.datetime(2026, 3, 9, 9, 30, tzinfo=dt.UTC)  # 10.30 in Copenhagen


@pytest.fixture
async def timed(tmp_path: Path) -> AsyncIterator[tuple[BotHarness, Clock]]:
    """The bot with a clock the test moves, and its public address set."""
    clock = Clock(MONDAY)
    async with database_url("sqlite", tmp_path) as url, running_bot(
            Settings(database_url=url, dev=True, tick_seconds=0, public_url=PUBLIC),
            clock=clock) as harness:
        await seat_committee(harness, [BO, CAI, DIA])
        yield harness, clock


async def _deliver(harness: BotHarness) -> None:
    await harness.server.app[DELIVERY].deliver_due()


async def _personal_texts(harness: BotHarness, since: int) -> dict[str, list[str]]:
    """1:1 messages sent after ``harness.connector.sent[since]``, by recipient's Entra id."""
    db = Database(harness.settings.database_url)
    try:
        async with db.sessions() as s:
            owners = dict((await s.execute(sa.select(
                col(Conversation.conversation_id), col(Conversation.user_aad_object_id)))).all())
    finally:
        await db.dispose()
    out: dict[str, list[str]] = {}
    for sent in harness.connector.sent[since:]:
        if sent.conversation_id.startswith("a:personal-") and sent.method == "POST":
            out.setdefault(owners.get(sent.conversation_id) or "?", []).append(
                sent.activity.get("text") or "")
    return out


def _later_sample(tmp_path: Path) -> Path:
    """A new, fictional meeting: the December sample moved a week on."""
    sample = next(p for p in sample_minutes() if "2026-12-02" in p.name)
    path = tmp_path / "fjordby_boern_og_skole_2026-12-09.txt"
    path.write_text(sample.read_text(encoding="utf-8").replace("2. december 2026",
                                                               "9. december 2026"),
                    encoding="utf-8")
    return path


async def _ingest(harness: BotHarness, path: Path, now: dt.datetime) -> str:
    db = Database(harness.settings.database_url)
    try:
        [report] = await ingest_paths(db, [path], now=now)
    finally:
        await db.dispose()
    assert report.outcome is not None, report.error
    return report.outcome.value


async def test_ingest_offers_the_approval_card_in_the_channel(
    timed: tuple[BotHarness, Clock], tmp_path: Path,
) -> None:
    bot, clock = timed
    clock.now = dt.datetime(2026, 12, 10, 8, 0, tzinfo=dt.UTC)
    path = _later_sample(tmp_path)
    assert await _ingest(bot, path, clock.now) == "added"
    before = len(bot.connector.messages(CHANNEL.id))
    await _deliver(bot)
    [offer] = bot.connector.messages(CHANNEL.id)[before:]
    preview = card_of(offer)
    assert preview is not None
    assert_valid_card(preview)
    assert "Åbn godkendelsen" in _titles(preview)
    assert "9. december 2026 er indlæst og har punktet »Digital godkendelse af referat«" in (
        card_text(preview))
    inputs = {b["id"]: b.get("value") for b in preview["body"] if "id" in b}
    assert inputs["deadline"] == "2026-12-15"  # three working days from Thursday 10 December

    # the same bytes again: nothing new; nothing is sent twice either
    assert await _ingest(bot, path, clock.now) == "unchanged"
    await _deliver(bot)
    assert len(bot.connector.messages(CHANNEL.id)) == before + 1

    # the secretary opens the round from the offered card
    action = preview["actions"][0]
    opened = await invoke_ok(bot, action["verb"], {**action["data"], **inputs})
    assert "Godkendelsen er åbnet med 3 deltagere" in card_text(opened)
    await _deliver(bot)
    posted = card_of(bot.connector.messages(CHANNEL.id)[-1])
    assert posted is not None and "9. december 2026" in card_text(posted)

    # a corrected file for the meeting that now has a round: no new offer
    path.write_text(path.read_text(encoding="utf-8") + "\nRettet udgave.\n", encoding="utf-8")
    assert await _ingest(bot, path, clock.now) == "replaced"
    count = len(bot.connector.messages(CHANNEL.id))
    await _deliver(bot)
    assert len(bot.connector.messages(CHANNEL.id)) == count


async def test_card_links_the_printable_minutes_served_by_the_bot(
    timed: tuple[BotHarness, Clock],
) -> None:
    bot, _ = timed
    await open_round(bot)
    card = card_of(bot.connector.messages(CHANNEL.id)[-1])
    assert card is not None
    found = re.search(r"\[fjordby_boern_og_skole_2026-03-04\.txt\]\((\S+)\)", card_text(card))
    assert found is not None and found.group(1).startswith(f"{PUBLIC}/referat/")
    token = found.group(1).rsplit("/", 1)[1]
    async with bot.http.get(bot.server.make_url(f"/referat/{token}")) as resp:
        assert resp.status == 200 and resp.content_type == "text/html"
        assert resp.headers["Referrer-Policy"] == "no-referrer"
        page = await resp.text()
    assert "<h2>19. Digital godkendelse af referat</h2>" in page
    assert "Referat: Udvalget for Børn og Skole, 4. marts 2026" in page
    forged = token[:-1] + ("y" if token.endswith("x") else "x")
    async with bot.http.get(bot.server.make_url(f"/referat/{forged}")) as resp:
        assert resp.status == 404
    # a closed item shows its title only
    december = [m for m in await _rows(bot, Meeting) if m.date == dt.date(2026, 12, 2)][0]
    async with bot.http.get(bot.server.make_url(f"/referat/{december.share_token}")) as resp:
        page = await resp.text()
    assert "Lukket punkt: Personalesag om skoleledelse" in page
    assert "Lise Dahl" not in page and "Indholdet vises ikke her." in page
    assert "81.03.00-G01-4-26" not in page, "not even its case number"
    assert "<p class=case>" in page, "open items keep theirs"


async def test_channel_card_is_updated_in_place_as_answers_come_in(
    timed: tuple[BotHarness, Clock],
) -> None:
    bot, clock = timed
    await open_round(bot)
    [posted] = [s for s in bot.connector.sent
                if s.conversation_id == CHANNEL.id and card_of(s.activity) is not None
                and "0 af 3 har godkendt" in card_text(card_of(s.activity) or {})]
    round_id = card_of(posted.activity)["refresh"]["action"]["data"]["round_id"]  # type: ignore[index]
    clock.now += dt.timedelta(minutes=5)
    for who in (BO, CAI):
        await invoke_ok(bot, "approval.approve", {"round_id": round_id}, user=who)
    channel_posts = len(bot.connector.messages(CHANNEL.id))
    await _deliver(bot)
    [update] = bot.connector.updates(CHANNEL.id)  # two changes, one update: the newest
    assert update.reply_to == posted.activity_id
    card = card_of(update.activity)
    assert card is not None
    assert_valid_card(card)
    assert "2 af 3 har godkendt" in card_text(card)
    assert len(bot.connector.messages(CHANNEL.id)) == channel_posts, "replaced, not posted"

    await invoke_ok(bot, "approval.approve", {"round_id": round_id}, user=DIA)
    await _deliver(bot)
    last = card_of(bot.connector.updates(CHANNEL.id)[-1].activity) or {}
    assert "3 af 3 har godkendt" in card_text(last) and "Referatet er godkendt" in card_text(last)
    assert bot.connector.updates(CHANNEL.id)[-1].reply_to == posted.activity_id


async def test_secretary_closes_a_round_with_an_objection(timed: tuple[BotHarness, Clock]) -> None:
    bot, clock = timed
    round_id = await open_round(bot)
    await invoke_ok(bot, "approval.approve", {"round_id": round_id}, user=BO)
    await invoke_ok(bot, "approval.object", {"round_id": round_id,
                                             "reason": "Min stemme mod punkt 15 mangler."},
                    user=CAI)
    anne_view = await invoke_ok(bot, "approval.refresh", {"round_id": round_id})
    show = next(a for a in anne_view["actions"] if a["title"] == "Afslut godkendelsen")
    confirm = show["card"]["actions"][0]
    assert confirm["title"] == "Ja, afslut godkendelsen"
    assert "Afslut godkendelsen" not in _titles(
        await invoke_ok(bot, "approval.refresh", {"round_id": round_id}, user=BO))

    refused = await invoke_ok(bot, confirm["verb"], confirm["data"], user=BO)
    assert "Kun udvalgets sekretær kan afslutte godkendelsen." in card_text(refused)
    clock.now += dt.timedelta(hours=2)
    closed = await invoke_ok(bot, confirm["verb"], confirm["data"])
    assert "Godkendelsen er afsluttet." in card_text(closed)
    assert "Godkendt med indsigelse: Anne Sekretær afsluttede godkendelsen" in card_text(closed)
    assert "9. marts 2026 kl. 12.30" in card_text(closed)

    before = len(bot.connector.messages(CHANNEL.id))
    await _deliver(bot)
    [notice] = bot.connector.messages(CHANNEL.id)[before:]
    assert (notice.get("text") or "").startswith("Referatet er godkendt med indsigelse: Anne "
                                                 "Sekretær har afsluttet godkendelsen")
    assert "Indsigelse fra Cai Medlem er ført til referatet. Ikke svaret: Dia Medlem." in (
        notice.get("text") or "")
    updated = card_of(bot.connector.updates(CHANNEL.id)[-1].activity) or {}
    assert "Godkendt med indsigelse" in card_text(updated) and updated["actions"] == []
    late = await invoke_ok(bot, "approval.approve", {"round_id": round_id}, user=DIA)
    assert "afsluttet" in card_text(late)
    trail = await _rows(bot, ApprovalAudit)
    assert [a.action for a in trail][-1] == "closed"
    assert [m for m in await _rows(bot, Meeting) if m.approval_status == "approved"]


async def test_reminders_go_to_those_still_missing_until_the_round_closes(
    timed: tuple[BotHarness, Clock],
) -> None:
    bot, clock = timed
    round_id = await open_round(bot)  # Monday 9 March; deadline Thursday 12 March
    start = len(bot.connector.sent)
    clock.now = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)  # Tuesday: nothing yet
    await _deliver(bot)
    assert await _personal_texts(bot, start) == {}
    await invoke_ok(bot, "approval.approve", {"round_id": round_id}, user=BO)

    clock.now = dt.datetime(2026, 3, 11, 7, 59, tzinfo=dt.UTC)  # Wednesday 08.59
    await _deliver(bot)
    assert await _personal_texts(bot, start) == {}
    clock.now = dt.datetime(2026, 3, 11, 8, 0, tzinfo=dt.UTC)  # Wednesday 09.00
    await _deliver(bot)
    wednesday = await _personal_texts(bot, start)
    assert sorted(wednesday) == [CAI.aad_object_id, DIA.aad_object_id], "Bo has answered"
    assert all(t == ["Påmindelse: Husk at godkende referatet fra Udvalget for Børn og Skole, "
                     "4. marts 2026. Fristen er 12. marts 2026."] for t in wednesday.values())

    await invoke_ok(bot, "approval.object", {"round_id": round_id, "reason": "Fejl i punkt 17."},
                    user=CAI)
    mark = len(bot.connector.sent)
    await _deliver(bot)  # the objection goes to the secretary
    clock.now = dt.datetime(2026, 3, 12, 8, 0, tzinfo=dt.UTC)  # Thursday 09.00: the deadline
    await _deliver(bot)
    thursday = await _personal_texts(bot, mark)
    assert thursday.pop(ANNE.aad_object_id)[0].startswith("Cai Medlem gjorde indsigelse")
    assert thursday == {DIA.aad_object_id: [
        "Påmindelse: I dag er sidste frist for at godkende referatet fra Udvalget for Børn og "
        "Skole, 4. marts 2026."]}, "Cai has answered (an objection is an answer)"

    # closed: no reminder after, even one queued by »Påmind manglende« before the close
    await invoke_ok(bot, "approval.remind", {"round_id": round_id})
    await invoke_ok(bot, "approval.close", {"round_id": round_id})
    mark = len(bot.connector.sent)
    clock.now = dt.datetime(2026, 3, 13, 8, 0, tzinfo=dt.UTC)
    await _deliver(bot)
    assert await _personal_texts(bot, mark) == {}
