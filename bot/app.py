"""``create_app(settings)``: the one application object of the service."""

from __future__ import annotations

import logging

from aiohttp import web
from botframework.connector.auth import ServiceClientCredentialsFactory

from bot.adapter import make_adapter, make_authentication
from bot.keys import ADAPTER, AUTH, BOT, SERVICES
from bot.routes import add_routes
from bot.services import Services
from bot.settings import Settings
from bot.turns import ReferatBot
from minutes.answer import QuestionEngine
from storage.engine import Database

log = logging.getLogger(__name__)


def create_app(
    settings: Settings,
    *,
    credentials_factory: ServiceClientCredentialsFactory | None = None,
) -> web.Application:
    """Build the aiohttp app: routes, adapter, bot, database (migrated at start-up)."""
    settings.check_production()
    db = Database(settings.database_url)
    services = Services(settings=settings, db=db, questions=QuestionEngine(db))
    authentication = make_authentication(settings, credentials_factory=credentials_factory)

    app = web.Application(client_max_size=settings.max_body_bytes)
    app[SERVICES] = services
    app[AUTH] = authentication
    app[ADAPTER] = make_adapter(authentication)
    app[BOT] = ReferatBot(services)
    add_routes(app)

    async def startup(_app: web.Application) -> None:
        await db.upgrade()
        log.info("database ready (%s)", db.dialect)

    async def cleanup(_app: web.Application) -> None:
        await db.dispose()

    app.on_startup.append(startup)
    app.on_cleanup.append(cleanup)
    return app
