"""GenericSetup upgrade steps."""
