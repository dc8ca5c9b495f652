"""A service item as JSON: its guide, its materials and its department.

An app or a partner site that shows a guide gets in one request what the
guide page shows: the item's fields, each material with its blank form and
sample to download, the department, and the phones to call.
"""

from plone import api
from plone.dexterity.utils import iterSchemata
from plone.restapi.interfaces import ISchemaSerializer
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from zope.component import adapter
from zope.component import getMultiAdapter
from zope.interface import implementer
from zyzwfw.catalogue import visible_materials
from zyzwfw.content.service_item import IServiceItem
from zyzwfw.interfaces import IZyzwfwLayer


@implementer(ISerializeToJson)
@adapter(IServiceItem, IZyzwfwLayer)
class SerializeServiceItemToJson(SerializeFolderToJson):
    """plone.restapi's container serializer, with materials and department."""

    def __call__(self, version=None, include_items=True, include_expansion=True):
        result = super().__call__(
            version=version,
            include_items=include_items,
            include_expansion=include_expansion,
        )
        item = self.context
        result["materials"] = [self.material(m) for m in visible_materials(item)]
        result["department"] = self.department(item.department())
        result["effective_consultation_phone"] = item.effective_consultation_phone()
        result["effective_complaint_phone"] = item.effective_complaint_phone()
        return result

    def material(self, material):
        """Return a material's fields as its own GET would give them.

        Choices come as ``{"token", "title"}``; the template and sample as
        plone.restapi's file dicts, whose ``download`` is the material's
        ``@@download/template`` or ``@@download/sample`` URL.

        :param material: a material.
        :returns: a dict.
        """
        result = {
            "@id": material.absolute_url(),
            "@type": material.portal_type,
            "UID": material.UID(),
            "review_state": api.content.get_state(obj=material, default=None),
        }
        for schema in iterSchemata(material):
            serializer = getMultiAdapter(
                (schema, material, self.request), ISchemaSerializer
            )
            result.update(serializer())
        return result

    def department(self, department):
        """Return a short summary of the item's department.

        :param department: a department or ``None``.
        :returns: ``{"@id", "title", "short_code"}``, or ``None`` if the item
            is not in a department or the user may not see it.
        """
        if department is None or not api.user.has_permission("View", obj=department):
            return None
        return {
            "@id": department.absolute_url(),
            "title": department.Title(),
            "short_code": department.short_code,
        }
