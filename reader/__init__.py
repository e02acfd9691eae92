"""Parallel Reader: read a text beside its translation, English beside Chinese."""

__version__ = "0.1.0"
