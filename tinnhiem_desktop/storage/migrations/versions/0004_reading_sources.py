"""Reading sources: a ballot's source is data (core/sources.py), not a list welded into the schema.

The CHECK that allowed only passes A, B and R goes, so that a new way of reading ballots needs no
new schema; the program still writes only the sources it declares.

Revision ID: 0004
Revises: 0003
"""

from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('ballot', recreate='always') as batch:
        batch.drop_constraint('ballot_pass', type_='check')


def downgrade() -> None:
    with op.batch_alter_table('ballot', recreate='always') as batch:
        batch.create_check_constraint('ballot_pass', sa.text("pass IN ('A', 'B', 'R')"))
