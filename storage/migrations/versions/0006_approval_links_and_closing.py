"""approval links and closing: document.source_url, meeting.share_token,
approval_round.closed_by_name

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_url", AutoString(), nullable=True))
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("share_token", AutoString(), nullable=True))
    with op.batch_alter_table("approval_round", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closed_by_name", AutoString(), nullable=True))

    # every stored meeting gets its own unguessable token for the printable page
    bind = op.get_bind()
    meeting = sa.table("meeting", sa.column("id", sa.Integer), sa.column("share_token", sa.String))
    ids = bind.execute(sa.select(meeting.c.id)).scalars().all()
    for meeting_id in ids:
        bind.execute(sa.update(meeting).where(meeting.c.id == meeting_id)
                     .values(share_token=secrets.token_urlsafe(24)))
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_share_token"), ["share_token"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_share_token"))
        batch_op.drop_column("share_token")
    with op.batch_alter_table("approval_round", schema=None) as batch_op:
        batch_op.drop_column("closed_by_name")
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_column("source_url")
