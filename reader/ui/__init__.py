"""Widgets, models and actions; they ask `reader.core` for everything linguistic."""
