"""Turn routing: from a Bot Framework activity to a handler and back.

This is the only place (with ``bot/routes.py`` and ``bot/adapter.py``) that
knows botbuilder types. Handlers get a :class:`Requester` and plain data and
return :class:`Reply` objects.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from botbuilder.core import ActivityHandler, InvokeResponse, MessageFactory, TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.schema import Activity, ActivityTypes, Attachment, ChannelAccount

from bot.services import Services
from handlers import admin, approval_questions, approvals, questions, reminders
from handlers.actions import handle_action
from handlers.cards.render import CARD_CONTENT_TYPE
from handlers.commands import CommandKind, parse_command
from handlers.context import CardAction, Reply, Requester
from handlers.help import help_reply, meeting_count_and_committee, unknown_command_reply
from storage.conversations_repo import get_conversation, save_reference
from storage.errors import DatabaseUnavailable, is_outage
from storage.members_repo import RosterEntry, sync_roster

log = logging.getLogger(__name__)


def base_conversation_id(conversation_id: str) -> str:
    """A channel thread id ``19:…;messageid=…`` without the thread part."""
    return conversation_id.split(";", 1)[0]


def requester_of(activity: Activity) -> Requester:
    sender = activity.from_property or ChannelAccount()
    conv = activity.conversation
    return Requester(
        aad_object_id=getattr(sender, "aad_object_id", None),
        name=sender.name or "",
        conversation_id=base_conversation_id(conv.id) if conv and conv.id else "",
        conversation_type=(conv.conversation_type if conv else None) or "personal",
        tenant_id=tenant_of(activity),
        teams_user_id=sender.id,
        locale=activity.locale,
    )


def tenant_of(activity: Activity) -> str | None:
    if activity.conversation is not None and activity.conversation.tenant_id:
        return str(activity.conversation.tenant_id)
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = data.get("tenant") or {}
    return tenant.get("id") if isinstance(tenant, dict) else None


def team_of(activity: Activity) -> str | None:
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    team = data.get("team") or {}
    return team.get("id") if isinstance(team, dict) else None


def to_activity(reply: Reply) -> Activity:
    if reply.card is not None:
        attachment = Attachment(content_type=CARD_CONTENT_TYPE, content=reply.card)
        return MessageFactory.attachment(attachment, text=reply.text)
    return MessageFactory.text(reply.text or "")


def card_invoke_response(reply: Reply) -> dict[str, Any]:
    """The body of an ``adaptiveCard/action`` invoke response."""
    if reply.card is not None:
        return {"statusCode": 200, "type": CARD_CONTENT_TYPE, "value": reply.card}
    return {"statusCode": 200, "type": "application/vnd.microsoft.activity.message",
            "value": reply.text or ""}


class ReferatBot(ActivityHandler):  # type: ignore[misc]
    """Routes messages, installs and card actions to the handlers."""

    def __init__(self, services: Services) -> None:
        self.services = services

    # -- installation ---------------------------------------------------------------

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        await self._installed(turn_context)

    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        bot_id = turn_context.activity.recipient.id if turn_context.activity.recipient else None
        if any(m.id == bot_id for m in members_added):
            await self._installed(turn_context)

    async def _installed(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        requester = requester_of(activity)
        reference = TurnContext.get_conversation_reference(activity)
        reference.conversation.id = requester.conversation_id
        reference.activity_id = None
        async with self.services.db.transaction() as session:
            existing = await get_conversation(session, conversation_id=requester.conversation_id)
            await save_reference(
                session,
                conversation_id=requester.conversation_id,
                conversation_type=requester.conversation_type,
                reference=reference.serialize(),
                tenant_id=requester.tenant_id,
                team_id=team_of(activity),
                user_aad_object_id=requester.aad_object_id
                if requester.conversation_type == "personal" else None,
            )
        if existing is not None and existing.installed:
            return  # a second install event for the same conversation: greet once
        await turn_context.send_activity(to_activity(await self._help()))
        if requester.conversation_type == "personal":  # a secretary's suggestions waiting
            waiting = await reminders.for_new_chat(self.services.db, requester,
                                                   now=self.services.clock())
            if waiting is not None:
                await turn_context.send_activity(to_activity(waiting))

    async def on_installation_update_remove(self, turn_context: TurnContext) -> None:
        conversation_id = base_conversation_id(turn_context.activity.conversation.id)
        async with self.services.db.transaction() as session:
            row = await get_conversation(session, conversation_id=conversation_id)
            if row is not None:
                row.installed = False

    # -- messages -------------------------------------------------------------------

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        requester = requester_of(activity)
        if isinstance(activity.value, dict) and not (activity.text or "").strip():
            reply = await self._card_action(requester, activity.value, activity.id)
            await turn_context.send_activity(to_activity(reply))
            return
        text = TurnContext.remove_recipient_mention(activity) or activity.text or ""
        command = parse_command(text)
        if command.kind is CommandKind.HELP:
            reply = await self._help(requester.conversation_id)
        elif command.kind is CommandKind.BIND_COMMITTEE:
            result = await admin.bind_committee(self.services.db, requester, name=command.argument)
            reply = result.reply
            if result.committee_id is not None:
                added = await self._sync_roster(turn_context, result.committee_id)
                reply = Reply(text=f"{reply.text} {added} nye medlemmer tilføjet.")
        elif command.kind is CommandKind.APPROVAL_OPEN:
            reply = await approvals.preview_reply(
                self.services.db, requester, when=command.argument,
                working_days=self.services.settings.approval_working_days,
                now=self.services.clock())
        elif command.kind is CommandKind.APPROVAL_REMIND:
            reply = await approvals.remind_command(self.services.db, requester,
                                                   when=command.argument,
                                                   now=self.services.clock(),
                                                   public_url=self.services.settings.page_url)
        elif command.kind in reminders.EVENT_COMMANDS:
            reply = await reminders.chat_command(
                self.services.db, requester, command.kind, command.argument,
                now=self.services.clock(), public_url=self.services.settings.public_url)
        elif command.kind is CommandKind.FAILED_SENDS:
            reply = await admin.failed_sends(self.services.db, requester)
        elif command.kind is CommandKind.UNKNOWN:
            reply = unknown_command_reply(command.argument)
        else:
            await turn_context.send_activity(Activity(type=ActivityTypes.typing))
            reply = await approval_questions.approval_status_answer(
                self.services.db, command.argument
            ) or await questions.question_reply(
                self.services.questions, self.services.db, requester, command.argument
            )
        await turn_context.send_activity(to_activity(reply))

    async def _help(self, conversation_id: str | None = None) -> Reply:
        meetings, committee = await meeting_count_and_committee(
            self.services.db, conversation_id=conversation_id
        )
        return help_reply(meetings=meetings, committee=committee)

    async def _sync_roster(self, turn_context: TurnContext, committee_id: int) -> int:
        """Read the roster page by page and add everyone as a member of the committee."""
        entries: list[RosterEntry] = []
        token: str | None = None
        while True:
            page = await TeamsInfo.get_paged_members(turn_context, continuation_token=token)
            entries.extend(
                RosterEntry(aad_object_id=m.aad_object_id, name=m.name or "", teams_user_id=m.id)
                for m in page.members or [] if getattr(m, "aad_object_id", None)
            )
            token = page.continuation_token
            if not token:
                break
        async with self.services.db.transaction() as session:
            return await sync_roster(session, committee_id=committee_id, roster=entries)

    # -- card actions ---------------------------------------------------------------

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        activity = turn_context.activity
        if activity.name != "adaptiveCard/action":
            return InvokeResponse(status=int(HTTPStatus.NOT_IMPLEMENTED))
        value = activity.value if isinstance(activity.value, dict) else None
        action = value.get("action") if value else None
        if not isinstance(action, dict):
            return InvokeResponse(status=int(HTTPStatus.OK), body=_invoke_error(
                400, "BadRequest", "Kortet sendte ingen handling. Prøv igen."))
        data = dict(action.get("data") or {})
        data.setdefault("verb", action.get("verb"))
        try:
            reply = await self._card_action(requester_of(activity), data, activity.id)
        except Exception as exc:
            if not is_outage(exc):
                raise
            # the driver's own message only: SQLAlchemy's would carry the query's parameters
            log.warning("card action refused, database unavailable: %s: %s",
                        type(exc).__name__, getattr(exc, "orig", None) or exc)
            return InvokeResponse(status=int(HTTPStatus.OK), body=_invoke_error(
                503, "ServiceUnavailable", DatabaseUnavailable.message_da))
        return InvokeResponse(status=int(HTTPStatus.OK), body=card_invoke_response(reply))

    async def _card_action(self, requester: Requester, data: dict[str, Any],
                           activity_id: str | None = None) -> Reply:
        verb = data.get("verb")
        data = {**data, "_activity_id": activity_id}  # for audit trails; never the client's
        if not isinstance(verb, str) or not verb:
            return Reply(text="Kortet sendte ingen handling. Prøv igen.")
        return await handle_action(
            requester, CardAction(verb=verb, data=data),
            db=self.services.db, questions_engine=self.services.questions,
            clock=self.services.clock, public_url=self.services.settings.page_url,
        )


def _invoke_error(status: int, code: str, message: str) -> dict[str, Any]:
    return {"statusCode": status, "type": "application/vnd.microsoft.error",
            "value": {"code": code, "message": message}}
