"""ApplicationFolder: where applications are kept, out of the public tree.

The site's ``applications`` folder holds a folder per year, and each year a
folder per month, all of this type; the month folders hold the applications.
Each level is a BTree, so a folder of a hundred thousand applications loads
only the buckets it needs, and spreading them by month keeps each folder's
tree shallow.
"""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IApplicationFolder(model.Schema):
    """A folder of applications: the root, a year or a month."""


@implementer(IApplicationFolder)
class ApplicationFolder(Container):
    """A folder of applications, kept without an order.

    An ordered folder keeps the list of its ids in one persistent list, which
    every new application would rewrite: two submissions at the same moment
    would conflict on it, and at ten thousand applications a month the list
    alone would be a large record. Applications are listed through the
    catalog, sorted by what the reader needs, never in the order of adding.
    """

    _ordering = "unordered"
