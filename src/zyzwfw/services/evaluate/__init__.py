"""The ``@evaluate`` service: rating an ended application."""
