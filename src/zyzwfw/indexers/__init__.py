"""Catalog indexers of the hall."""
