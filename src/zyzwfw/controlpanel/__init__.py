"""The hall control panel."""
