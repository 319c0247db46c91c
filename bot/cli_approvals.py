"""``referatbot approvals``: the approval record of a meeting's minutes.

Register on the CLI group with ``cli.add_command(approvals_group)``.

    referatbot approvals export --meeting 2020-11-30 --format html --out godkendelse.html
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import click

from bot.cli import _parse_date_option, run_async, with_database
from bot.settings import Settings
from handlers.approval_export import EXPORTERS, ApprovalSheet, approval_sheets
from storage.engine import Database


@click.group("approvals")
def approvals_group() -> None:
    """Digital approval of minutes: export the approval record."""


@approvals_group.command("export")
@click.option("--meeting", "meeting_date", required=True, callback=_parse_date_option,
              help="The meeting's date: 2020-11-30 or '30. november 2020'.")
@click.option("--committee", help="Only this committee (when several met that day).")
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORTERS)), default="csv",
              show_default=True, help="csv (semicolon, for Excel), json, or html (prints as "
              "a page for the archive).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@click.pass_obj
@run_async
async def export(settings: Settings, meeting_date: dt.date, committee: str | None, fmt: str,
                 out: Path | None) -> None:
    """The approval sheet: names, answers, remarks, objections and times, with the log."""

    async def body(db: Database) -> list[ApprovalSheet]:
        return await approval_sheets(db, day=meeting_date, committee=committee)

    sheets = await with_database(settings, body)
    if not sheets:
        raise click.ClickException(
            f"Der er ingen godkendelse af et referat fra {meeting_date.isoformat()}"
            + (f" for »{committee}«." if committee else "."))
    text = EXPORTERS[fmt](sheets)
    if out is None:
        click.echo(text, nl=False)
        return
    await asyncio.to_thread(out.write_text, text, encoding="utf-8")
    click.echo(f"Godkendelsen er gemt i {out}.", err=True)
