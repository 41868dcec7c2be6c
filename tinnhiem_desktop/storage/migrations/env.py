"""Alembic environment: runs on the connection the round-file opener hands over."""

from alembic import context
from sqlmodel import SQLModel

from tinnhiem_desktop.storage import tables  # noqa: F401  (registers the tables)

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
