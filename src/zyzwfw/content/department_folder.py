"""DepartmentFolder: the site's ``departments`` folder of windows."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IDepartmentFolder(model.Schema):
    """The folder that holds the hall's departments."""


@implementer(IDepartmentFolder)
class DepartmentFolder(Container):
    """Only departments may be added here."""
