"""What a turn needs, built once by ``create_app`` and passed down (no module globals)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.settings import Settings
from minutes.answer import QuestionEngine
from storage.engine import Database
from storage.models import utcnow


@dataclass(slots=True)
class Services:
    settings: Settings
    db: Database
    questions: QuestionEngine
    clock: Callable[[], dt.datetime] = field(default=utcnow)  # UTC, aware; tests control it
