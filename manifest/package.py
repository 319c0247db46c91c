"""The Teams app package: fill the manifest template and zip it with the icons.

``build_manifest`` returns the manifest (a dict) for a bot registration;
``build_package`` writes the zip to upload to Teams (Teams admin center, or
*Apps › Manage your apps › Upload an app*). The zip is flat: ``manifest.json``,
``color.png``, ``outline.png`` and the ``en-us.json`` localization at its root.

Template, localization and icons are package data, read with
``importlib.resources``; building needs neither Pillow nor the working
directory. The icons are drawn by ``manifest/make_icons.py`` and committed.

Errors (``ManifestError`` and its subclasses) carry an English message
(``str(exc)``) and a Danish one (``exc.message_da``) for the CLI.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import zipfile
from collections.abc import Mapping
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Final

__all__ = [
    "DEFAULT_DEVELOPER_NAME",
    "PACKAGE_FILES",
    "InvalidAppId",
    "InvalidDomain",
    "InvalidUrl",
    "InvalidVersion",
    "ManifestError",
    "TemplateError",
    "build_manifest",
    "build_package",
    "command_aliases",
    "load_localization",
    "normalize_domain",
    "validate_app_id",
]

PACKAGE: Final = "manifest"
TEMPLATE: Final = "manifest.template.json"
LOCALIZATIONS: Final = {"en-us": "en-us.json"}
ICONS: Final = ("color.png", "outline.png")
#: The files at the root of the zip, in the order they are written.
PACKAGE_FILES: Final = ("manifest.json", *ICONS, *LOCALIZATIONS.values())

DEFAULT_DEVELOPER_NAME: Final = "Referatbot"
DEFAULT_VERSION: Final = "1.0.0"
#: Bot single sign-on (OAuth cards) needs the Bot Framework token service.
SSO_DOMAIN: Final = "token.botframework.com"

_GUID = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_NIL_GUID = "00000000-0000-0000-0000-000000000000"
_EXAMPLE_GUID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"
# The manifest schema's "semver" definition: MAJOR.MINOR.PATCH, no pre-release.
_SEMVER = re.compile(r"^(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)$")
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")
_ZIP_DATE = (2020, 1, 1, 0, 0, 0)  # fixed, so the same input gives the same zip
# build_manifest's arguments as named in the messages: (English, Danish).
_LABELS: Final = {
    "app_id": ("app id", "App-id'et"),
    "teams_app_id": ("Teams app id", "Teams-app-id'et"),
    "website_url": ("website URL", "Webstedsadressen"),
    "privacy_url": ("privacy URL", "Adressen til privatlivspolitikken"),
    "terms_url": ("terms of use URL", "Adressen til brugsvilkårene"),
}


class ManifestError(ValueError):
    """The Teams app package could not be built from what was given."""

    message_da: str = "Teams-app-pakken kunne ikke bygges."
    #: The argument of ``build_manifest`` at fault (``"domain"``…), if one is.
    field: str | None = None

    def __init__(
        self, message: str, message_da: str | None = None, *, field: str | None = None
    ) -> None:
        super().__init__(message)
        if message_da is not None:
            self.message_da = message_da
        if field is not None:
            self.field = field


class InvalidAppId(ManifestError):
    """The app id is not a GUID."""

    field = "app_id"


class InvalidDomain(ManifestError):
    """The domain is not a bare host name."""

    field = "domain"


class InvalidUrl(ManifestError):
    """A developer URL (website, privacy, terms of use) is not an https URL."""


class InvalidVersion(ManifestError):
    """The app version is not MAJOR.MINOR.PATCH."""

    field = "version"


class TemplateError(ManifestError):
    """The packaged template or localization is broken (a bug, not user input)."""


# --------------------------------------------------------------------------- checks


def validate_app_id(value: str, *, field: str = "app_id") -> str:
    """Return the GUID in lower case, or raise ``InvalidAppId``.

    Only the canonical 8-4-4-4-12 form is accepted (what Azure shows), not
    braces, ``urn:uuid:`` or the 32 digits without hyphens.
    """
    what, what_da = _LABELS[field]
    candidate = value.strip()
    if not _GUID.match(candidate):
        raise InvalidAppId(
            f"{what} must be a GUID like {_EXAMPLE_GUID} (the Microsoft App ID of the "
            f"Azure Bot registration), got {value!r}",
            f"{what_da} skal være et GUID som {_EXAMPLE_GUID} (Microsoft App ID fra "
            f"Azure Bot-registreringen), ikke {value!r}.",
            field=field,
        )
    if candidate == _NIL_GUID:
        raise InvalidAppId(
            f"{what} is the nil GUID, a placeholder: use the real Microsoft App ID",
            f"{what_da} er nul-GUID'et (en pladsholder): brug det rigtige Microsoft App ID.",
            field=field,
        )
    return candidate.lower()


def _domain_hint(value: str) -> str:
    """What the user probably meant, for the error message."""
    rest = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", value.strip())
    host = re.split(r"[/?#]", rest, maxsplit=1)[0].rsplit("@", 1)[-1]
    return host.split(":", 1)[0].lower()


def normalize_domain(value: str) -> str:
    """Return the bot's host name in lower case (IDNA-encoded), or raise ``InvalidDomain``.

    A bare host name: ``referatbot.kommune.dk``. No scheme, path, port,
    wildcard or trailing dot; at least two labels. Non-ASCII names
    (``referat.høje-taastrup.dk``) are turned into their ``xn--`` form.
    """
    raw = value.strip()
    if not raw:
        raise InvalidDomain(
            "domain is empty: give the bot's host name, e.g. referatbot.kommune.dk",
            "Domænet mangler: angiv bottens værtsnavn, fx referatbot.kommune.dk.",
        )
    if any(c in raw for c in "/:?#@ \t") or raw.startswith("*"):
        hint = _domain_hint(raw)
        also = f"; did you mean {hint!r}?" if hint and hint != raw else ""
        also_da = f" Mente du {hint!r}?" if hint and hint != raw else ""
        raise InvalidDomain(
            f"domain must be a bare host name such as referatbot.kommune.dk, without "
            f"scheme, port, path or wildcard; got {value!r}{also}",
            f"Domænet skal være et rent værtsnavn som referatbot.kommune.dk – uden "
            f"https://, port, sti eller *; fik {value!r}.{also_da}",
        )
    try:
        host = raw.encode("idna").decode("ascii").lower()
    except UnicodeError:
        host = ""
    labels = host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels) or \
            len(host) > 253 or labels[-1].isdigit():
        raise InvalidDomain(
            f"domain {value!r} is not a valid host name: use letters, digits and hyphens "
            f"in dot-separated labels, e.g. referatbot.kommune.dk (IP addresses and "
            f"single-label names such as localhost cannot serve a Teams bot)",
            f"{value!r} er ikke et gyldigt værtsnavn. Brug bogstaver, tal og bindestreg "
            f"adskilt af punktum, fx referatbot.kommune.dk (hverken IP-adresser eller "
            f"localhost kan bruges til en Teams-bot).",
        )
    return host


def _validate_url(value: str, *, field: str) -> str:
    what, what_da = _LABELS[field]
    url = value.strip()
    if not re.match(r"^https://[^/\s?#]+(?:[/?#]\S*)?$", url, flags=re.IGNORECASE):
        raise InvalidUrl(
            f"{what} must be an https URL, got {value!r}",
            f"{what_da} skal være en https-adresse, ikke {value!r}.",
            field=field,
        )
    if len(url) > 2048:
        raise InvalidUrl(f"{what} is longer than 2048 characters",
                         f"{what_da} er længere end 2048 tegn.", field=field)
    return url


def default_version() -> str:
    """The installed referatbot version when it is MAJOR.MINOR.PATCH, else 1.0.0."""
    try:
        version = metadata.version("referatbot")
    except metadata.PackageNotFoundError:
        return DEFAULT_VERSION
    return version if _SEMVER.match(version) else DEFAULT_VERSION


def _validate_version(value: str) -> str:
    version = value.strip()
    if not _SEMVER.match(version):
        raise InvalidVersion(
            f"version must be MAJOR.MINOR.PATCH such as 1.0.0, got {value!r}; "
            f"raise it each time you upload a changed package",
            f"Versionen skal have formen 1.0.0 (tre tal), ikke {value!r}. Hæv den, "
            f"hver gang en ændret pakke uploades.",
        )
    return version


# --------------------------------------------------------------------------- data


def _read_json(name: str) -> dict[str, Any]:
    try:
        text = (resources.files(PACKAGE) / name).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, json.JSONDecodeError) as exc:
        raise TemplateError(f"package data {PACKAGE}/{name} is missing or not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise TemplateError(f"package data {PACKAGE}/{name} is not a JSON object")
    return data


def _read_bytes(name: str) -> bytes:
    try:
        return (resources.files(PACKAGE) / name).read_bytes()
    except OSError as exc:
        raise TemplateError(f"package data {PACKAGE}/{name} is missing: {exc}") from exc


def load_localization(language: str = "en-us") -> dict[str, str]:
    """The packaged localization file for ``language`` (e.g. ``en-us``)."""
    try:
        name = LOCALIZATIONS[language.lower()]
    except KeyError:
        raise TemplateError(f"no localization for {language!r}; have {sorted(LOCALIZATIONS)}") \
            from None
    data = _read_json(name)
    if not all(isinstance(v, str) for v in data.values()):
        raise TemplateError(f"{PACKAGE}/{name}: every value must be a string")
    return {str(k): str(v) for k, v in data.items()}


def _fill(node: Any, values: Mapping[str, str]) -> Any:
    """Replace ``{{NAME}}`` in every string of the template (never in the JSON text)."""
    if isinstance(node, dict):
        return {key: _fill(item, values) for key, item in node.items()}
    if isinstance(node, list):
        return [_fill(item, values) for item in node]
    if isinstance(node, str):

        def substitute(match: re.Match[str]) -> str:
            try:
                return values[match.group(1)]
            except KeyError:
                raise TemplateError(f"template placeholder {match.group(0)} has no value") \
                    from None

        return _PLACEHOLDER.sub(substitute, node)
    return node


# --------------------------------------------------------------------------- build


def build_manifest(
    *,
    app_id: str,
    domain: str,
    version: str | None = None,
    teams_app_id: str | None = None,
    developer_name: str = DEFAULT_DEVELOPER_NAME,
    website_url: str | None = None,
    privacy_url: str | None = None,
    terms_url: str | None = None,
    sso: bool = False,
) -> dict[str, Any]:
    """The Teams app manifest (v1.30) for the bot ``app_id`` served at ``domain``.

    ``app_id``: the bot's Microsoft App ID (``MicrosoftAppId``), used as
    ``bots[0].botId`` and, unless ``teams_app_id`` is given, as the app's own
    ``id`` too. ``domain``: the bot's host name, e.g. ``referatbot.kommune.dk``.
    ``version``: MAJOR.MINOR.PATCH; default the installed referatbot version.
    The developer URLs default to ``https://{domain}/``, ``…/privacy`` and
    ``…/terms``. ``sso`` adds ``webApplicationInfo`` (resource
    ``api://botid-{app_id}``) and the Bot Framework token service domain.
    """
    bot_id = validate_app_id(app_id)
    app_guid = (
        validate_app_id(teams_app_id, field="teams_app_id")
        if teams_app_id else bot_id
    )
    host = normalize_domain(domain)
    semver = _validate_version(version) if version is not None else default_version()
    developer = developer_name.strip()
    if not developer or len(developer) > 32:
        raise ManifestError(
            f"developer name must be 1 to 32 characters, got {developer_name!r}",
            f"Udviklerens navn skal være 1–32 tegn, ikke {developer_name!r}.",
            field="developer_name",
        )

    values = {
        "APP_ID": bot_id,
        "TEAMS_APP_ID": app_guid,
        "VERSION": semver,
        "DOMAIN": host,
        "DEVELOPER_NAME": developer,
        "WEBSITE_URL": _validate_url(
            website_url or f"https://{host}/", field="website_url"),
        "PRIVACY_URL": _validate_url(
            privacy_url or f"https://{host}/privacy", field="privacy_url"),
        "TERMS_URL": _validate_url(
            terms_url or f"https://{host}/terms", field="terms_url"),
    }
    manifest: dict[str, Any] = _fill(_read_json(TEMPLATE), values)

    if sso:
        manifest["webApplicationInfo"] = {"id": bot_id, "resource": f"api://botid-{bot_id}"}
        if SSO_DOMAIN not in manifest["validDomains"]:
            manifest["validDomains"].append(SSO_DOMAIN)

    leftover = _PLACEHOLDER.search(json.dumps(manifest, ensure_ascii=False))
    if leftover:
        raise TemplateError(f"template placeholder {leftover.group(0)} left unfilled")
    return manifest


def build_package(
    out: Path,
    *,
    app_id: str,
    domain: str,
    version: str | None = None,
    teams_app_id: str | None = None,
    developer_name: str = DEFAULT_DEVELOPER_NAME,
    website_url: str | None = None,
    privacy_url: str | None = None,
    terms_url: str | None = None,
    sso: bool = False,
) -> Path:
    """Write the Teams app zip to ``out`` and return its path.

    ``out`` may be an existing directory (the zip is then ``referatbot.zip`` in
    it). The file is written to a temporary name and moved into place, so a
    failed build never leaves half a zip. Arguments as for ``build_manifest``.
    """
    manifest = build_manifest(
        app_id=app_id, domain=domain, version=version, teams_app_id=teams_app_id,
        developer_name=developer_name, website_url=website_url, privacy_url=privacy_url,
        terms_url=terms_url, sso=sso,
    )
    contents: dict[str, bytes] = {
        "manifest.json": (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode(),
    }
    for name in ICONS:
        contents[name] = _read_bytes(name)
    for language, name in LOCALIZATIONS.items():
        localization = load_localization(language)
        contents[name] = (json.dumps(localization, ensure_ascii=False, indent=2) + "\n").encode()

    target = Path(out)
    if target.is_dir():
        target = target / "referatbot.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".referatbot-", suffix=".zip.tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in PACKAGE_FILES:  # flat: Teams rejects files in a folder
                info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, contents[name])
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def command_aliases(language: str = "en-us") -> dict[str, str]:
    """Localized command title → Danish command title, e.g. ``{"help": "hjælp"}``.

    Teams sends the title of a command picked from the menu as the message
    text, so a user with an English Teams sends "help". The turn router can map
    these back to the Danish commands it knows. Titles left in Danish (the
    sample question) are not included.
    """
    template = _read_json(TEMPLATE)
    localization = load_localization(language)
    key = re.compile(r"^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.title$")
    aliases: dict[str, str] = {}
    for name, title in localization.items():
        match = key.match(name)
        if not match:
            continue
        i, j = int(match.group(1)), int(match.group(2))
        try:
            danish = template["bots"][0]["commandLists"][i]["commands"][j]["title"]
        except (KeyError, IndexError, TypeError):
            raise TemplateError(f"{language} localization key {name!r} has no command") from None
        if title.casefold() != str(danish).casefold():
            aliases[title] = str(danish)
    return aliases
