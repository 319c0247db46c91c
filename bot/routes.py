"""HTTP routes: POST /api/messages (written here, not CloudAdapter.process) and GET /healthz.

The stock ``CloudAdapter.process`` answers 500 for every invoke with a body
and raises KeyError without a Content-Type, so the route is ours:

    415  not JSON            413  body too large (aiohttp's client_max_size)
    400  not an activity     401  missing or bad token (production)
    403  tenant not allowed  200  invoke response body / 201 anything else
"""

from __future__ import annotations

import json
import logging
from typing import Any

from aiohttp import web
from botbuilder.schema import Activity

from bot.calendar import add_calendar_routes
from bot.keys import ADAPTER, AUTH, BOT, SERVICES
from bot.referat_page import add_referat_routes
from bot.turns import tenant_of

log = logging.getLogger(__name__)


def _problem(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


def parse_activity(body: Any) -> Activity | None:
    """The activity in ``body``, or None when it is not one."""
    if not isinstance(body, dict) or not isinstance(body.get("type"), str):
        return None
    try:
        activity = Activity().deserialize(body)
    except Exception:  # noqa: BLE001 - msrest raises a variety of errors on bad input
        return None
    conversation = activity.conversation
    if not activity.service_url or conversation is None or not conversation.id:
        return None
    return activity


async def messages(request: web.Request) -> web.Response:
    if request.content_type != "application/json":
        return _problem(415, "Content-Type must be application/json")
    try:
        body = await request.json()
    except web.HTTPRequestEntityTooLarge:
        raise
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _problem(400, "body is not valid JSON")
    activity = parse_activity(body)
    if activity is None:
        return _problem(400, "body is not a Bot Framework activity")

    app = request.app
    auth_header = request.headers.get("Authorization") or None
    try:
        auth_result = await app[AUTH].authenticate_request(activity, auth_header)
    except PermissionError:
        return _problem(401, "unauthorized")
    except Exception as exc:  # noqa: BLE001 - the SDK raises plain Exception on bad tokens
        log.info("token refused: %s", type(exc).__name__)
        return _problem(401, "unauthorized")

    allowed = app[SERVICES].settings.tenants
    if allowed and tenant_of(activity) not in allowed:
        log.info("activity from a tenant that is not allowed refused")
        return _problem(403, "tenant not allowed")

    invoke_response = await app[ADAPTER].process_activity(auth_result, activity, app[BOT].on_turn)
    if invoke_response is not None:
        return web.json_response(invoke_response.body, status=invoke_response.status)
    return web.Response(status=201)


async def healthz(request: web.Request) -> web.Response:
    ok = await request.app[SERVICES].db.ping()
    return web.json_response({"status": "ok" if ok else "database unavailable",
                              "database": ok}, status=200 if ok else 503)


def add_routes(app: web.Application) -> None:
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    add_calendar_routes(app)
    add_referat_routes(app)
