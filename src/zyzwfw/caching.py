"""What a caching proxy must forget when the catalogue changes.

plone.app.caching purges an object's own pages when it is edited, moved or
goes through a workflow transition. The catalogue shows an item on more
pages than its own: the list and search at ``/guide``, the download centre
at ``/downloads``, its department's page, and a material appears on its
item's guide. The proxy's VCL bans every URL that starts with a purged
path, so purging ``/site/guide`` also forgets each filter and page of it.
"""

from Acquisition import aq_parent
from plone import api
from z3c.caching.interfaces import IPurgePaths
from zope.component import adapter
from zope.interface import implementer
from zyzwfw.content.department import IDepartment
from zyzwfw.content.material import IMaterial
from zyzwfw.content.service_item import IServiceItem


#: Pages of the site root that list the catalogue.
CATALOGUE_PAGES = ("guide", "downloads")


def _path(obj):
    """Return the path of ``obj`` as the proxy sees it, without a trailing slash."""
    return "/" + obj.virtual_url_path()


class _CataloguePurgePaths:
    """The object itself, its container, and the catalogue's list pages."""

    def __init__(self, context):
        self.context = context

    def getRelativePaths(self):
        """Return the paths to purge, relative to the proxy's root.

        :returns: A list of paths such as ``/zyzwfw/guide``.
        """
        site = _path(api.portal.get())
        paths = [_path(self.context)]
        parent = aq_parent(self.context)
        if parent is not None and not IDepartment.providedBy(self.context):
            paths.append(_path(parent))
        paths += [f"{site}/{page}" for page in CATALOGUE_PAGES]
        return paths

    def getAbsolutePaths(self):
        """Return no absolute URLs: the proxy is addressed by path."""
        return []


@implementer(IPurgePaths)
@adapter(IServiceItem)
class ServiceItemPurgePaths(_CataloguePurgePaths):
    """An item: its guide, its department's page and the catalogue."""


@implementer(IPurgePaths)
@adapter(IMaterial)
class MaterialPurgePaths(_CataloguePurgePaths):
    """A material: its files, its item's guide and the catalogue."""


@implementer(IPurgePaths)
@adapter(IDepartment)
class DepartmentPurgePaths(_CataloguePurgePaths):
    """A department: its page and the catalogue's facets."""
