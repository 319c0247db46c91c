"""Typed keys for what ``create_app`` stores on the aiohttp application."""

from __future__ import annotations

from aiohttp import web
from botbuilder.core import ActivityHandler
from botbuilder.integration.aiohttp import CloudAdapter
from botframework.connector.auth import BotFrameworkAuthentication

from bot.delivery import Delivery
from bot.services import Services

SERVICES = web.AppKey("services", Services)
ADAPTER = web.AppKey("adapter", CloudAdapter)
AUTH = web.AppKey("auth", BotFrameworkAuthentication)
BOT = web.AppKey("bot", ActivityHandler)
DELIVERY = web.AppKey("delivery", Delivery)
