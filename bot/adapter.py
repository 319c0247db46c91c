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
from botbuilder.schema import ActivityTypes, CallerIdConstants
from botframework.connector.auth import (
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ServiceClientCredentialsFactory,
)

from bot.settings import Settings
from storage.errors import DatabaseUnavailable, is_outage

log = logging.getLogger(__name__)

GENERIC_ERROR_DA = "Beklager, noget gik galt hos mig. Prøv igen om lidt."


@dataclass(frozen=True)
class _SdkConfiguration:
    """The attribute names the SDK's configuration factories read."""

    APP_ID: str
    APP_PASSWORD: str
    APP_TYPE: str
    APP_TENANTID: str


@dataclass(frozen=True)
class _ParameterizedConfiguration(_SdkConfiguration):
    """Public-cloud endpoints with the OpenID metadata URL overridden (sovereign clouds,
    tests). The SDK switches to its "parameterized" authentication as soon as one of
    these is set and then needs all of them, or it refuses every token."""

    TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL: str = ""
    TO_CHANNEL_FROM_BOT_LOGIN_URL: str = (
        AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX
    )
    TO_CHANNEL_FROM_BOT_OAUTH_SCOPE: str = AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
    TO_BOT_FROM_CHANNEL_TOKEN_ISSUER: str = AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER
    OAUTH_URL: str = AuthenticationConstants.OAUTH_URL
    TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL: str = (
        AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL
    )
    CALLER_ID: str = CallerIdConstants.public_azure_channel


def make_authentication(
    settings: Settings,
    *,
    credentials_factory: ServiceClientCredentialsFactory | None = None,
) -> BotFrameworkAuthentication:
    """Bot Framework authentication (public cloud); with an empty app id (only in --dev)
    it is anonymous."""
    app_id = "" if settings.dev and not settings.app_id else settings.app_id
    base = {
        "APP_ID": app_id,
        "APP_PASSWORD": settings.app_password.get_secret_value(),
        "APP_TYPE": settings.app_type if app_id else "MultiTenant",
        "APP_TENANTID": settings.app_tenant_id,
    }
    config: _SdkConfiguration = (
        _ParameterizedConfiguration(
            **base, TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL=settings.openid_metadata_url
        )
        if settings.openid_metadata_url
        else _SdkConfiguration(**base)
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
    outage = is_outage(error)
    log.error(
        "turn failed: %s (activity type=%s id=%s)",
        type(error).__name__, activity.type, activity.id,
        exc_info=None if outage else error,
    )
    if activity.type == ActivityTypes.invoke:
        return  # the route answers the invoke with an error body
    text = DatabaseUnavailable.message_da if outage else GENERIC_ERROR_DA
    try:
        await context.send_activity(text)
    except Exception:  # noqa: BLE001 - the connector may be what failed
        log.warning("could not tell the user about the failed turn")


def serialize(obj: Any) -> Any:
    """A botbuilder model as a JSON-ready dict (camelCase keys)."""
    return obj.serialize() if hasattr(obj, "serialize") else obj
