"""Reading the hall's settings from the registry, one field at a time.

Each group of settings (applications, consultations and complaints, ratings
and online rate) is a schema whose fields are registry records under a
prefix. Reading them here keeps one rule for all: a site whose registry lacks
a record, because it was made before the field existed, gets the field's
default.
"""

from plone import api
from plone.api.exc import InvalidParameterError


def setting(schema, prefix, name):
    """Return one setting of a group.

    :param schema: The group's schema.
    :param prefix: The registry prefix of its records.
    :type prefix: str
    :param name: The name of a field of the schema.
    :type name: str
    :returns: The value in the registry, or the field's default when the
        registry has no record for it.
    :raises InvalidParameterError: If ``name`` is no field of the schema.
    """
    field = schema.get(name)
    if field is None:
        raise InvalidParameterError(f"{schema.__name__} has no setting {name!r}")
    value = api.portal.get_registry_record(f"{prefix}.{name}", default=None)
    return field.default if value is None else value
