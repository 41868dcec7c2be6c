"""Tín Nhiệm Desktop: counting program for Vietnamese confidence votes."""

__version__ = "0.1.0"
