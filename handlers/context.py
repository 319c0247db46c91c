"""Plain data between the bot and the handlers: who asks, where, and what to answer.

The handlers never see a botbuilder object; ``bot/turns.py`` builds a
:class:`Requester` from the activity and turns a :class:`Reply` into one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Requester:
    """The person behind an activity and the conversation it came from."""

    aad_object_id: str | None
    name: str
    conversation_id: str
    conversation_type: str = "personal"  # personal | channel | groupChat
    tenant_id: str | None = None
    teams_user_id: str | None = None
    locale: str | None = None


@dataclass(slots=True)
class Reply:
    """What to send back: a text, a card (with its text as fallback), or both."""

    text: str | None = None
    card: dict[str, Any] | None = None

    @classmethod
    def from_card(cls, card: dict[str, Any]) -> Reply:
        return cls(text=None, card=card)


@dataclass(slots=True)
class CardAction:
    """An Adaptive Card action: ``verb`` and its data, from an invoke or an Action.Submit."""

    verb: str
    data: dict[str, Any] = field(default_factory=dict)
