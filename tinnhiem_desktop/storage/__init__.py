"""Round files on disk: SQLModel tables, migrations, opening and locking, the repository."""
