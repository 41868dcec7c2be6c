"""The first schema of a round file: setup, ballots, marks and the audit trail.

Revision ID: 0001
Revises: 
"""

from alembic import op
import sqlalchemy as sa

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ballot_form',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('summoned', sa.Integer(), nullable=False),
    sa.Column('present', sa.Integer(), nullable=False),
    sa.Column('issued', sa.Integer(), nullable=False),
    sa.Column('collected', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('event',
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(), nullable=False),
    sa.Column('keyer', sa.String(), nullable=False),
    sa.Column('action', sa.String(), nullable=False),
    sa.Column('data', sa.String(), nullable=False),
    sa.Column('hash', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('seq')
    )
    op.create_table('round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('rule_id', sa.String(), nullable=False),
    sa.Column('percent_base', sa.String(), nullable=True),
    sa.Column('decimals', sa.Integer(), nullable=True),
    sa.Column('header_style', sa.String(), nullable=False),
    sa.Column('header_parent', sa.String(), nullable=False),
    sa.Column('header_unit', sa.String(), nullable=False),
    sa.Column('meeting_date', sa.String(), nullable=False),
    sa.Column('meeting_place', sa.String(), nullable=False),
    sa.Column('meeting_chair', sa.String(), nullable=False),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.Column('sealed_at', sa.String(), nullable=True),
    sa.Column('sealed_by', sa.String(), nullable=True),
    sa.Column('seal_reason', sa.String(), nullable=True),
    sa.Column('fingerprint', sa.String(), nullable=True),
    sa.CheckConstraint('id = 1', name='single_round'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('team_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('seq')
    )
    op.create_table('ballot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('form_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('invalid_reason', sa.String(), nullable=False),
    sa.CheckConstraint("status IN ('valid', 'invalid')", name='ballot_status'),
    sa.CheckConstraint('number >= 1', name='ballot_number_positive'),
    sa.ForeignKeyConstraint(['form_id'], ['ballot_form.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('form_id', 'number')
    )
    op.create_table('candidate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('form_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('position', sa.String(), nullable=False),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('person_key', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['form_id'], ['ballot_form.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('form_id', 'seq')
    )
    op.create_table('mark',
    sa.Column('ballot_id', sa.Integer(), nullable=False),
    sa.Column('candidate_seq', sa.Integer(), nullable=False),
    sa.Column('value', sa.String(), nullable=False),
    sa.CheckConstraint("value IN ('cao', 'tin_nhiem', 'thap', 'none', 'multi')", name='mark_value'),
    sa.ForeignKeyConstraint(['ballot_id'], ['ballot.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('ballot_id', 'candidate_seq')
    )


def downgrade() -> None:
    op.drop_table('mark')
    op.drop_table('candidate')
    op.drop_table('ballot')
    op.drop_table('team_member')
    op.drop_table('round')
    op.drop_table('event')
    op.drop_table('ballot_form')
