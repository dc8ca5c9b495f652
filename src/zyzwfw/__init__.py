"""zyzwfw: the online government service hall (电子政务大厅) as a Plone add-on."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "zyzwfw"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)
