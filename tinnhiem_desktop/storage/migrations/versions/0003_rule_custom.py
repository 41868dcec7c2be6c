"""A round's own rule: the thresholds it moved, or the whole of a preset saved by the user (JSON).

Revision ID: 0003
Revises: 0002
"""

from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('round') as batch:
        batch.add_column(sa.Column('rule_custom', sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('round') as batch:
        batch.drop_column('rule_custom')
