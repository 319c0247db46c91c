"""A fake Bot Connector service: a real aiohttp server on 127.0.0.1 with the REST routes
the SDK calls, recording everything the bot sends.

Routes (Bot Connector v3): send / reply / update (PUT) activities, create a
conversation, paged members, one member, team details and channels. ``fail_next``
makes the next sends answer 429 (with Retry-After) or 5xx. An update of an activity
id the connector never gave out answers 404, as the real service does.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer


@dataclass
class Member:
    id: str
    name: str
    aad_object_id: str
    email: str | None = None

    def json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "aadObjectId": self.aad_object_id,
                "email": self.email, "userPrincipalName": self.email}


@dataclass
class Sent:
    conversation_id: str
    activity: dict[str, Any]
    method: str
    reply_to: str | None
    authorization: str | None
    activity_id: str | None = None  # the id this message has (given out, or updated)


@dataclass
class FakeConnector:
    members: dict[str, list[Member]] = field(default_factory=dict)  # conversation/team id → roster
    page_size: int = 2
    sent: list[Sent] = field(default_factory=list)
    created: list[dict[str, Any]] = field(default_factory=list)
    failures: deque[tuple[int, float | None]] = field(default_factory=deque)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _given: set[str] = field(default_factory=set)  # activity ids handed out
    server: TestServer | None = None
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("")).rstrip("/")

    def fail_next(self, status: int, *, times: int = 1, retry_after: float | None = None) -> None:
        self.failures.extend([(status, retry_after)] * times)

    def messages(self, conversation_id: str | None = None) -> list[dict[str, Any]]:
        """New messages the bot sent (optionally to one conversation); updates of a message
        sent earlier are in :meth:`updates`."""
        return [s.activity for s in self.sent
                if s.activity.get("type") == "message" and s.method != "PUT"
                and (conversation_id is None or s.conversation_id == conversation_id)]

    def updates(self, conversation_id: str | None = None) -> list[Sent]:
        """Messages the bot replaced in place (``PUT …/activities/{id}``), oldest first;
        ``reply_to`` holds the id of the message replaced."""
        return [s for s in self.sent if s.method == "PUT"
                and (conversation_id is None or s.conversation_id == conversation_id)]

    async def wait_for(self, count: int, *, timeout: float = 5.0) -> list[dict[str, Any]]:
        """Wait until at least ``count`` messages were sent."""
        async def _wait() -> None:
            while len(self.messages()) < count:
                self.changed.clear()
                await self.changed.wait()
        await asyncio.wait_for(_wait(), timeout)
        return self.messages()

    # -- routes ---------------------------------------------------------------------

    def _failure(self) -> web.Response | None:
        if not self.failures:
            return None
        status, retry_after = self.failures.popleft()
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        return web.json_response({"error": {"code": "Throttled", "message": "slow down"}},
                                 status=status, headers=headers)

    async def _send(self, request: web.Request) -> web.Response:
        if (failure := self._failure()) is not None:
            return failure
        body = await request.json()
        if request.method == "PUT" and request.match_info["activity_id"] not in self._given:
            return web.json_response({"error": {"code": "ActivityNotFound"}}, status=404)
        if request.method == "PUT":
            activity_id = request.match_info["activity_id"]
        else:
            activity_id = f"a{next(self._ids)}"
            self._given.add(activity_id)
        self.sent.append(Sent(
            conversation_id=request.match_info["conversation_id"], activity=body,
            method=request.method, reply_to=request.match_info.get("activity_id"),
            authorization=request.headers.get("Authorization"), activity_id=activity_id,
        ))
        self.changed.set()
        return web.json_response({"id": activity_id})

    async def _create_conversation(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.created.append(body)
        conversation_id = f"a:personal-{next(self._ids)}"
        activity_id = None
        if body.get("activity"):
            activity_id = f"a{next(self._ids)}"
            self._given.add(activity_id)
            self.sent.append(Sent(conversation_id, body["activity"], "POST", None,
                                  request.headers.get("Authorization"), activity_id))
            self.changed.set()
        return web.json_response({"id": conversation_id, "activityId": activity_id,
                                  "serviceUrl": self.url})

    def _roster(self, conversation_id: str) -> list[Member]:
        return self.members.get(conversation_id.split(";", 1)[0], [])

    async def _paged_members(self, request: web.Request) -> web.Response:
        roster = self._roster(request.match_info["conversation_id"])
        size = int(request.query.get("pageSize") or self.page_size)
        start = int(request.query.get("continuationToken") or 0)
        page = roster[start:start + size]
        token = str(start + size) if start + size < len(roster) else None
        return web.json_response({"members": [m.json() for m in page],
                                  "continuationToken": token})

    async def _member(self, request: web.Request) -> web.Response:
        for m in self._roster(request.match_info["conversation_id"]):
            if request.match_info["member_id"] in (m.id, m.aad_object_id):
                return web.json_response(m.json())
        return web.json_response({"error": {"code": "MemberNotFoundInConversation"}}, status=404)

    async def _members(self, request: web.Request) -> web.Response:
        return web.json_response([m.json() for m in self._roster(request.match_info["conversation_id"])])

    async def _team(self, request: web.Request) -> web.Response:
        team_id = request.match_info["team_id"]
        return web.json_response({"id": team_id, "name": "Udvalgsteam", "aadGroupId": "g-1"})

    async def _channels(self, request: web.Request) -> web.Response:
        team_id = request.match_info["team_id"]
        return web.json_response({"conversations": [{"id": team_id, "name": "Generelt"}]})

    def app(self) -> web.Application:
        app = web.Application()
        base = "/v3/conversations/{conversation_id}"
        app.router.add_post(f"{base}/activities", self._send)
        app.router.add_post(f"{base}/activities/{{activity_id}}", self._send)
        app.router.add_put(f"{base}/activities/{{activity_id}}", self._send)
        app.router.add_post("/v3/conversations", self._create_conversation)
        app.router.add_get(f"{base}/pagedmembers", self._paged_members)
        app.router.add_get(f"{base}/members", self._members)
        app.router.add_get(f"{base}/members/{{member_id}}", self._member)
        app.router.add_get("/v3/teams/{team_id}", self._team)
        app.router.add_get("/v3/teams/{team_id}/conversations", self._channels)
        return app

    async def start(self) -> FakeConnector:
        self.server = TestServer(self.app(), host="127.0.0.1")
        await self.server.start_server()
        return self

    async def close(self) -> None:
        if self.server is not None:
            await self.server.close()
