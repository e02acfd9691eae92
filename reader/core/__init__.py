"""Everything that is not a widget. Nothing in this package may import Qt."""
