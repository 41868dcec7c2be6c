"""Use cases: one call per user action, each one transaction, returning plain domain values."""
