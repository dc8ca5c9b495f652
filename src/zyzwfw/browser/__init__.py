"""Browser views, viewlets and static resources of the hall."""
