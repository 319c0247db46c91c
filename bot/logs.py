"""Logging set-up: plain lines on stderr, secrets never formatted into them."""

from __future__ import annotations

import logging
import re

_SECRET = re.compile(
    r"(?i)(authorization|password|secret|token)([\"']?\s*[:=]\s*[\"']?)([^\s\"',}]+)"
)


class RedactSecrets(logging.Filter):
    """Mask anything that looks like a bearer token or a password in a log line."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _SECRET.sub(r"\1\2***", message)
        redacted = re.sub(r"Bearer\s+[A-Za-z0-9._\-]+", "Bearer ***", redacted)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
