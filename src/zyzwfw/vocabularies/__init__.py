"""Vocabularies of the hall."""
