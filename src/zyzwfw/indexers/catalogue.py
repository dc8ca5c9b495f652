"""Catalog indexers of the service catalogue.

Listing pages and search filter items and materials by these indexes and
read the metadata columns of the same names, so that a listing never has to
wake up the objects it lists.
"""

from plone.indexer import indexer
from zyzwfw.content.department import IDepartment
from zyzwfw.content.material import IMaterial
from zyzwfw.content.service_item import IServiceItem


def _department_of(obj):
    for ancestor in obj.aq_chain:
        if IDepartment.providedBy(ancestor):
            return ancestor
    return None


@indexer(IServiceItem)
def item_department_uid(obj):
    department = _department_of(obj)
    return department.UID() if department is not None else None


@indexer(IMaterial)
def material_department_uid(obj):
    department = _department_of(obj)
    return department.UID() if department is not None else None


@indexer(IServiceItem)
def item_type(obj):
    return obj.item_type


@indexer(IServiceItem)
def served_parties(obj):
    return tuple(obj.served_parties or ())


@indexer(IServiceItem)
def themes(obj):
    return tuple(obj.themes or ())


@indexer(IServiceItem)
def online_depth(obj):
    return obj.online_depth


@indexer(IServiceItem)
def implementation_code(obj):
    return obj.implementation_code


@indexer(IMaterial)
def material_item_code(obj):
    return getattr(obj.__parent__, "implementation_code", None)


@indexer(IMaterial)
def has_template(obj):
    return obj.template is not None or obj.sample is not None


@indexer(IServiceItem)
def item_searchable_text(obj):
    """Title, description, codes, conditions and the materials' names."""
    parts = [
        obj.Title(),
        obj.Description(),
        obj.implementation_code or "",
        obj.basic_code or "",
        obj.conditions or "",
    ]
    parts += [material.Title() for material in obj.objectValues()]
    return " ".join(part for part in parts if part)


@indexer(IMaterial)
def material_searchable_text(obj):
    """The material's name and explanation and its item's title."""
    parts = [obj.Title(), obj.explanation or "", obj.__parent__.Title()]
    return " ".join(part for part in parts if part)
