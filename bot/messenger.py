"""Proactive messages: send a queued message to a stored conversation, or 1:1 to a member
(opening the personal chat when there is none yet)."""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
from dataclasses import dataclass
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import (
    ChannelAccount,
    ConversationParameters,
    ConversationReference,
)
from sqlmodel import col

from bot.ratelimit import RateLimiter
from bot.turns import to_activity
from handlers.context import Reply
from storage.conversations_repo import (
    get_conversation,
    personal_conversation,
    reference_of,
    save_reference,
)
from storage.engine import Database
from storage.models import Conversation, Member, Outbound
from storage.outbox import payload_of

log = logging.getLogger(__name__)


class SendError(Exception):
    """A send failed. ``retry_after`` is set for throttling and server errors."""

    def __init__(self, message: str, *, retry_after: float | None = None,
                 permanent: bool = False) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.permanent = permanent


def _retry_after(headers: Any) -> float | None:
    value = headers.get("Retry-After") if headers is not None else None
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def classify(exc: Exception) -> SendError:
    """Turn a connector error into a SendError: 429/5xx are retried, other 4xx are not."""
    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", None) or getattr(response, "status", None)
    if status is None:
        return SendError(f"{type(exc).__name__}: {exc}", retry_after=None)
    headers = getattr(response, "headers", None)
    if status == 429 or status >= 500:
        return SendError(f"HTTP {status}", retry_after=_retry_after(headers) or 0.0)
    return SendError(f"HTTP {status}", permanent=True)


@dataclass(slots=True)
class Messenger:
    adapter: CloudAdapter
    db: Database
    app_id: str
    limiter: RateLimiter

    async def send(self, row: Outbound, *, replace: str | None = None) -> str | None:
        """Send one outbox row; returns the activity id. Raises SendError. With ``replace``
        (the id of a message sent earlier to the same conversation) that message is updated
        in place instead (Bot Connector ``PUT …/activities/{id}``)."""
        payload = payload_of(row)
        reply = Reply(text=payload.get("text"), card=payload.get("card"))
        conversation = await self._target(row)
        await self.limiter.acquire(conversation.conversation_id)
        reference = ConversationReference().deserialize(reference_of(conversation))
        sent: list[str | None] = []
        failed: list[Exception] = []

        async def callback(context: TurnContext) -> None:
            # Errors are kept here: raised inside the turn they would go to on_turn_error,
            # which swallows them (and would try to tell the "user" about it).
            context.activity.channel_data = context.activity.channel_data or {}
            activity = to_activity(reply)
            try:
                if replace is not None:
                    activity.id = replace
                    await context.update_activity(activity)
                    sent.append(replace)
                    return
                response = await context.send_activity(activity)
            except Exception as exc:  # noqa: BLE001 - the connector raises many kinds
                failed.append(exc)
                return
            sent.append(response.id if response else None)

        try:
            await self.adapter.continue_conversation(reference, callback, self.app_id or None)
        except Exception as exc:  # noqa: BLE001
            raise classify(exc) from exc
        if failed:
            raise classify(failed[0]) from failed[0]
        return sent[0] if sent else None

    async def _target(self, row: Outbound) -> Conversation:
        async with self.db.transaction() as session:
            if row.conversation_id is not None:
                found = await get_conversation(session, conversation_id=row.conversation_id)
                if found is None or not found.installed:
                    raise SendError("the bot is no longer in that conversation", permanent=True)
                return found
            assert row.user_aad_object_id is not None
            found = await personal_conversation(session, aad_object_id=row.user_aad_object_id)
            if found is not None:
                return found
        return await self._open_personal_chat(row.user_aad_object_id)

    async def _open_personal_chat(self, aad_object_id: str) -> Conversation:
        """Create the 1:1 chat with a member, from the roster's Teams id and a known service URL."""
        import sqlalchemy as sa

        async with self.db.sessions() as session:
            member = (await session.scalars(
                sa.select(Member).where(col(Member.aad_object_id) == aad_object_id,
                                        col(Member.teams_user_id).is_not(None))
            )).first()
            any_conv = (await session.scalars(sa.select(Conversation).limit(1))).first()
        if member is None or any_conv is None:
            raise SendError("no Teams id for that member yet (roster not synced)", permanent=True)
        base = reference_of(any_conv)
        tenant = any_conv.tenant_id
        params = ConversationParameters(
            is_group=False,
            bot=ChannelAccount(id=(base.get("bot") or {}).get("id")),
            members=[ChannelAccount(id=member.teams_user_id)],
            tenant_id=tenant,
            channel_data={"tenant": {"id": tenant}},
        )
        created: list[dict[str, Any]] = []

        async def callback(context: TurnContext) -> None:
            ref = TurnContext.get_conversation_reference(context.activity)
            ref.activity_id = None
            ref.conversation.conversation_type = "personal"
            ref.conversation.tenant_id = tenant
            created.append(ref.serialize())

        try:
            await self.adapter.create_conversation(
                self.app_id or "", callback, params, channel_id=base.get("channelId", "msteams"),
                service_url=base["serviceUrl"],
            )
        except Exception as exc:  # noqa: BLE001
            raise classify(exc) from exc
        reference = created[0]
        async with self.db.transaction() as session:
            return await save_reference(
                session, conversation_id=reference["conversation"]["id"],
                conversation_type="personal", reference=reference, tenant_id=tenant,
                user_aad_object_id=aad_object_id,
            )
