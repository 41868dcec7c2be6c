"""Alembic migrations of the round file schema, from the first schema on."""
