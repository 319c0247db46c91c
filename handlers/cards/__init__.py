"""Adaptive Card templates (JSON files in this package) and their renderer."""

from handlers.cards.render import render_card

__all__ = ["render_card"]
