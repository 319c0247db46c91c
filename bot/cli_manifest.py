"""``referatbot manifest``: build the Teams app package (the zip to upload).

Register on the CLI group with ``cli.add_command(manifest_command)``. Without
``--app-id`` the bot's ``MicrosoftAppId`` from the settings (environment or
``.env``) is used, when the group has put a ``Settings`` object in the context.
"""

from __future__ import annotations

from pathlib import Path

import click

from bot.settings import Settings
from manifest.package import DEFAULT_DEVELOPER_NAME, ManifestError, build_package


@click.command("manifest")
@click.option("--app-id", help="The bot's Microsoft App ID (a GUID). Default: MicrosoftAppId.")
@click.option("--domain", required=True,
              help="The bot's host name, e.g. referatbot.kommune.dk (no https://, no path).")
@click.option("--out", type=click.Path(path_type=Path), default=Path("referatbot.zip"),
              show_default=True, help="Where to write the zip (a file, or a folder).")
@click.option("--version", "app_version", metavar="X.Y.Z",
              help="App version; raise it for every changed upload. Default: referatbot's.")
@click.option("--teams-app-id", help="The Teams app's own id, if not the same GUID as the bot.")
@click.option("--developer-name", default=DEFAULT_DEVELOPER_NAME, show_default=True,
              help="Publisher shown in Teams (max. 32 characters), e.g. the municipality.")
@click.option("--website-url", help="Default: https://DOMAIN/")
@click.option("--privacy-url", help="Default: https://DOMAIN/privacy")
@click.option("--terms-url", help="Default: https://DOMAIN/terms")
@click.option("--sso", is_flag=True, help="Add webApplicationInfo for Teams single sign-on.")
@click.pass_context
def manifest_command(
    ctx: click.Context,
    app_id: str | None,
    domain: str,
    out: Path,
    app_version: str | None,
    teams_app_id: str | None,
    developer_name: str,
    website_url: str | None,
    privacy_url: str | None,
    terms_url: str | None,
    sso: bool,
) -> None:
    """Build the Teams app package (manifest and icons) to upload to Teams."""
    if not app_id:
        settings = ctx.find_object(Settings)
        app_id = settings.app_id if settings is not None else ""
    if not app_id:
        raise click.UsageError(
            "Angiv --app-id (bottens Microsoft App ID) eller sæt MicrosoftAppId."
        )
    try:
        path = build_package(
            out, app_id=app_id, domain=domain, version=app_version, teams_app_id=teams_app_id,
            developer_name=developer_name, website_url=website_url, privacy_url=privacy_url,
            terms_url=terms_url, sso=sso,
        )
    except ManifestError as exc:
        if exc.field is None:
            raise click.ClickException(f"{exc.message_da} ({exc})") from exc
        # The fields are build_manifest's argument names, the options spell them with "-".
        option = "--" + exc.field.replace("_", "-")
        raise click.BadParameter(exc.message_da, param_hint=option) from exc
    except OSError as exc:
        raise click.ClickException(f"Kunne ikke skrive {out}: {exc.strerror or exc}") from exc
    click.echo(
        f"Teams-app-pakken er skrevet: {path}\n"
        "Upload den i Teams Admin Center (Teams-apps › Administrer apps › Upload ny app) "
        "eller i Teams under Apps › Administrer dine apps › Upload en app."
    )
