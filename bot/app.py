"""``create_app(settings)``: the one application object of the service."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from botframework.connector.auth import ServiceClientCredentialsFactory

from bot.adapter import make_adapter, make_authentication
from bot.delivery import Delivery
from bot.keys import ADAPTER, AUTH, BOT, DELIVERY, SERVICES
from bot.messenger import Messenger
from bot.ratelimit import RateLimiter
from bot.routes import add_routes
from bot.services import Services
from bot.settings import Settings
from bot.turns import ReferatBot
from handlers.reminders import expand_rules
from minutes.answer import QuestionEngine
from storage.engine import Database
from storage.models import utcnow

log = logging.getLogger(__name__)


def create_app(
    settings: Settings,
    *,
    credentials_factory: ServiceClientCredentialsFactory | None = None,
    clock: Callable[[], dt.datetime] = utcnow,
) -> web.Application:
    """Build the aiohttp app: routes, adapter, bot, outbox delivery, database (migrated
    at start-up). ``clock`` (UTC) is for tests that control time."""
    settings.check_production()
    db = Database(settings.database_url)
    services = Services(settings=settings, db=db, questions=QuestionEngine(db), clock=clock)
    authentication = make_authentication(settings, credentials_factory=credentials_factory)
    adapter = make_adapter(authentication)
    messenger = Messenger(adapter=adapter, db=db, app_id=settings.app_id, limiter=RateLimiter())
    delivery = Delivery(db=db, messenger=messenger, clock=clock,
                        lease=dt.timedelta(seconds=settings.claim_lease_seconds))
    scheduler = AsyncIOScheduler(timezone="UTC")

    app = web.Application(client_max_size=settings.max_body_bytes)
    app[SERVICES] = services
    app[AUTH] = authentication
    app[ADAPTER] = adapter
    app[BOT] = ReferatBot(services)
    app[DELIVERY] = delivery
    add_routes(app)

    async def startup(_app: web.Application) -> None:
        await db.upgrade()
        log.info("database ready (%s)", db.dialect)
        if settings.tick_seconds > 0:
            delivery.schedule(scheduler, seconds=settings.tick_seconds)
            scheduler.add_job(_expand_rules, "cron", hour=3, minute=17, id="expand-rules",
                              replace_existing=True)
            scheduler.start()

    async def _expand_rules() -> None:
        """Yearly rules (the dialogmøde cycle) become next year's suggested events; the
        event fingerprint is unique, so replicas running this together add each once."""
        try:
            await expand_rules(db, today=clock().date())
        except Exception:  # noqa: BLE001 - a failed run is retried at the next one
            log.exception("expanding yearly event rules failed")

    async def cleanup(_app: web.Application) -> None:
        if scheduler.running:
            scheduler.shutdown(wait=False)
        await db.dispose()

    app.on_startup.append(startup)
    app.on_cleanup.append(cleanup)
    return app
