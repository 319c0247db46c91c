"""events

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('event_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fingerprint', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('committee_id', sa.Integer(), nullable=True),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('months', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('source_document', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('item_number', sa.Integer(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['committee.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('event_rule', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_rule_committee_id'), ['committee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_rule_fingerprint'), ['fingerprint'], unique=True)

    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('fingerprint', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('committee_id', sa.Integer(), nullable=True),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('time', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=True),
    sa.Column('precision', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('source_document', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('item_number', sa.Integer(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('rule_id', sa.Integer(), nullable=True),
    sa.Column('lead_days', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['committee.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['rule_id'], ['event_rule.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_committee_id'), ['committee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_fingerprint'), ['fingerprint'], unique=True)
        batch_op.create_index(batch_op.f('ix_event_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_uid'), ['uid'], unique=True)

    op.create_table('event_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('committee_id', sa.Integer(), nullable=False),
    sa.Column('lead_days', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('remind_at', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('to_channel', sa.Boolean(), nullable=False),
    sa.Column('feed_token', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.ForeignKeyConstraint(['committee_id'], ['committee.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('committee_id'),
    sa.UniqueConstraint('feed_token')
    )

    op.create_table('reminder_preference',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('committee_id', sa.Integer(), nullable=False),
    sa.Column('aad_object_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('delivery', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['committee.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('committee_id', 'aad_object_id')
    )
    with op.batch_alter_table('reminder_preference', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_preference_aad_object_id'), ['aad_object_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminder_preference_committee_id'), ['committee_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('reminder_preference', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminder_preference_committee_id'))
        batch_op.drop_index(batch_op.f('ix_reminder_preference_aad_object_id'))
    op.drop_table('reminder_preference')

    op.drop_table('event_settings')

    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_uid'))
        batch_op.drop_index(batch_op.f('ix_event_status'))
        batch_op.drop_index(batch_op.f('ix_event_fingerprint'))
        batch_op.drop_index(batch_op.f('ix_event_date'))
        batch_op.drop_index(batch_op.f('ix_event_committee_id'))
    op.drop_table('event')

    with op.batch_alter_table('event_rule', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_rule_fingerprint'))
        batch_op.drop_index(batch_op.f('ix_event_rule_committee_id'))
    op.drop_table('event_rule')
