"""``referatbot events``: list events (``--json`` per DESIGN.md), import .ics, confirm or
cancel, the calendar feed link, yearly rules."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import click

from bot.cli import run_async, with_database
from bot.settings import Settings
from storage import events_repo as repo
from storage.engine import Database
from storage.minutes_repo import find_committee
from storage.models import EventStatus, utcnow


async def _committee_id(db: Database, name: str | None) -> int | None:
    if name is None:
        return None
    async with db.sessions() as session:
        found = await find_committee(session, name=name)
    if found is None:
        raise click.ClickException(f"Udvalget »{name}« findes ikke.")
    return found.id


@click.group("events", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list (DESIGN.md).")
@click.option("--committee", help="Only this committee.")
@click.option("--status", type=click.Choice([s.value for s in EventStatus]),
              help="Only events with this status.")
@click.option("--upcoming", is_flag=True, help="Only events from today on.")
@click.pass_context
def events_command(ctx: click.Context, as_json: bool, committee: str | None,
                   status: str | None, upcoming: bool) -> None:
    """Events (dialogmøder, meetings, deadlines) found in the minutes or added by hand."""
    if ctx.invoked_subcommand is not None:
        return
    settings: Settings = ctx.obj
    run_async(_list)(settings, as_json, committee, status, upcoming)


async def _list(settings: Settings, as_json: bool, committee: str | None, status: str | None,
                upcoming: bool) -> None:
    from handlers.event_cards import when_of
    from handlers.event_schedule import local_today

    async def body(db: Database) -> list[dict[str, object]]:
        committee_id = await _committee_id(db, committee)
        async with db.sessions() as session:
            rows = await repo.list_events(
                session, committee_id=committee_id,
                statuses=[EventStatus(status)] if status else None,
                on_or_after=local_today(utcnow()) if upcoming else None)
            history = await repo.history_ids(session, rows)
            return [{**repo.event_json(e), "_when": when_of(e), "_history": e.id in history}
                    for e in rows]

    rows = await with_database(settings, body)
    if as_json:
        click.echo(json.dumps([{k: v for k, v in r.items() if not k.startswith("_")}
                               for r in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("Ingen begivenheder.")
    for r in rows:
        source = r["source"]
        item = f", punkt {source['item_number']}" if isinstance(source, dict) and source[
            "item_number"] is not None else ""
        src = f"  [{source['document']}{item}]" if isinstance(source, dict) else ""
        state = f"{r['status']}, historik" if r["_history"] else r["status"]
        click.echo(f"#{r['id']} {r['_when']}: {r['title']} ({r['kind']}, {state}){src}")


@events_command.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--committee", required=True, help="The committee the events belong to.")
@click.option("--confirm", is_flag=True, help="Import as confirmed (reminders are queued).")
@click.pass_obj
@run_async
async def events_import(settings: Settings, path: Path, committee: str, confirm: bool) -> None:
    """Import the events of an .ics file."""
    from bot.calendar import import_ics
    from handlers.event_schedule import reschedule_committee

    async def body(db: Database) -> str:
        committee_id = await _committee_id(db, committee)
        assert committee_id is not None
        async with db.transaction() as session:
            try:
                result = await import_ics(session, committee_id=committee_id,
                                          data=await asyncio.to_thread(path.read_bytes),
                                          confirm=confirm)
            except ValueError as exc:
                raise click.ClickException(str(exc)) from exc
            queued = await reschedule_committee(session, committee_id, now=utcnow())
        return (f"{result.added} tilføjet, {result.updated} opdateret, {result.skipped} "
                f"sprunget over; {queued} påmindelser planlagt.")

    click.echo(await with_database(settings, body))


async def _set_status(settings: Settings, event_id: int, status: EventStatus) -> str:
    from handlers.event_schedule import schedule_event

    async def body(db: Database) -> str:
        async with db.transaction() as session:
            event = await repo.get_event(session, event_id)
            if event is None:
                raise click.ClickException(f"Begivenhed #{event_id} findes ikke.")
            event.status = status.value
            repo.touch(event)
            await session.flush()
            await repo.cancel_reminders(session, event_id=event_id)
            queued = await schedule_event(session, event, now=utcnow())
            return f"#{event_id} {event.title}: {status.value}, {queued} påmindelser planlagt."

    return await with_database(settings, body)


@events_command.command("confirm")
@click.argument("event_id", type=int)
@click.pass_obj
@run_async
async def events_confirm(settings: Settings, event_id: int) -> None:
    """Confirm a suggested event: its future reminders are queued."""
    click.echo(await _set_status(settings, event_id, EventStatus.CONFIRMED))


@events_command.command("cancel")
@click.argument("event_id", type=int)
@click.pass_obj
@run_async
async def events_cancel(settings: Settings, event_id: int) -> None:
    """Cancel (or dismiss) an event: its queued reminders are cancelled."""
    click.echo(await _set_status(settings, event_id, EventStatus.CANCELLED))


@events_command.command("feed")
@click.option("--committee", required=True)
@click.option("--renew", is_flag=True, help="Make a new secret link (the old one stops working).")
@click.pass_obj
@run_async
async def events_feed(settings: Settings, committee: str, renew: bool) -> None:
    """Print the committee's secret iCalendar link (for Outlook)."""
    from handlers.reminders import calendar_url

    async def body(db: Database) -> str:
        committee_id = await _committee_id(db, committee)
        assert committee_id is not None
        async with db.transaction() as session:
            token = await repo.feed_token(session, committee_id, renew=renew)
        return calendar_url(settings.public_url, committee_id, token)

    click.echo(await with_database(settings, body))


@events_command.command("rules")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
@run_async
async def events_rules(settings: Settings, as_json: bool) -> None:
    """Yearly recurring events (found in the minutes or confirmed); each part is a span of
    months, first and last ([10, 11] for "oktober/november")."""
    from handlers.event_cards import months_da
    from minutes.events import parse_months

    async def body(db: Database) -> list[dict[str, object]]:
        async with db.sessions() as session:
            return [{"id": r.id, "title": r.title, "kind": r.kind,
                     "parts": [list(part) for part in parse_months(r.months)],
                     "when": months_da(r.months), "status": r.status,
                     "source": {"document": r.source_document, "item_number": r.item_number}
                     if r.source_document else None}
                    for r in await repo.list_rules(session)]

    rows = await with_database(settings, body)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        click.echo(f"#{r['id']} hvert år i {r['when']}: {r['title']} ({r['status']})")
