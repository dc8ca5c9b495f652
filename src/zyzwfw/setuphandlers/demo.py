"""Demonstration content for a newly created hall."""

from zyzwfw import logger


def load(site):
    """Fill a new hall with demonstration content.

    Each part of the hall adds its own demonstration data here, in the order
    the parts depend on each other.

    :param site: the Plone site of the hall.
    """
    logger.info("Loaded the demonstration content into %s", site.getId())
