"""Errors of the storage layer.

    StorageError                 anything the store could not do
    └── DatabaseUnavailable      the database did not answer (down, locked, network)

``DatabaseUnavailable`` is retried by callers that can wait, and otherwise
turned into a short Danish message ("Databasen svarer ikke lige nu…") at the
edge (the CLI or the bot's turn error handler).
"""

from __future__ import annotations


class StorageError(Exception):
    """The store could not do what was asked."""


class DatabaseUnavailable(StorageError):
    """The database could not be reached."""

    message_da = "Databasen svarer ikke lige nu. Prøv igen om lidt."
