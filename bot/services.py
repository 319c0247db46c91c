"""What a turn needs, built once by ``create_app`` and passed down (no module globals)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.settings import Settings
from minutes.answer import QuestionEngine
from storage.engine import Database


@dataclass(slots=True)
class Services:
    settings: Settings
    db: Database
    questions: QuestionEngine
