"""The Teams app package: manifest against the official v1.30 schema, icons, zip layout."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from click.testing import CliRunner
from jsonschema.validators import validator_for  # type: ignore[import-untyped]
from PIL import Image
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource

from bot.cli_manifest import manifest_command
from manifest.package import (
    PACKAGE_FILES,
    InvalidAppId,
    InvalidDomain,
    InvalidUrl,
    InvalidVersion,
    ManifestError,
    build_manifest,
    build_package,
    command_aliases,
    load_localization,
    normalize_domain,
)

REPO = Path(__file__).resolve().parents[1]
SCHEMA_PATH = REPO.parent / "shared" / "schemas" / "teams-manifest-1.30.json"

APP_ID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"
DOMAIN = "referatbot.kommune.dk"


@cache
def _schema() -> dict[str, Any]:
    if not SCHEMA_PATH.is_file():
        pytest.skip(f"Teams manifest schema not found at {SCHEMA_PATH}")
    data: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return data


def _offline(uri: str) -> Resource[Any]:
    """Remote $refs are never fetched: the test runs offline and must stay so."""
    raise NoSuchResource(uri)


def manifest_validator() -> Any:
    schema = _schema()
    cls = validator_for(schema)  # chosen by the schema's own "$schema"
    registry: Registry[Any] = Registry(retrieve=_offline)  # type: ignore[call-arg]
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


def validation_errors(document: dict[str, Any]) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in manifest_validator().iter_errors(document)
    ]


def titles(manifest: dict[str, Any], scope: str) -> list[str]:
    for command_list in manifest["bots"][0]["commandLists"]:
        if scope in command_list["scopes"]:
            return [c["title"] for c in command_list["commands"]]
    raise AssertionError(f"no command list for scope {scope}")


# --------------------------------------------------------------------------- schema


def test_schema_is_draft4_and_self_contained() -> None:
    schema = _schema()
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert validator_for(schema) is jsonschema.Draft4Validator
    # Structurally valid against the draft-4 metaschema. (Not with format checks: one
    # pattern deep in the Office add-in part uses \p{L}, which Python's re lacks.)
    jsonschema.Draft4Validator(jsonschema.Draft4Validator.META_SCHEMA).validate(schema)
    refs = re.findall(r'"\$ref":\s*"([^"]*)"', SCHEMA_PATH.read_text(encoding="utf-8"))
    assert refs and all(ref.startswith("#") for ref in refs), "unexpected remote $ref"


@pytest.mark.parametrize("sso", [False, True])
def test_built_manifest_validates_against_v1_30_schema(sso: bool) -> None:
    manifest = build_manifest(app_id=APP_ID, domain=DOMAIN, version="1.2.3", sso=sso)
    assert validation_errors(manifest) == []
    # Draft 4 has no "const": check what the schema pins that way by hand.
    assert manifest["manifestVersion"] == "1.30"
    assert manifest["$schema"] == (
        "https://developer.microsoft.com/en-us/json-schemas/teams/v1.30/MicrosoftTeams.schema.json"
    )


def test_validator_does_catch_mistakes() -> None:
    """Guard against a validator that accepts everything."""
    manifest = build_manifest(app_id=APP_ID, domain=DOMAIN)
    manifest["name"]["short"] = "R" * 31
    manifest["id"] = "not-a-guid"
    manifest["bots"][0]["scopes"].append("meetings")
    del manifest["developer"]["privacyUrl"]
    errors = validation_errors(manifest)
    assert len(errors) >= 4, errors


def test_manifest_content() -> None:
    manifest = build_manifest(
        app_id=APP_ID.upper(), domain="ReferatBot.Kommune.DK", version="2.0.1"
    )
    assert manifest["id"] == APP_ID
    assert manifest["version"] == "2.0.1"
    bot = manifest["bots"][0]
    assert bot["botId"] == APP_ID
    assert sorted(bot["scopes"]) == ["groupChat", "personal", "team"]
    assert bot["supportsFiles"] is False
    assert manifest["validDomains"] == [DOMAIN]
    assert manifest["name"] == {
        "short": "Referatbot", "full": "Referatbot – referater, påmindelser og godkendelse",
    }
    assert len(manifest["description"]["short"]) <= 80
    assert len(manifest["description"]["full"]) <= 4000
    assert manifest["developer"]["websiteUrl"] == f"https://{DOMAIN}/"
    assert manifest["developer"]["privacyUrl"] == f"https://{DOMAIN}/privacy"
    assert manifest["developer"]["termsOfUseUrl"] == f"https://{DOMAIN}/terms"
    assert manifest["localizationInfo"]["defaultLanguageTag"] == "da-dk"
    assert manifest["localizationInfo"]["additionalLanguages"] == [
        {"languageTag": "en-us", "file": "en-us.json"}
    ]
    assert "webApplicationInfo" not in manifest
    assert "{{" not in json.dumps(manifest)


def test_danish_commands_per_scope() -> None:
    manifest = build_manifest(app_id=APP_ID, domain=DOMAIN)
    lists = manifest["bots"][0]["commandLists"]
    assert sorted(s for cl in lists for s in cl["scopes"]) == ["groupChat", "personal", "team"]
    for scope in ("personal", "team", "groupChat"):
        found = titles(manifest, scope)
        for title in ("hjælp", "kommende møder", "godkend referat"):
            assert title in found, (scope, found)
        assert any(t.startswith("Hvad besluttede udvalget om") for t in found)
    assert "tilknyt udvalg" in titles(manifest, "team")
    help_command = next(c for c in lists[0]["commands"] if c["title"] == "hjælp")
    assert help_command["description"] == "Vis hvad jeg kan"
    for command_list in lists:
        assert all(len(c["title"]) <= 32 for c in command_list["commands"])  # Teams' menu


def test_developer_urls_and_names_are_configurable() -> None:
    manifest = build_manifest(
        app_id=APP_ID, domain=DOMAIN, developer_name="Hedensted Kommune",
        website_url="https://www.kommune.dk/referatbot", privacy_url="https://www.kommune.dk/p",
        terms_url="https://www.kommune.dk/t", teams_app_id="0f0e0d0c-0b0a-4909-8807-060504030201",
    )
    assert manifest["developer"] == {
        "name": "Hedensted Kommune",
        "websiteUrl": "https://www.kommune.dk/referatbot",
        "privacyUrl": "https://www.kommune.dk/p",
        "termsOfUseUrl": "https://www.kommune.dk/t",
    }
    assert manifest["id"] == "0f0e0d0c-0b0a-4909-8807-060504030201"
    assert manifest["bots"][0]["botId"] == APP_ID
    assert validation_errors(manifest) == []


def test_sso_adds_web_application_info() -> None:
    manifest = build_manifest(app_id=APP_ID, domain=DOMAIN, sso=True)
    assert manifest["webApplicationInfo"] == {"id": APP_ID, "resource": f"api://botid-{APP_ID}"}
    assert manifest["validDomains"] == [DOMAIN, "token.botframework.com"]


def test_default_version_is_semver() -> None:
    version = build_manifest(app_id=APP_ID, domain=DOMAIN)["version"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)


# --------------------------------------------------------------------------- refused input


@pytest.mark.parametrize("bad", [
    "", "not-a-guid", "1b2c3d4e5f604a7b8c9d0e1f2a3b4c5d", "{1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d}",
    "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5g",
    "00000000-0000-0000-0000-000000000000", "{{APP_ID}}",
])
def test_bad_app_id_is_refused(bad: str) -> None:
    with pytest.raises(InvalidAppId) as caught:
        build_manifest(app_id=bad, domain=DOMAIN)
    assert caught.value.field == "app_id"
    assert "GUID" in str(caught.value) and "GUID" in caught.value.message_da


def test_bad_teams_app_id_is_refused() -> None:
    with pytest.raises(InvalidAppId) as caught:
        build_manifest(app_id=APP_ID, domain=DOMAIN, teams_app_id="x")
    assert caught.value.field == "teams_app_id"


@pytest.mark.parametrize("bad", [
    "", "   ", "https://referatbot.kommune.dk", "referatbot.kommune.dk/api/messages",
    "https://referatbot.kommune.dk/api/messages", "referatbot.kommune.dk:443", "localhost",
    "*.kommune.dk", "referat bot.kommune.dk", "referat_bot.kommune.dk", "-bot.kommune.dk",
    "bot-.kommune.dk", "bot..kommune.dk", "10.0.0.1", "bot.kommune.dk.", "a" * 64 + ".dk",
    "user@bot.kommune.dk",
])
def test_bad_domain_is_refused(bad: str) -> None:
    with pytest.raises(InvalidDomain) as caught:
        build_manifest(app_id=APP_ID, domain=bad)
    assert caught.value.field == "domain"


def test_domain_error_suggests_the_host() -> None:
    with pytest.raises(InvalidDomain, match=r"did you mean 'referatbot\.kommune\.dk'"):
        normalize_domain("https://referatbot.kommune.dk/api/messages")


def test_domain_is_normalised() -> None:
    assert normalize_domain(" ReferatBot.Kommune.DK ") == DOMAIN
    assert normalize_domain("referat.høje-taastrup.dk") == "referat.xn--hje-taastrup-vjb.dk"


@pytest.mark.parametrize("bad", ["1.0", "v1.0.0", "1.0.0-beta", "01.0.0", "1.0.0.0"])
def test_bad_version_is_refused(bad: str) -> None:
    with pytest.raises(InvalidVersion):
        build_manifest(app_id=APP_ID, domain=DOMAIN, version=bad)


@pytest.mark.parametrize("bad", ["http://kommune.dk/privacy", "kommune.dk/privacy", "https://"])
def test_bad_url_is_refused(bad: str) -> None:
    with pytest.raises(InvalidUrl):
        build_manifest(app_id=APP_ID, domain=DOMAIN, privacy_url=bad)


def test_unfilled_placeholder_is_a_template_error() -> None:
    from manifest.package import TemplateError, _fill

    with pytest.raises(TemplateError, match=r"\{\{NOPE\}\}"):
        _fill({"a": ["x {{NOPE}}"]}, {"APP_ID": APP_ID})


def test_long_developer_name_is_refused() -> None:
    with pytest.raises(ManifestError):
        build_manifest(app_id=APP_ID, domain=DOMAIN, developer_name="x" * 33)


# --------------------------------------------------------------------------- icons


def _packaged_image(name: str) -> Image.Image:
    data = (resources.files("manifest") / name).read_bytes()
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    image.load()
    return image


def test_colour_icon_is_192_square() -> None:
    image = _packaged_image("color.png")
    assert image.size == (192, 192)
    colours = image.convert("RGBA").getcolors(192 * 192)
    assert colours is not None and len(colours) > 10  # a drawing, not a blank square


def test_outline_icon_is_32_white_on_transparent() -> None:
    image = _packaged_image("outline.png")
    assert image.size == (32, 32)
    assert image.mode == "RGBA"
    colours = image.getcolors(32 * 32)
    assert colours is not None
    pixels = [rgba for _, rgba in colours if isinstance(rgba, tuple)]
    assert len(pixels) == len(colours)
    opaque = [rgba for rgba in pixels if rgba[3] != 0]
    transparent = [rgba for rgba in pixels if rgba[3] == 0]
    assert opaque and transparent
    assert all(rgba[:3] == (255, 255, 255) for rgba in opaque), opaque
    corner = image.getpixel((0, 0))
    assert isinstance(corner, tuple) and corner[3] == 0


# --------------------------------------------------------------------------- localization


LOCALIZATION_KEY = re.compile(
    r"^(\$schema|name\.short|name\.full|description\.short|description\.full"
    r"|bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description))$"
)
LIMITS = {"name.short": 30, "name.full": 100, "description.short": 80, "description.full": 4000}


def test_english_localization_uses_documented_keys_that_exist() -> None:
    manifest = build_manifest(app_id=APP_ID, domain=DOMAIN)
    english = load_localization("en-us")
    assert english["name.short"] == "Referatbot"
    for key, value in english.items():
        match = LOCALIZATION_KEY.match(key)
        assert match, f"undocumented localization key {key!r}"
        assert value.strip(), key
        if key in LIMITS:
            assert len(value) <= LIMITS[key], key
        if match.group(2) is not None:
            command = manifest["bots"][0]["commandLists"][int(match.group(2))]["commands"][
                int(match.group(3))]
            assert match.group(4) in command, key
    # Every Danish command description has its English counterpart.
    for i, command_list in enumerate(manifest["bots"][0]["commandLists"]):
        for j, _ in enumerate(command_list["commands"]):
            assert f"bots[0].commandLists[{i}].commands[{j}].description" in english


def test_command_aliases_map_english_titles_to_danish() -> None:
    assert command_aliases("en-us") == {
        "help": "hjælp",
        "upcoming meetings": "kommende møder",
        "approve minutes": "godkend referat",
        "link committee": "tilknyt udvalg",
    }


# --------------------------------------------------------------------------- the zip


def test_package_is_a_flat_zip(tmp_path: Path) -> None:
    out = build_package(tmp_path / "referatbot.zip", app_id=APP_ID, domain=DOMAIN, version="1.0.0")
    assert out == tmp_path / "referatbot.zip"
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None
        assert sorted(zf.namelist()) == sorted(PACKAGE_FILES)
        assert all("/" not in name and "\\" not in name for name in zf.namelist())
        packaged = json.loads(zf.read("manifest.json"))
        assert packaged == build_manifest(app_id=APP_ID, domain=DOMAIN, version="1.0.0")
        assert validation_errors(packaged) == []
        for icon in (packaged["icons"]["color"], packaged["icons"]["outline"]):
            assert icon in zf.namelist()
            assert zf.read(icon) == (resources.files("manifest") / icon).read_bytes()
        for language in packaged["localizationInfo"]["additionalLanguages"]:
            assert json.loads(zf.read(language["file"])) == load_localization("en-us")
    assert [p.name for p in tmp_path.iterdir()] == ["referatbot.zip"]  # no temporary left


def test_package_is_reproducible_and_goes_into_a_folder(tmp_path: Path) -> None:
    first = build_package(tmp_path / "a.zip", app_id=APP_ID, domain=DOMAIN, version="1.0.0")
    second = build_package(tmp_path, app_id=APP_ID, domain=DOMAIN, version="1.0.0")
    assert second == tmp_path / "referatbot.zip"
    assert first.read_bytes() == second.read_bytes()


def test_refused_input_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(InvalidDomain):
        build_package(tmp_path / "x.zip", app_id=APP_ID, domain="https://x.dk/")
    assert list(tmp_path.iterdir()) == []


def test_packaging_needs_neither_pillow_nor_the_working_directory(tmp_path: Path) -> None:
    script = (
        "import sys; sys.modules['PIL'] = None\n"
        "from pathlib import Path\n"
        "from manifest.package import build_package\n"
        f"print(build_package(Path('out.zip'), app_id={APP_ID!r}, domain={DOMAIN!r}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.zip").is_file()


# --------------------------------------------------------------------------- the CLI


def test_cli_builds_the_package(tmp_path: Path) -> None:
    out = tmp_path / "referatbot.zip"
    result = CliRunner().invoke(
        manifest_command, ["--app-id", APP_ID, "--domain", DOMAIN, "--out", str(out),
                           "--version", "1.4.0", "--developer-name", "Hedensted Kommune"],
    )
    assert result.exit_code == 0, result.output
    assert str(out) in result.output
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["version"] == "1.4.0"
    assert manifest["developer"]["name"] == "Hedensted Kommune"


@pytest.mark.parametrize(("args", "option"), [
    (["--app-id", "nope", "--domain", DOMAIN], "--app-id"),
    (["--app-id", APP_ID, "--domain", "https://referatbot.kommune.dk/api/messages"], "--domain"),
    (["--app-id", APP_ID, "--domain", DOMAIN, "--version", "1"], "--version"),
    (["--app-id", APP_ID, "--domain", DOMAIN, "--privacy-url", "http://x.dk"], "--privacy-url"),
])
def test_cli_refuses_bad_input(tmp_path: Path, args: list[str], option: str) -> None:
    result = CliRunner().invoke(manifest_command, [*args, "--out", str(tmp_path / "r.zip")])
    assert result.exit_code == 2, result.output
    assert option in result.output
    assert list(tmp_path.iterdir()) == []


def test_cli_without_app_id_asks_for_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(manifest_command, ["--domain", DOMAIN])
    assert result.exit_code == 2
    assert "--app-id" in result.output
