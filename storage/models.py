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

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


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
        default_factory=utcnow, sa_type=sa.DateTime(timezone=True)  # type: ignore[call-overload]
    )


class MeetingBase(SQLModel):
    date: dt.date | None = Field(default=None, index=True)
    chair: str | None = None
    place: str | None = None
    approval_status: ApprovalStatus = Field(
        default=ApprovalStatus.NONE,
        sa_type=sa.String(16),  # type: ignore[call-overload]
    )


class Meeting(MeetingBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    committee_id: int | None = Field(
        default=None, foreign_key="committee.id", ondelete="SET NULL", index=True
    )
    document_id: int = Field(foreign_key="document.id", ondelete="CASCADE", unique=True)


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
    text: str = Field(sa_type=sa.Text)  # type: ignore[call-overload]
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
    text: str = Field(sa_type=sa.Text)  # type: ignore[call-overload]
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
    role: Role = Field(default=Role.MEMBER, sa_type=sa.String(16))  # type: ignore[call-overload]


class Member(MemberBase, table=True):
    """A person of a committee; roster sync adds members, the CLI or a secretary sets roles."""

    __table_args__ = (sa.UniqueConstraint("committee_id", "aad_object_id"),)

    id: int | None = Field(default=None, primary_key=True)
    committee_id: int = Field(foreign_key="committee.id", ondelete="CASCADE", index=True)
    teams_user_id: str | None = None  # "29:…", needed to open a 1:1 chat
    updated_at: dt.datetime = Field(
        default_factory=utcnow, sa_type=sa.DateTime(timezone=True)  # type: ignore[call-overload]
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
    reference: str = Field(sa_type=sa.Text)  # type: ignore[call-overload]
    installed: bool = True
    updated_at: dt.datetime = Field(
        default_factory=utcnow, sa_type=sa.DateTime(timezone=True)  # type: ignore[call-overload]
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
    payload: str = Field(sa_type=sa.Text)  # type: ignore[call-overload]  # {"text", "card"}
    due_at: dt.datetime = Field(sa_type=sa.DateTime(timezone=True), index=True)  # type: ignore[call-overload]
    status: OutboundStatus = Field(default=OutboundStatus.PENDING, sa_type=sa.String(16), index=True)  # type: ignore[call-overload]
    attempts: int = 0
    next_attempt_at: dt.datetime = Field(sa_type=sa.DateTime(timezone=True), index=True)  # type: ignore[call-overload]
    claimed_by: str | None = None
    claimed_until: dt.datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))  # type: ignore[call-overload]
    last_error: str | None = None
    activity_id: str | None = None  # the id the connector gave the sent message
    sent_at: dt.datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))  # type: ignore[call-overload]
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))  # type: ignore[call-overload]


# --- approvals (issue 5): add tables below this line -------------------------------


# --- events and reminders (issue 6): add tables below this line --------------------
