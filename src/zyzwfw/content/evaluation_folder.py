"""EvaluationFolder: where ratings are kept, out of the public tree.

The site's ``evaluations`` folder holds a folder per year, both of this type;
the year folders hold the ratings. Like the folders of applications, they are
BTrees without an order, so that two ratings at the same moment do not
conflict on a list of ids.
"""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IEvaluationFolder(model.Schema):
    """A folder of ratings: the root or a year."""


@implementer(IEvaluationFolder)
class EvaluationFolder(Container):
    """A folder of ratings, kept without an order."""

    _ordering = "unordered"
