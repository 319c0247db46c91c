"""The Bot Framework adapter: authentication configuration and the turn error handler."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botbuilder.schema import ActivityTypes
from botframework.connector.auth import (
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ServiceClientCredentialsFactory,
)

from bot.settings import Settings
from storage.errors import DatabaseUnavailable

log = logging.getLogger(__name__)

GENERIC_ERROR_DA = "Beklager, noget gik galt hos mig. Prøv igen om lidt."


@dataclass(frozen=True)
class _SdkConfiguration:
    """The attribute names the SDK's configuration factories read."""

    APP_ID: str
    APP_PASSWORD: str
    APP_TYPE: str
    APP_TENANTID: str
    TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL: str | None = None


def make_authentication(
    settings: Settings,
    *,
    credentials_factory: ServiceClientCredentialsFactory | None = None,
) -> BotFrameworkAuthentication:
    """Bot Framework authentication; with an empty app id (only in --dev) it is anonymous."""
    app_id = "" if settings.dev and not settings.app_id else settings.app_id
    config = _SdkConfiguration(
        APP_ID=app_id,
        APP_PASSWORD=settings.app_password.get_secret_value(),
        APP_TYPE=settings.app_type if app_id else "MultiTenant",
        APP_TENANTID=settings.app_tenant_id,
        TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL=settings.openid_metadata_url
        or AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL,
    )
    return ConfigurationBotFrameworkAuthentication(
        config, credentials_factory=credentials_factory, logger=log
    )


def make_adapter(authentication: BotFrameworkAuthentication) -> CloudAdapter:
    adapter = CloudAdapter(authentication)
    adapter.on_turn_error = on_turn_error
    return adapter


async def on_turn_error(context: TurnContext, error: Exception) -> None:
    """Log the failure (no secrets, no message text) and tell the user in Danish."""
    activity = context.activity
    log.error(
        "turn failed: %s (activity type=%s id=%s)",
        type(error).__name__, activity.type, activity.id,
        exc_info=error if not isinstance(error, DatabaseUnavailable) else None,
    )
    if activity.type == ActivityTypes.invoke:
        return  # the route answers the invoke with an error body
    text = error.message_da if isinstance(error, DatabaseUnavailable) else GENERIC_ERROR_DA
    try:
        await context.send_activity(text)
    except Exception:  # noqa: BLE001 - the connector may be what failed
        log.warning("could not tell the user about the failed turn")


def serialize(obj: Any) -> Any:
    """A botbuilder model as a JSON-ready dict (camelCase keys)."""
    return obj.serialize() if hasattr(obj, "serialize") else obj
