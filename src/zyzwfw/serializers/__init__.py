"""plone.restapi serializers of the hall's content types."""
