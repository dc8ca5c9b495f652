"""Site creation, installation handlers and demonstration content."""
