"""The ``referatbot`` command line. Errors become ``ClickException`` here, at the edge."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import sys
from collections.abc import Awaitable, Callable, Coroutine
from functools import wraps
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import click
import sqlalchemy as sa

from bot.settings import Settings
from minutes.dates import parse_danish_date
from minutes.ingest import FileReport, Overrides, expand_paths, ingest_paths
from storage.engine import Database
from storage.errors import DatabaseUnavailable
from storage.members_repo import list_members, set_role
from storage.minutes_repo import find_committee, get_or_create_committee
from storage.models import MemberPublic, Role

T = TypeVar("T")

OUTCOME_DA = {"added": "tilføjet", "replaced": "erstattet", "unchanged": "uændret"}


def run_async(fn: Callable[..., Coroutine[Any, Any, T]]) -> Callable[..., T]:
    """Run an async command body; database outages become a Danish error."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        try:
            return asyncio.run(fn(*args, **kwargs))
        except (DatabaseUnavailable, OSError, sa.exc.OperationalError,
                sa.exc.InterfaceError) as exc:
            raise click.ClickException(
                f"Databasen svarer ikke ({type(exc).__name__}). Tjek REFERATBOT_DATABASE_URL "
                "og prøv igen."
            ) from exc

    return wrapper


async def open_database(settings: Settings) -> Database:
    db = Database(settings.database_url)
    await db.upgrade()
    return db


async def with_database(settings: Settings, body: Callable[[Database], Awaitable[T]]) -> T:
    db = await open_database(settings)
    try:
        return await body(db)
    finally:
        await db.dispose()


@click.group()
@click.version_option(package_name="referatbot")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Referatbot: spørgsmål, påmindelser og digital godkendelse af referater."""
    ctx.obj = Settings()


@cli.group()
def db() -> None:
    """The database: migrations."""


@db.command("upgrade")
@click.pass_obj
@run_async
async def db_upgrade(settings: Settings) -> None:
    """Apply all migrations (also done at every start)."""
    await with_database(settings, lambda _db: asyncio.sleep(0))
    click.echo("Databasen er opdateret.")


def _parse_date_option(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        parsed = parse_danish_date(value)
        if parsed is None:
            raise click.BadParameter(
                f"'{value}' er ikke en dato. Skriv fx 2020-03-02 eller '2. marts 2020'."
            ) from None
        return parsed


def _parse_url_option(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> str | None:
    if value is None:
        return None
    if not re.match(r"^https?://[^\s/]+", value.strip()):
        raise click.BadParameter(f"'{value}' er ikke en webadresse (http:// eller https://).")
    return value.strip()


def sample_minutes() -> list[Path]:
    """The fictional sample minutes shipped with the package, for the demo."""
    folder = resources.files("minutes") / "samples"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))


def _item_range(numbers: list[int]) -> str:
    if not numbers:
        return "ingen punkter"
    ordered = sorted(numbers)
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 1:
        return f"punkt {ordered[0]}–{ordered[-1]} ({len(ordered)} punkter)"
    return "punkt " + ", ".join(map(str, ordered))


def format_report(report: FileReport) -> str:
    name = report.path.name
    if report.failed:
        return f"{name}: FEJL – {report.error}"
    assert report.outcome is not None
    parts = [p for p in (report.municipality, report.committee) if p]
    parts.append(report.meeting_date.isoformat() if report.meeting_date else "dato ukendt")
    if report.chair:
        parts.append(f"formand {report.chair}")
    if report.item_numbers or report.kind != "plain":
        parts.append(_item_range(report.item_numbers))
    if report.passages:
        parts.append(f"{report.passages} tekstafsnit")
    return f"{name}: {OUTCOME_DA[report.outcome.value]} – " + ", ".join(parts)


def report_json(report: FileReport) -> dict[str, Any]:
    return {
        "file": report.path.name,
        "outcome": report.outcome.value if report.outcome else "failed",
        "error": report.error,
        "kind": report.kind,
        "municipality": report.municipality,
        "committee": report.committee,
        "meeting_date": report.meeting_date.isoformat() if report.meeting_date else None,
        "chair": report.chair,
        "items": report.item_numbers,
        "passages": report.passages,
        "pages": report.pages,
    }


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--samples", is_flag=True, help="Also ingest the bundled sample minutes.")
@click.option("--municipality", help="Municipality, for documents that do not print it.")
@click.option("--committee", help="Committee, for documents that do not print it.")
@click.option("--date", "meeting_date", callback=_parse_date_option,
              help="Meeting date (2020-03-02 or '2. marts 2020').")
@click.option("--url", callback=_parse_url_option,
              help="Where the file is published (one file); linked from the approval card.")
@click.option("--url-base", callback=_parse_url_option,
              help="Where the files are published: BASE/file name is linked from the card.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per file.")
@click.pass_obj
@run_async
async def ingest(
    settings: Settings,
    paths: tuple[Path, ...],
    samples: bool,
    municipality: str | None,
    committee: str | None,
    meeting_date: dt.date | None,
    url: str | None,
    url_base: str | None,
    as_json: bool,
) -> None:
    """Read minutes (PDF or text) into the store. Idempotent by content."""
    files = expand_paths(paths) + (sample_minutes() if samples else [])
    if not files:
        raise click.UsageError("Angiv mindst én fil eller mappe (eller --samples).")
    if url and (len(files) > 1 or url_base):
        raise click.UsageError("--url gælder én fil; brug --url-base til flere filer.")
    overrides = Overrides(municipality=municipality, committee=committee, meeting_date=meeting_date,
                          url=url, url_base=url_base)

    from tqdm import tqdm

    with tqdm(total=len(files), unit="fil", disable=len(files) < 20 or None,
              file=sys.stderr) as bar:

        def done(report: FileReport) -> None:
            bar.update(1)
            line = json.dumps(report_json(report), ensure_ascii=False) if as_json \
                else format_report(report)
            bar.write(line, file=sys.stdout)

        reports = await with_database(
            settings, lambda db: ingest_paths(
                db, files, overrides=overrides, on_done=done,
                approval_working_days=settings.approval_working_days))
    failed = sum(r.failed for r in reports)
    if failed:
        click.echo(f"{failed} af {len(reports)} filer kunne ikke læses.", err=True)
        sys.exit(1)


LOCALHOSTS = {"127.0.0.1", "localhost", "::1"}


@cli.command()
@click.option("--host", default=None,
              help="Address to bind (default 0.0.0.0; 127.0.0.1 with --dev).")
@click.option("--port", default=3978, show_default=True, type=int)
@click.option("--dev", is_flag=True, help="Local development: anonymous requests, 127.0.0.1 only.")
@click.option("--samples", is_flag=True, help="Ingest the bundled sample minutes first.")
@click.pass_obj
def serve(settings: Settings, host: str | None, port: int, dev: bool, samples: bool) -> None:
    """Run the bot: POST /api/messages, GET /healthz."""
    from aiohttp import web

    from bot.app import create_app
    from bot.logs import configure_logging
    from bot.settings import ConfigurationError

    settings = settings.model_copy(update={"dev": dev or settings.dev})
    host = host or ("127.0.0.1" if settings.dev else "0.0.0.0")
    if settings.dev and host not in LOCALHOSTS:
        raise click.ClickException(
            f"Udviklingstilstand (--dev) tillader anonyme kald og må kun lytte på 127.0.0.1, "
            f"ikke {host}."
        )
    configure_logging(settings.log_level)
    if samples:
        run_async(_ingest_samples)(settings)
    try:
        app = create_app(settings)
    except ConfigurationError as exc:
        raise click.ClickException(str(exc)) from exc
    mode = "udviklingstilstand, anonyme kald tilladt" if settings.dev else "produktion"
    click.echo(f"Referatbot lytter på http://{host}:{port}/api/messages ({mode}).")
    web.run_app(app, host=host, port=port, print=None, shutdown_timeout=10)


async def _ingest_samples(settings: Settings) -> None:
    reports = await with_database(settings, lambda db: ingest_paths(db, sample_minutes()))
    for report in reports:
        click.echo(format_report(report))


@cli.group()
def members() -> None:
    """Committee members and their roles."""


@members.command("add")
@click.option("--committee", required=True, help="The committee's name.")
@click.option("--aad-object-id", required=True, help="The person's Entra object id.")
@click.option("--name", required=True, help="The person's name.")
@click.option("--role", type=click.Choice([r.value for r in Role]), default="member",
              show_default=True)
@click.pass_obj
@run_async
async def members_add(settings: Settings, committee: str, aad_object_id: str, name: str,
                      role: str) -> None:
    """Add a person to a committee or change their role."""

    async def body(db: Database) -> str:
        async with db.transaction() as session:
            found = await find_committee(session, name=committee)
            if found is None:
                found = await get_or_create_committee(session, name=committee,
                                                      municipality_id=None)
            assert found.id is not None
            await set_role(session, committee_id=found.id, aad_object_id=aad_object_id,
                           name=name, role=Role(role))
            return found.name

    committee_name = await with_database(settings, body)
    click.echo(f"{name} er nu {ROLE_DA[Role(role)]} i {committee_name}.")


@members.command("list")
@click.option("--committee", help="Only this committee.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
@run_async
async def members_list(settings: Settings, committee: str | None, as_json: bool) -> None:
    """List committee members and roles."""

    async def body(db: Database) -> list[MemberPublic]:
        async with db.sessions() as session:
            committee_id = None
            if committee:
                found = await find_committee(session, name=committee)
                if found is None:
                    raise click.ClickException(f"Udvalget »{committee}« findes ikke.")
                committee_id = found.id
            return await list_members(session, committee_id=committee_id)

    rows = await with_database(settings, body)
    if as_json:
        click.echo(json.dumps([r.model_dump(mode="json") for r in rows], ensure_ascii=False,
                              indent=2))
        return
    if not rows:
        click.echo("Ingen medlemmer endnu.")
    for r in rows:
        click.echo(f"{r.committee}: {r.name} ({ROLE_DA[r.role]}) {r.aad_object_id}")


@cli.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (answered, text, "
              "citations).")
@click.option("--today", callback=_parse_date_option,
              help="The date 'sidste år' and the like count from (default: today).")
@click.option("--public", is_flag=True, help="Leave out closed items (lukket punkt).")
@click.pass_obj
@run_async
async def ask(settings: Settings, question: str, as_json: bool, today: dt.date | None,
              public: bool) -> None:
    """Answer a question about the minutes, quoting them."""
    from handlers.questions import source_line
    from minutes.answer import Access, Answer, QuestionEngine

    async def body(db: Database) -> Answer:
        access = Access.public() if public else Access.everything()
        return await QuestionEngine(db).answer(question, today=today, access=access)

    answer = await with_database(settings, body)
    if as_json:
        click.echo(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
        return
    click.echo(answer.text)
    for citation in answer.citations:
        click.echo(f"  Kilde: {source_line(citation.to_json())}")


ROLE_DA = {Role.MEMBER: "medlem", Role.CHAIR: "formand", Role.SECRETARY: "sekretær",
           Role.ADMIN: "administrator"}


def _register_commands() -> None:
    from bot.cli_approvals import approvals_group
    from bot.cli_events import events_command
    from bot.cli_manifest import manifest_command

    cli.add_command(manifest_command)
    cli.add_command(approvals_group)
    cli.add_command(events_command)


_register_commands()


def main() -> None:
    cli(prog_name="referatbot")
