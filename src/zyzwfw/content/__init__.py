"""Dexterity content types of the hall, one module per type."""
