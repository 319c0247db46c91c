"""conversations and members

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:08:41.083781
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('conversation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('conversation_type', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('tenant_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('team_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('user_aad_object_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('committee_id', sa.Integer(), nullable=True),
    sa.Column('reference', sa.Text(), nullable=False),
    sa.Column('installed', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['committee.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conversation_committee_id'), ['committee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conversation_conversation_id'), ['conversation_id'], unique=True)
        batch_op.create_index(batch_op.f('ix_conversation_team_id'), ['team_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conversation_user_aad_object_id'), ['user_aad_object_id'], unique=False)

    op.create_table('member',
    sa.Column('aad_object_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('committee_id', sa.Integer(), nullable=False),
    sa.Column('teams_user_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['committee.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('committee_id', 'aad_object_id')
    )
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_aad_object_id'), ['aad_object_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_committee_id'), ['committee_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_member_committee_id'))
        batch_op.drop_index(batch_op.f('ix_member_aad_object_id'))

    op.drop_table('member')
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conversation_user_aad_object_id'))
        batch_op.drop_index(batch_op.f('ix_conversation_team_id'))
        batch_op.drop_index(batch_op.f('ix_conversation_conversation_id'))
        batch_op.drop_index(batch_op.f('ix_conversation_committee_id'))

    op.drop_table('conversation')
