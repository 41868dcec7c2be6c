"""Double entry and what the procedure around the count keeps.

A ballot belongs to a keying pass (A, B, or R for a ballot keyed again to resolve a difference),
so its number is unique per form and pass; resolutions of differences; a round's entry mode and
its station (when the file is a station's copy); a candidate's provincial-management tick; earlier
years' results; the records of the procedure around the count.

Revision ID: 0002
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('round') as batch:
        batch.add_column(sa.Column('entry_mode', sa.String(), nullable=False, server_default='single'))
        batch.add_column(sa.Column('station_name', sa.String(), nullable=True))
        batch.add_column(sa.Column('station_pass', sa.String(), nullable=True))
        batch.add_column(sa.Column('station_first', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('station_last', sa.Integer(), nullable=True))
    with op.batch_alter_table('candidate') as batch:
        batch.add_column(sa.Column('provincial', sa.Boolean(), nullable=False, server_default='0'))
    # The ballot table is rebuilt (SQLite cannot change a unique constraint in place), keeping
    # every ballot's id; the opener turns foreign keys off around a migration, so the marks that
    # refer to those ids are neither cascaded away nor left pointing at nothing.
    _ballot_table('ballot_v2', pass_column=True)
    op.execute("INSERT INTO ballot_v2 (id, form_id, pass, number, status, invalid_reason)"
               " SELECT id, form_id, 'A', number, status, invalid_reason FROM ballot")
    op.drop_table('ballot')
    op.rename_table('ballot_v2', 'ballot')
    op.create_table('resolution',
    sa.Column('form_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('choice', sa.String(), nullable=False),
    sa.Column('resolved_by', sa.String(), nullable=False),
    sa.Column('resolved_at', sa.String(), nullable=False),
    sa.CheckConstraint("choice IN ('A', 'B', 'R')", name='resolution_choice'),
    sa.ForeignKeyConstraint(['form_id'], ['ballot_form.id'], ),
    sa.PrimaryKeyConstraint('form_id', 'number')
    )
    op.create_table('prior_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_key', sa.String(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('position', sa.String(), nullable=False),
    sa.Column('cao', sa.Integer(), nullable=True),
    sa.Column('tin_nhiem', sa.Integer(), nullable=True),
    sa.Column('thap', sa.Integer(), nullable=False),
    sa.Column('base', sa.Integer(), nullable=False),
    sa.Column('by_hand', sa.Boolean(), nullable=False, server_default='0'),
    sa.Column('source', sa.String(), nullable=False),
    sa.Column('source_fingerprint', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_key', 'year')
    )
    op.create_table('procedure_record',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('data', sa.String(), nullable=False),
    sa.Column('at', sa.String(), nullable=False),
    sa.Column('by', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )


def downgrade() -> None:
    op.drop_table('procedure_record')
    op.drop_table('prior_result')
    op.drop_table('resolution')
    # Foreign keys are off during a migration: the marks of passes B and R go explicitly.
    op.execute("DELETE FROM mark WHERE ballot_id IN (SELECT id FROM ballot WHERE pass <> 'A')")
    _ballot_table('ballot_v1', pass_column=False)
    op.execute("INSERT INTO ballot_v1 (id, form_id, number, status, invalid_reason)"
               " SELECT id, form_id, number, status, invalid_reason FROM ballot WHERE pass = 'A'")
    op.drop_table('ballot')
    op.rename_table('ballot_v1', 'ballot')
    with op.batch_alter_table('candidate') as batch:
        batch.drop_column('provincial')
    with op.batch_alter_table('round') as batch:
        for column in ('station_last', 'station_first', 'station_pass', 'station_name', 'entry_mode'):
            batch.drop_column(column)


def _ballot_table(name: str, *, pass_column: bool) -> None:
    pass_columns = [sa.Column('pass', sa.String(), nullable=False, server_default='A')] if pass_column else []
    op.create_table(name,
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('form_id', sa.Integer(), nullable=False),
    *pass_columns,
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('invalid_reason', sa.String(), nullable=False),
    sa.CheckConstraint("status IN ('valid', 'invalid')", name='ballot_status'),
    sa.CheckConstraint('number >= 1', name='ballot_number_positive'),
    *([sa.CheckConstraint("pass IN ('A', 'B', 'R')", name='ballot_pass')] if pass_column else []),
    sa.ForeignKeyConstraint(['form_id'], ['ballot_form.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('form_id', 'pass', 'number') if pass_column else sa.UniqueConstraint('form_id', 'number')
    )
