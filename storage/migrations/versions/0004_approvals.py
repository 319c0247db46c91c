"""approvals

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The audit trail is append-only: the database itself refuses UPDATE on it.
_SQLITE_TRIGGER = """
CREATE TRIGGER approval_audit_append_only BEFORE UPDATE ON approval_audit
BEGIN SELECT RAISE(ABORT, 'approval_audit is append-only'); END
"""
_PG_FUNCTION = """
CREATE FUNCTION approval_audit_append_only() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'approval_audit is append-only'; END
$$ LANGUAGE plpgsql
"""
_PG_TRIGGER = """
CREATE TRIGGER approval_audit_append_only BEFORE UPDATE ON approval_audit
FOR EACH ROW EXECUTE FUNCTION approval_audit_append_only()
"""


def upgrade() -> None:
    op.create_table('approval_round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('committee_id', sa.Integer(), nullable=True),
    sa.Column('conversation_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('opened_by_aad_object_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('opened_by_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reminders_sent', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['committee.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('meeting_id')
    )
    with op.batch_alter_table('approval_round', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_approval_round_status'), ['status'], unique=False)

    op.create_table('approval_participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('aad_object_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('teams_user_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('answer', sa.String(length=16), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['round_id'], ['approval_round.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('round_id', 'aad_object_id')
    )
    with op.batch_alter_table('approval_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_approval_participant_round_id'), ['round_id'], unique=False)

    op.create_table('approval_audit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('actor_aad_object_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('actor_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('activity_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['approval_round.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('approval_audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_approval_audit_round_id'), ['round_id'], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
        op.execute(_PG_TRIGGER)
    else:
        op.execute(_SQLITE_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS approval_audit_append_only ON approval_audit")
        op.execute("DROP FUNCTION IF EXISTS approval_audit_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS approval_audit_append_only")
    with op.batch_alter_table('approval_audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_approval_audit_round_id'))

    op.drop_table('approval_audit')
    with op.batch_alter_table('approval_participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_approval_participant_round_id'))

    op.drop_table('approval_participant')
    with op.batch_alter_table('approval_round', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_approval_round_status'))

    op.drop_table('approval_round')
