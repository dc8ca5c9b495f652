"""Behaviors of the hall."""
