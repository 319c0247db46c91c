"""SQLModel tables for the minutes: who met, what they discussed, what they decided.

    Municipality ─< Committee ─< Meeting >─ Document ─< Passage
                                   │
                                   ├─< AgendaItem ─< Section
                                   │              └─< Attachment
                                   └─< Attendee

A Meeting is what a referat records; its Document is the file it was read
from. Passages hold the text of a document that belongs to no item of the
meeting (attachments, a stray agenda fragment, a whole action plan).
Schema changes go through the Alembic migrations in ``storage/migrations``.
"""

from __future__ import annotations

import datetime as dt
import enum
import secrets

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_share_token() -> str:
    """An unguessable token for a link that needs no sign-in (a meeting's printable page)."""
    return secrets.token_urlsafe(24)


class ApprovalStatus(str, enum.Enum):
    NONE = "none"  # no approval round has been opened
    PENDING = "pending"
    APPROVED = "approved"


class Municipality(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True)


class Committee(SQLModel, table=True):
    __table_args__ = (sa.UniqueConstraint("municipality_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    municipality_id: int | None = Field(
        default=None, foreign_key="municipality.id", ondelete="SET NULL", index=True
    )
    name: str = Field(index=True)


class DocumentBase(SQLModel):
    file_name: str = Field(index=True)
    content_hash: str = Field(unique=True, index=True, max_length=64)
    kind: str  # minutes.model.DocumentKind value
    page_count: int | None = None
    title: str | None = None


class Document(DocumentBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    municipality_id: int | None = Field(
        default=None, foreign_key="municipality.id", ondelete="SET NULL"
    )
    committee_id: int | None = Field(default=None, foreign_key="committee.id", ondelete="SET NULL")
    ingested_at: dt.datetime = Field(
        default_factory=utcnow, sa_type=sa.DateTime(timezone=True)
    )
    source_url: str | None = None  # where the file is published (``ingest --url``)


class MeetingBase(SQLModel):
    date: dt.date | None = Field(default=None, index=True)
    chair: str | None = None
    place: str | None = None
    approval_status: ApprovalStatus = Field(
        default=ApprovalStatus.NONE,
        sa_type=sa.String(16),
    )


class Meeting(MeetingBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    committee_id: int | None = Field(
        default=None, foreign_key="committee.id", ondelete="SET NULL", index=True
    )
    document_id: int = Field(foreign_key="document.id", ondelete="CASCADE", unique=True)
    # the printable page of the minutes (``/referat/{token}``): on the meeting, not the
    # document, so links already posted keep working when a corrected file replaces it
    share_token: str | None = Field(default_factory=new_share_token, unique=True, index=True)


class Attendee(SQLModel, table=True):
    """A person the minutes list as present (or absent) at a meeting."""

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    name: str
    present: bool = True


class AgendaItemBase(SQLModel):
    number: int
    title: str
    case_number: str | None = None
    closed: bool = False
    page: int | None = None


class AgendaItem(AgendaItemBase, table=True):
    __tablename__ = "agenda_item"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    position: int = 0  # order in the document (items may be numbered out of order)


class SectionBase(SQLModel):
    kind: str  # minutes.model.SectionKind value
    heading: str | None = None
    text: str = Field(sa_type=sa.Text)
    page: int | None = None
    is_history: bool = False


class Section(SectionBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="agenda_item.id", ondelete="CASCADE", index=True)
    position: int = 0


class Attachment(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="agenda_item.id", ondelete="CASCADE", index=True)
    file_name: str
    title: str | None = None


class PassageBase(SQLModel):
    label: str | None = None
    kind: str = "text"  # attachment | fragment | text | attendance
    text: str = Field(sa_type=sa.Text)
    page: int | None = None


class Passage(PassageBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", ondelete="CASCADE", index=True)
    position: int = 0


class Role(str, enum.Enum):
    """A person's role in one committee."""

    MEMBER = "member"
    CHAIR = "chair"
    SECRETARY = "secretary"
    ADMIN = "admin"


class MemberBase(SQLModel):
    aad_object_id: str = Field(index=True)  # Entra object id: stable across chats and apps
    name: str
    role: Role = Field(default=Role.MEMBER, sa_type=sa.String(16))


class Member(MemberBase, table=True):
    """A person of a committee; roster sync adds members, the CLI or a secretary sets roles."""

    __table_args__ = (sa.UniqueConstraint("committee_id", "aad_object_id"),)

    id: int | None = Field(default=None, primary_key=True)
    committee_id: int = Field(foreign_key="committee.id", ondelete="CASCADE", index=True)
    teams_user_id: str | None = None  # "29:…", needed to open a 1:1 chat
    updated_at: dt.datetime = Field(
        default_factory=utcnow, sa_type=sa.DateTime(timezone=True)
    )


class MemberPublic(MemberBase):
    committee: str
    teams_user_id: str | None = None


class Conversation(SQLModel, table=True):
    """Where the bot is installed: a team channel, a group chat or a personal chat.

    ``reference`` is the Bot Framework ConversationReference as JSON, enough to
    send a proactive message after a restart."""

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: str = Field(unique=True, index=True)
    conversation_type: str  # personal | channel | groupChat
    tenant_id: str | None = None
    team_id: str | None = Field(default=None, index=True)
    user_aad_object_id: str | None = Field(default=None, index=True)  # personal chats
    committee_id: int | None = Field(
        default=None, foreign_key="committee.id", ondelete="SET NULL", index=True
    )
    reference: str = Field(sa_type=sa.Text)
    installed: bool = True
    updated_at: dt.datetime = Field(
        default_factory=utcnow, sa_type=sa.DateTime(timezone=True)
    )


class OutboundStatus(str, enum.Enum):
    PENDING = "pending"
    SENDING = "sending"  # claimed by one replica until ``claimed_until``
    SENT = "sent"
    FAILED = "failed"  # gave up after the retries; the secretary can see it
    CANCELLED = "cancelled"


class Outbound(SQLModel, table=True):
    """A proactive message waiting to be sent: the outbox every reminder and notice goes
    through. Due rows are claimed by one replica at a time (``storage/outbox.py``)."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, index=True)  # idempotency: the same key is queued once
    kind: str = Field(index=True)  # e.g. reminder, approval.reminder, approval.closed
    conversation_id: str | None = None  # a stored Conversation (channel or chat)
    user_aad_object_id: str | None = None  # or a person: sent 1:1
    payload: str = Field(sa_type=sa.Text)  # {"text", "card"}
    due_at: dt.datetime = Field(sa_type=sa.DateTime(timezone=True), index=True)
    status: OutboundStatus = Field(
        default=OutboundStatus.PENDING, sa_type=sa.String(16), index=True
    )
    attempts: int = 0
    next_attempt_at: dt.datetime = Field(sa_type=sa.DateTime(timezone=True), index=True)
    claimed_by: str | None = None
    claimed_until: dt.datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))
    last_error: str | None = None
    activity_id: str | None = None  # the id the connector gave the sent message
    sent_at: dt.datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))


# --- approvals (issue 5): add tables below this line -------------------------------


class RoundStatus(str, enum.Enum):
    OPEN = "open"
    APPROVED = "approved"  # every participant approved: closed
    CLOSED = "closed"  # closed by the secretary, objections and missing answers kept (§ 13)


class Answer(str, enum.Enum):
    APPROVE = "approve"
    REMARK = "remark"  # approved, with a remark entered in the record
    OBJECT = "object"  # objects, with a reason (a dissenting opinion, § 13)


class ApprovalRound(SQLModel, table=True):
    """One digital approval of a meeting's minutes, posted in a committee's channel."""

    __tablename__ = "approval_round"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", unique=True)
    committee_id: int | None = Field(default=None, foreign_key="committee.id", ondelete="SET NULL")
    conversation_id: str  # the channel the card is posted in
    status: RoundStatus = Field(default=RoundStatus.OPEN, sa_type=sa.String(16), index=True)
    deadline: dt.date
    opened_by_aad_object_id: str
    opened_by_name: str
    opened_at: dt.datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
    closed_at: dt.datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))
    closed_by_name: str | None = None  # the secretary who closed it (status CLOSED)
    reminders_sent: int = 0  # "Påmind manglende" rounds, for idempotent outbox keys


class ApprovalParticipant(SQLModel, table=True):
    """A participant and their one current answer (None until they act)."""

    __tablename__ = "approval_participant"
    __table_args__ = (sa.UniqueConstraint("round_id", "aad_object_id"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="approval_round.id", ondelete="CASCADE", index=True)
    aad_object_id: str
    name: str
    teams_user_id: str | None = None  # "29:…", for the card's refresh userIds
    answer: Answer | None = Field(default=None, sa_type=sa.String(16))
    comment: str | None = Field(default=None, sa_type=sa.Text)
    answered_at: dt.datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))


class ApprovalAudit(SQLModel, table=True):
    """Append-only trail of every real change to a round (a trigger refuses UPDATE)."""

    __tablename__ = "approval_audit"

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="approval_round.id", ondelete="CASCADE", index=True)
    actor_aad_object_id: str | None
    actor_name: str
    action: str  # opened | approve | remark | object | reminded | approved | closed
    detail: str | None = Field(default=None, sa_type=sa.Text)
    activity_id: str | None = None
    at: dt.datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))


# --- events and reminders (issue 6): add tables below this line --------------------


class EventStatus(str, enum.Enum):
    SUGGESTED = "suggested"  # found in the minutes or typed in chat; reminds nobody
    CONFIRMED = "confirmed"  # the secretary confirmed it: future reminders are queued
    CANCELLED = "cancelled"  # dismissed or cancelled


class Event(SQLModel, table=True):
    """A dialogmøde, seminar, meeting or deadline; reminders are queued in the outbox."""

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True, index=True)  # stable iCalendar UID
    fingerprint: str = Field(unique=True, index=True)  # found once per source
    committee_id: int | None = Field(
        default=None, foreign_key="committee.id", ondelete="SET NULL", index=True
    )
    title: str
    kind: str = "møde"  # dialogmøde | seminar | møde | frist | ikrafttræden
    date: dt.date = Field(index=True)
    end_date: dt.date | None = None
    time: str | None = Field(default=None, max_length=5)  # "HH:MM", local time
    precision: str = Field(default="day", max_length=8)  # day | month | season
    status: str = Field(default=EventStatus.SUGGESTED.value, max_length=16, index=True)
    document_id: int | None = Field(default=None, foreign_key="document.id", ondelete="SET NULL")
    source_document: str | None = None  # the file name, kept if the document goes
    item_number: int | None = None
    quote: str | None = Field(default=None, sa_type=sa.Text)
    rule_id: int | None = Field(default=None, foreign_key="event_rule.id", ondelete="SET NULL")
    lead_days: str | None = None  # "7,1": overrides the committee's lead times
    sequence: int = 0  # bumped on every change: reminder keys and iCalendar SEQUENCE
    created_by: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
    updated_at: dt.datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))


class EventRule(SQLModel, table=True):
    """A yearly recurring event ("dialogmøder i oktober/november"): confirmed rules give a
    suggested event for the next occurrence, to be dated by the secretary."""

    __tablename__ = "event_rule"

    id: int | None = Field(default=None, primary_key=True)
    fingerprint: str = Field(unique=True, index=True)
    committee_id: int | None = Field(
        default=None, foreign_key="committee.id", ondelete="SET NULL", index=True
    )
    title: str
    kind: str = "møde"
    months: str  # "10,11"
    status: str = Field(default=EventStatus.SUGGESTED.value, max_length=16)
    source_document: str | None = None
    item_number: int | None = None
    quote: str | None = Field(default=None, sa_type=sa.Text)
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))


class EventSettings(SQLModel, table=True):
    """Per committee: lead times, the hour reminders go out, channel posts, the feed token."""

    __tablename__ = "event_settings"

    id: int | None = Field(default=None, primary_key=True)
    committee_id: int = Field(foreign_key="committee.id", ondelete="CASCADE", unique=True)
    lead_days: str = "7,1"
    remind_at: str = Field(default="08:00", max_length=5)  # local time, Europe/Copenhagen
    to_channel: bool = True
    feed_token: str | None = Field(default=None, unique=True)


class ReminderDelivery(str, enum.Enum):
    CHANNEL = "channel"  # only the committee channel (default)
    PERSONAL = "personal"  # also 1:1
    BOTH = "both"


class ReminderPreference(SQLModel, table=True):
    """A member's choice of where reminders reach them."""

    __tablename__ = "reminder_preference"
    __table_args__ = (sa.UniqueConstraint("committee_id", "aad_object_id"),)

    id: int | None = Field(default=None, primary_key=True)
    committee_id: int = Field(foreign_key="committee.id", ondelete="CASCADE", index=True)
    aad_object_id: str = Field(index=True)
    delivery: str = Field(default=ReminderDelivery.CHANNEL.value, max_length=16)
    updated_at: dt.datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
