"""Run the real bot (aiohttp, on a free port) against the fake Bot Connector."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp.test_utils import TestServer

from bot.app import create_app
from bot.settings import Settings
from tests.fake_connector import FakeConnector

TENANT = "tenant-fjordby"
BOT_ID = "28:referatbot"
_ids = itertools.count(1)


@dataclass(frozen=True)
class User:
    aad_object_id: str
    name: str
    teams_id: str = ""

    @property
    def account(self) -> dict[str, Any]:
        return {"id": self.teams_id or f"29:{self.aad_object_id}", "name": self.name,
                "aadObjectId": self.aad_object_id}


ANNE = User("aad-anne", "Anne Sekretær")
BO = User("aad-bo", "Bo Medlem")
OUTSIDER = User("aad-x", "Xenia Udefra")


@dataclass
class Conversation:
    id: str
    type: str = "personal"
    team_id: str | None = None


PERSONAL = Conversation("a:personal-anne")
CHANNEL = Conversation("19:udvalg@thread.tacv2", "channel", team_id="19:udvalg@thread.tacv2")


def activity(
    kind: str,
    *,
    service_url: str,
    user: User = ANNE,
    conversation: Conversation = PERSONAL,
    tenant: str = TENANT,
    **extra: Any,
) -> dict[str, Any]:
    channel_data: dict[str, Any] = {"tenant": {"id": tenant}}
    if conversation.team_id:
        channel_data["team"] = {"id": conversation.team_id}
        channel_data["channel"] = {"id": conversation.id}
    body: dict[str, Any] = {
        "type": kind,
        "id": f"act-{next(_ids)}",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": user.account,
        "recipient": {"id": BOT_ID, "name": "Referatbot"},
        "conversation": {"id": conversation.id, "conversationType": conversation.type,
                         "tenantId": tenant},
        "channelData": channel_data,
        "locale": "da-DK",
    }
    body.update(extra)
    return body


@dataclass
class BotHarness:
    server: TestServer
    connector: FakeConnector
    http: aiohttp.ClientSession
    settings: Settings
    default_headers: dict[str, str] = field(default_factory=dict)

    @property
    def messages_url(self) -> str:
        return str(self.server.make_url("/api/messages"))

    def activity(self, kind: str, **kw: Any) -> dict[str, Any]:
        return activity(kind, service_url=self.connector.url, **kw)

    async def post(self, body: Any, *, headers: dict[str, str] | None = None,
                   raw: bytes | None = None) -> tuple[int, Any]:
        hdrs = {"Content-Type": "application/json", **self.default_headers, **(headers or {})}
        data = raw if raw is not None else None
        async with self.http.post(self.messages_url, json=None if raw is not None else body,
                                  data=data, headers=hdrs) as resp:
            text = await resp.text()
            try:
                payload = await resp.json(content_type=None) if text else None
            except ValueError:
                payload = text
            return resp.status, payload

    async def say(self, text: str, **kw: Any) -> list[dict[str, Any]]:
        """Send a message and return the messages the bot sent in reply."""
        before = len(self.connector.messages())
        status, _ = await self.post(self.activity("message", text=text, **kw))
        assert status in (200, 201), status
        return self.connector.messages()[before:]

    async def install(self, **kw: Any) -> list[dict[str, Any]]:
        before = len(self.connector.messages())
        status, _ = await self.post(self.activity("installationUpdate", action="add", **kw))
        assert status in (200, 201), status
        return self.connector.messages()[before:]

    async def invoke(self, verb: str, data: dict[str, Any] | None = None,
                     **kw: Any) -> tuple[int, Any]:
        value = {"action": {"type": "Action.Execute", "verb": verb, "data": data or {}},
                 "trigger": "manual"}
        return await self.post(self.activity("invoke", name="adaptiveCard/action",
                                             value=value, **kw))


@asynccontextmanager
async def running_bot(settings: Settings, **create_kw: Any) -> AsyncIterator[BotHarness]:
    connector = await FakeConnector().start()
    server = TestServer(create_app(settings, **create_kw), host="127.0.0.1")
    await server.start_server()
    try:
        async with aiohttp.ClientSession() as http:
            yield BotHarness(server=server, connector=connector, http=http, settings=settings)
    finally:
        await server.close()
        await connector.close()


def card_of(message: dict[str, Any]) -> dict[str, Any] | None:
    for att in message.get("attachments") or []:
        if att.get("contentType") == "application/vnd.microsoft.card.adaptive":
            content: dict[str, Any] = att["content"]
            return content
    return None


def card_text(card: dict[str, Any]) -> str:
    """All the text a user sees on a card, flattened."""
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key in ("text", "title", "value"):
                if isinstance(node.get(key), str):
                    out.append(node[key])
            for v in node.values():
                if isinstance(v, (dict, list)):
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(card)
    return "\n".join(out)
