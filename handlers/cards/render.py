"""Render the Adaptive Card JSON templates shipped in this package.

The templates use a small subset of the Adaptive Cards Templating language,
so a Teams developer reads them as usual:

* ``"${name}"`` / ``"${a.b}"`` inside a string is replaced by the value
  (a string that is only ``"${x}"`` takes the value's own type);
* an object with ``"$data": "${list}"`` is repeated once per element of the
  list, the element becoming the scope (``${$root.x}`` reaches the top);
* an object with ``"$when": "${x}"`` is dropped when ``x`` is falsy.

Templates are read once per process from package data (never from the
working directory) and copied per render.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from importlib import resources
from typing import Any

_EXPR = re.compile(r"\$\{([^}]+)\}")
_WHOLE = re.compile(r"^\$\{([^}]+)\}$")

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"


@cache
def _template(name: str) -> Any:
    text = (resources.files("handlers.cards") / f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


def _lookup(path: str, scope: Any, root: dict[str, Any]) -> Any:
    path = path.strip()
    if path.startswith("$root."):
        scope, path = root, path[len("$root."):]
    elif path == "$data":
        return scope
    value: Any = scope
    for part in path.split("."):
        if isinstance(value, dict):
            value = value.get(part)
        else:
            value = getattr(value, part, None)
        if value is None:
            return None
    return value


def _expand(node: Any, scope: Any, root: dict[str, Any]) -> Any:
    if isinstance(node, str):
        whole = _WHOLE.match(node)
        if whole:
            return _lookup(whole.group(1), scope, root)
        return _EXPR.sub(lambda m: _str(_lookup(m.group(1), scope, root)), node)
    if isinstance(node, list):
        out: list[Any] = []
        for child in node:
            if isinstance(child, dict) and "$data" in child:
                items = _expand(child["$data"], scope, root) or []
                body = {k: v for k, v in child.items() if k != "$data"}
                for element in items:
                    expanded = _expand(body, element, root)
                    if expanded is not None:
                        out.append(expanded)
                continue
            expanded = _expand(child, scope, root)
            if expanded is not None:
                out.append(expanded)
        return out
    if isinstance(node, dict):
        if "$when" in node and not _expand(node["$when"], scope, root):
            return None
        return {k: _expand(v, scope, root) for k, v in node.items() if k != "$when"}
    return node


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def render_card(name: str, data: dict[str, Any]) -> dict[str, Any]:
    """The card ``name`` (``handlers/cards/<name>.json``) filled with ``data``."""
    rendered: dict[str, Any] = _expand(copy.deepcopy(_template(name)), data, data)
    return rendered


def attachment(card: dict[str, Any]) -> dict[str, Any]:
    """The card as a Bot Framework attachment."""
    return {"contentType": CARD_CONTENT_TYPE, "content": card}
