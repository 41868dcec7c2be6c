"""The window: the only package that imports PySide6. Qt models are thin adapters over services."""
