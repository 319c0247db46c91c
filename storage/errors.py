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


def is_outage(exc: BaseException) -> bool:
    """True when ``exc`` means the database could not be reached (not a bug in a query)."""
    import sqlalchemy as sa

    if isinstance(exc, DatabaseUnavailable | ConnectionError | TimeoutError):
        return True
    if isinstance(exc, sa.exc.DBAPIError) and exc.connection_invalidated:
        return True
    if isinstance(exc, sa.exc.OperationalError | sa.exc.InterfaceError):
        return True
    return isinstance(exc, OSError) and not isinstance(exc, FileNotFoundError)
