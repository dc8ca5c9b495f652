"""plone.restapi services of the hall, one folder per endpoint."""
