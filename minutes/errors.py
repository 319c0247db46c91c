"""Errors raised while reading minutes.

    ReferatbotError                       (bot.errors... see below)
    └── MinutesError                      any problem with one source file
        ├── UnreadableDocument            the file cannot be read at all
        │   ├── CorruptPdf                not a PDF, or damaged beyond repair
        │   ├── EncryptedPdf              needs a password we do not have
        │   └── UnsupportedFileType       neither PDF nor text
        └── NoTextFound                   empty, or only images (scanned)

Each carries the file name and a short Danish ``reason`` a secretary can act on.
"""

from __future__ import annotations


class MinutesError(Exception):
    """A source file could not be turned into minutes."""

    reason: str = "Filen kunne ikke læses."

    def __init__(self, file_name: str, reason: str | None = None) -> None:
        self.file_name = file_name
        if reason is not None:
            self.reason = reason
        super().__init__(f"{file_name}: {self.reason}")


class UnreadableDocument(MinutesError):
    reason = "Filen kunne ikke læses."


class CorruptPdf(UnreadableDocument):
    reason = "PDF-filen er beskadiget eller ikke en rigtig PDF."


class EncryptedPdf(UnreadableDocument):
    reason = "PDF-filen er krypteret med en adgangskode. Gem den uden kode og prøv igen."


class UnsupportedFileType(UnreadableDocument):
    reason = "Filtypen understøttes ikke. Brug PDF eller tekst (.txt)."


class NoTextFound(MinutesError):
    reason = "Der er ingen tekst i filen."
