"""Queries over the service catalogue: items, their downloads and their gaps.

The public pages of the catalogue and its REST endpoints ask these functions,
so that both always list the same items with the same counts. Listings are
answered from the catalog alone (indexes and metadata columns); only the
completeness check, a page for the centre's editors, reads the items
themselves.

Chinese full-text search relies on Plone's ``plone_lexicon``, whose
``UnicodeSplitter`` indexes a run of Chinese characters as overlapping
bigrams and searches a run as a phrase of bigrams: ``施工许可`` finds
``建筑工程施工许可证核发``, and a single character matches every bigram it
starts. A phrase only matches where its characters stand side by side, so a
query such as ``建筑许可`` finds nothing; :func:`search_items` then searches
again for the two-character pieces of each run (``建筑 许可``), every piece
required.
"""

from AccessControl import getSecurityManager
from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from plone import api
from Products.ZCTextIndex.ParseTree import ParseError
from Products.ZCTextIndex.ParseTree import QueryError
from ZTUtils.Lazy import LazyMap
from zyzwfw import _
from zyzwfw.content.material import IMaterial
from zyzwfw.themes import themes
from zyzwfw.vocabularies.catalogue import ITEM_TYPES
from zyzwfw.vocabularies.catalogue import ONLINE_DEPTHS
from zyzwfw.vocabularies.catalogue import SERVED_PARTIES

import re


ITEM_TYPE = "ServiceItem"
MATERIAL_TYPE = "Material"
DEPARTMENT_TYPE = "Department"

# The filters of the catalogue: the request parameter and the index it uses.
FILTER_INDEXES = {
    "department": "department_uid",
    "theme": "themes",
    "party": "served_parties",
    "item_type": "item_type",
    "depth": "online_depth",
}

# Words the ZCTextIndex query parser would read as operators.
_OPERATORS = frozenset(("AND", "OR", "NOT", "NEAR"))

# Ideographs and kana: the runs the lexicon indexes as bigrams.
_CJK_RUN = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

GUIDE_ELEMENTS = {
    "conditions": _("element_conditions", default="Acceptance conditions"),
    "materials": _("element_materials", default="Materials"),
    "time_limits": _("element_time_limits", default="Time limits"),
    "steps": _("element_steps", default="Process steps"),
    "legal_basis": _("element_legal_basis", default="Legal basis"),
    "templates": _("element_templates", default="Blank forms"),
}

DOWNLOAD_TITLES = {
    "template": _("label_template", default="Blank form"),
    "sample": _("label_sample", default="Filled-in sample"),
}


def departments():
    """Return the departments the current user may see, in their folder's order.

    :returns: a list of dicts with ``uid``, ``id``, ``title``, ``url`` and
        ``path``; read from the catalog, the departments stay asleep.
    """
    brains = api.content.find(
        portal_type=DEPARTMENT_TYPE, sort_on="getObjPositionInParent"
    )
    return [
        {
            "uid": brain.UID,
            "id": brain.getId,
            "title": brain.Title,
            "url": brain.getURL(),
            "path": brain.getPath(),
        }
        for brain in brains
    ]


def find_department(value, records=None):
    """Find a department by its id or its short code, as URLs name it.

    :param value: a department id such as ``zjj`` or a short code such as
        ``ZJJ``; the id is tried first.
    :param records: the result of :func:`departments`, when the caller has it.
    :returns: the department's dict from :func:`departments`, or ``None``.
    """
    if not value:
        return None
    records = departments() if records is None else records
    for record in records:
        if record["id"] == value:
            return record

    # Short codes are not in the catalog; only this fallback wakes departments.
    wanted = value.strip().lower()
    for record in records:
        department = api.content.get(path=record["path"])
        short_code = getattr(department, "short_code", None) or ""
        if short_code.lower() == wanted:
            return record
    return None


def text_query(q):
    """Turn what a citizen typed into a safe ZCTextIndex query.

    Every word is required; quotes, brackets and operator words, which the
    query parser would reject or misread, are dropped, and latin words match
    as prefixes so that a partial item code finds its item.

    :param q: the text typed into a search box, or ``None``.
    :returns: the query string, empty when nothing searchable is left.
    """
    words = [
        word for word in re.findall(r"\w+", q or "") if word.upper() not in _OPERATORS
    ]
    return " ".join(word if _CJK_RUN.fullmatch(word) else f"{word}*" for word in words)


def relaxed_text_query(q):
    """Return a looser query that requires each run's two-character pieces.

    :param q: the text typed into a search box, or ``None``.
    :returns: the looser query, or ``None`` when it would be the same as
        :func:`text_query`'s.
    """
    strict = text_query(q)
    pieces = []
    for word in strict.split():
        for part in re.split(f"({_CJK_RUN.pattern})", word):
            if _CJK_RUN.fullmatch(part) and len(part) > 2:
                pieces += [part[i : i + 2] for i in range(0, len(part), 2)]
            elif part:
                pieces.append(part)
    relaxed = " ".join(pieces)
    return relaxed if relaxed != strict else None


def _record_ids(catalog, query):
    """Return the catalog record ids that ``query`` matches, as a set.

    The catalog's own search applies the user's permissions and the
    publication dates; its lazy result keeps the ids it found, so counting
    facets needs no brain at all.
    """
    results = catalog.searchResults(**query)
    if not isinstance(results, LazyMap):
        return IISet(brain.getRID() for brain in results)
    # A text query ranks its hits as (score, id) pairs; others yield bare ids.
    return IISet(
        entry if isinstance(entry, int) else entry[1] for entry in results._seq
    )


def _value_sets(catalog, index_name):
    """Return ``{value: record ids}`` of a field or keyword index."""
    index = catalog._catalog.getIndex(index_name)
    # The index's own mapping answers a facet count with one set intersection.
    return {
        value: IISet((rids,)) if isinstance(rids, int) else rids
        for value, rids in index._index.items()
    }


def _counts(scope, value_sets):
    return {value: len(intersection(scope, rids)) for value, rids in value_sets.items()}


def _intersect(sets):
    result = None
    for rids in sets:
        result = rids if result is None else intersection(result, rids)
    return result


def _facet(options, counts, selected):
    """Return the options that have items, or that are selected, with counts."""
    facet = []
    for value, title in options:
        count = counts.get(value, 0)
        if count or value == selected:
            facet.append(
                {
                    "value": value,
                    "title": title,
                    "count": count,
                    "selected": value == selected,
                }
            )
    return facet


def _item_filters(records, department, theme, party, item_type, depth):
    """Return ``{parameter: (index value, URL value)}`` of the valid filters.

    Values that name nothing (an old bookmark, a typing error) are dropped, so
    the page lists every item rather than an unexplained empty list.
    """
    filters = {}
    record = find_department(department, records)
    if record is not None:
        filters["department"] = (record["uid"], record["id"])
    if theme in {code for code, _title, _party in themes()}:
        filters["theme"] = (theme, theme)
    if party in dict(SERVED_PARTIES):
        filters["party"] = (party, party)
    if item_type in dict(ITEM_TYPES):
        filters["item_type"] = (item_type, item_type)
    if depth in dict(ONLINE_DEPTHS):
        filters["depth"] = (depth, depth)
    return filters


def _item_record(brain, departments_by_uid):
    department = departments_by_uid.get(brain.department_uid)
    return {
        "uid": brain.UID,
        "title": brain.Title,
        "description": brain.Description,
        "url": brain.getURL(),
        "review_state": brain.review_state,
        "implementation_code": brain.implementation_code,
        "item_type": brain.item_type,
        "item_type_title": dict(ITEM_TYPES).get(brain.item_type),
        "online_depth": brain.online_depth,
        "online_depth_title": dict(ONLINE_DEPTHS).get(brain.online_depth),
        "promised_limit": _value(brain.promised_limit),
        "promised_limit_unit": _value(brain.promised_limit_unit),
        "department": department,
    }


def _value(metadata):
    # A column an object had no value for holds Missing.Value.
    return metadata if isinstance(metadata, (int, str)) else None


def _text_search(catalog, query, q):
    """Add the text search for ``q`` to ``query`` and return what it matches.

    :returns: ``(query, record ids)``; the query holds the strict text
        search, or the relaxed one when only that finds something.
    """
    strict = text_query(q)
    if not strict:
        return query, _record_ids(catalog, query)
    for text in (strict, relaxed_text_query(q)):
        if text is None:
            continue
        candidate = {**query, "SearchableText": text}
        try:
            found = _record_ids(catalog, candidate)
        except (ParseError, QueryError):
            found = IISet()
        if found:
            return candidate, found
    return {**query, "SearchableText": strict}, IISet()


def _department_facet(records, counts, selected_uid):
    facet = _facet(
        [(record["uid"], record["title"]) for record in records], counts, selected_uid
    )
    ids = {record["uid"]: record["id"] for record in records}
    # Filter links name a department by its readable id, not by its UID.
    return [dict(entry, value=ids[entry["value"]]) for entry in facet]


def search_items(
    q=None,
    department=None,
    theme=None,
    party=None,
    item_type=None,
    depth=None,
    b_start=0,
    b_size=20,
):
    """Search the catalogue's items and count them by facet.

    Each facet counts the items that match the search and every *other*
    filter, so its counts say how many items picking that value would list.

    :param q: words to search for in titles, codes, conditions and material
        names; Chinese text may be any part of a title.
    :param department: a department's id or short code.
    :param theme: a theme code (for persons or companies).
    :param party: ``"person"`` or ``"legal"``.
    :param item_type: an item type code such as ``"01"``.
    :param depth: an online depth, ``"1"`` to ``"4"``.
    :param b_start: the index of the first item to return.
    :param b_size: how many items to return at most; ``0`` counts only.
    :returns: a dict with ``items`` (dicts of the page's items, see below),
        ``total``, ``b_start``, ``b_size``, ``filters`` (the filters in
        effect as ``{parameter: URL value}``; unknown values are dropped),
        ``departments`` (as :func:`departments` returns them) and
        ``facets``: ``department``, ``person_theme``, ``company_theme``,
        ``party``, ``item_type`` and ``depth``, each a list of dicts with
        ``value``, ``title``, ``count`` and ``selected``. An item's dict has
        ``uid``, ``title``, ``description``, ``url``, ``review_state``,
        ``implementation_code``, ``item_type`` (+ ``_title``),
        ``online_depth`` (+ ``_title``), ``promised_limit``,
        ``promised_limit_unit`` and ``department`` (a department dict or
        ``None``).
    """
    catalog = api.portal.get_tool("portal_catalog")
    records = departments()
    filters = _item_filters(records, department, theme, party, item_type, depth)
    b_start = max(int(b_start or 0), 0)
    b_size = max(int(b_size or 0), 0)
    query, base = _text_search(catalog, {"portal_type": ITEM_TYPE}, q)

    value_sets = {
        parameter: _value_sets(catalog, index)
        for parameter, index in FILTER_INDEXES.items()
    }
    chosen = {
        parameter: value_sets[parameter].get(index_value, IISet())
        for parameter, (index_value, _url_value) in filters.items()
    }
    counts = {}
    for parameter in FILTER_INDEXES:
        others = [rids for name, rids in chosen.items() if name != parameter]
        counts[parameter] = _counts(_intersect([base, *others]), value_sets[parameter])
    matched = _intersect([base, *chosen.values()])

    items = []
    if matched and b_size:
        for parameter, (index_value, _url_value) in filters.items():
            query[FILTER_INDEXES[parameter]] = index_value
        if "SearchableText" not in query:
            query["sort_on"] = "sortable_title"
        # With b_start and b_size the catalog returns just the page's brains.
        brains = catalog.searchResults(b_start=b_start, b_size=b_size, **query)
        by_uid = {record["uid"]: record for record in records}
        items = [_item_record(brain, by_uid) for brain in brains[:b_size]]

    selected = {name: index_value for name, (index_value, _url) in filters.items()}
    theme_list = themes()
    person_themes = [
        (code, title) for code, title, who in theme_list if who == "person"
    ]
    company_themes = [
        (code, title) for code, title, who in theme_list if who == "legal"
    ]
    return {
        "items": items,
        "total": len(matched),
        "b_start": b_start,
        "b_size": b_size,
        "filters": {name: url_value for name, (_index, url_value) in filters.items()},
        "departments": records,
        "facets": {
            "department": _department_facet(
                records, counts["department"], selected.get("department")
            ),
            "person_theme": _facet(
                person_themes, counts["theme"], selected.get("theme")
            ),
            "company_theme": _facet(
                company_themes, counts["theme"], selected.get("theme")
            ),
            "party": _facet(SERVED_PARTIES, counts["party"], selected.get("party")),
            "item_type": _facet(
                ITEM_TYPES, counts["item_type"], selected.get("item_type")
            ),
            "depth": _facet(ONLINE_DEPTHS, counts["depth"], selected.get("depth")),
        },
    }


def _file_record(url, entry):
    field, filename, size, content_type = entry
    return {
        "field": field,
        "title": DOWNLOAD_TITLES.get(field, field),
        "filename": filename,
        "size": size,
        "content_type": content_type,
        "url": f"{url}/@@download/{field}",
    }


def _items_by_path(catalog, paths):
    """Return ``{path: {"title", "url"}}`` of the items at ``paths``."""
    if not paths:
        return {}
    # Without show_inactive, Plone would load every object named in a path
    # query to check whether the user may see it before its effective date.
    brains = catalog.searchResults(
        portal_type=ITEM_TYPE,
        path={"query": sorted(paths), "depth": 0},
        show_inactive=True,
    )
    return {
        brain.getPath(): {"title": brain.Title, "url": brain.getURL()}
        for brain in brains
    }


def list_downloads(q=None, department=None, b_start=0, b_size=50):
    """List the materials that have a blank form or a filled-in sample.

    :param q: words to search for in the material's name, its explanation
        and its item's title.
    :param department: a department's id or short code.
    :param b_start: the index of the first material to return.
    :param b_size: how many materials to return at most; ``0`` counts only.
    :returns: a dict with ``items``, ``total`` (materials with a download,
        after search and filter), ``b_start``, ``b_size``, ``filters``
        (``{"department": id}`` when one is in effect), ``departments`` (as
        :func:`departments` returns them) and ``facets`` with ``department``
        (dicts of ``value``, ``title``, ``count``, ``selected``). Each item
        is a dict with ``uid``, ``title``, ``url``, ``department``, ``item``
        (``{"title", "url"}`` of its service item, or ``None`` if the user
        may not see it) and ``files``: dicts with ``field`` (``template``
        or ``sample``), ``title``, ``filename``, ``size``, ``content_type``
        and ``url``, a download URL.
    """
    catalog = api.portal.get_tool("portal_catalog")
    records = departments()
    record = find_department(department, records)
    b_start = max(int(b_start or 0), 0)
    b_size = max(int(b_size or 0), 0)
    query, base = _text_search(
        catalog, {"portal_type": MATERIAL_TYPE, "has_template": True}, q
    )

    department_sets = _value_sets(catalog, "department_uid")
    counts = _counts(base, department_sets)
    matched = base
    if record is not None:
        matched = intersection(base, department_sets.get(record["uid"], IISet()))

    items = []
    if matched and b_size:
        if record is not None:
            query["department_uid"] = record["uid"]
        if "SearchableText" not in query:
            # Sorting by the item's code keeps an item's materials together;
            # a second sort index would cost more than the rest of the query.
            query["sort_on"] = "implementation_code"
        brains = list(
            catalog.searchResults(b_start=b_start, b_size=b_size, **query)[:b_size]
        )
        item_paths = {brain.getPath().rsplit("/", 1)[0] for brain in brains}
        parents = _items_by_path(catalog, item_paths)
        by_uid = {entry["uid"]: entry for entry in records}
        for brain in brains:
            url = brain.getURL()
            items.append(
                {
                    "uid": brain.UID,
                    "title": brain.Title,
                    "url": url,
                    "department": by_uid.get(brain.department_uid),
                    "item": parents.get(brain.getPath().rsplit("/", 1)[0]),
                    "files": [
                        _file_record(url, entry)
                        for entry in _value_tuple(brain.download_files)
                    ],
                }
            )

    return {
        "items": items,
        "total": len(matched),
        "b_start": b_start,
        "b_size": b_size,
        "filters": {"department": record["id"]} if record is not None else {},
        "departments": records,
        "facets": {
            "department": _department_facet(
                records, counts, record["uid"] if record is not None else None
            ),
        },
    }


def _value_tuple(metadata):
    return metadata if isinstance(metadata, (tuple, list)) else ()


def visible_materials(item):
    """Return the materials of an item the current user may see, in order.

    An item has a handful of materials, so its children are read directly:
    a catalog query would cost more as the whole catalogue grows.

    :param item: a service item.
    :returns: a list of materials in the item's folder order.
    """
    security = getSecurityManager()
    return [
        child
        for child in item.objectValues()
        if IMaterial.providedBy(child) and security.checkPermission("View", child)
    ]


def _gap(element, materials=()):
    return {
        "element": element,
        "title": GUIDE_ELEMENTS[element],
        "materials": list(materials),
    }


def _has_text(value):
    return bool(re.sub(r"<[^>]*>|&nbsp;|\s", "", value or ""))


def guide_gaps(item):
    """Name the elements a service item's guide still lacks.

    A complete guide states its acceptance conditions, lists at least one
    material, gives the statutory and the promised time limit, describes at
    least one process step, cites its legal basis and offers a blank form
    for every material that is filled in on the department's form.

    :param item: a service item.
    :returns: a list of dicts with ``element`` (a key of
        :data:`GUIDE_ELEMENTS`), ``title`` (a message) and ``materials``
        (for ``templates``: the names of the materials without their blank
        form; otherwise empty); empty when the guide is complete.
    """
    materials = [obj for obj in item.objectValues() if IMaterial.providedBy(obj)]
    legal_basis = getattr(item.legal_basis, "raw", None)
    gaps = []
    if not _has_text(item.conditions):
        gaps.append(_gap("conditions"))
    if not materials:
        gaps.append(_gap("materials"))
    if item.statutory_limit is None or item.promised_limit is None:
        gaps.append(_gap("time_limits"))
    if not any(_has_text((step or {}).get("name")) for step in item.steps or ()):
        gaps.append(_gap("steps"))
    if not _has_text(legal_basis):
        gaps.append(_gap("legal_basis"))
    lacking = [m.Title() for m in materials if m.needs_template and m.template is None]
    if lacking:
        gaps.append(_gap("templates", lacking))
    return gaps


def completeness(department=None):
    """Check every guide of the catalogue, department by department.

    This reads each item and its materials, so it suits the centre's
    occasional check rather than a public page.

    :param department: a department's id or short code to check only that
        department; ``None`` checks them all.
    :returns: a list, in the departments' order, of dicts with
        ``department`` (as :func:`departments` returns it), ``checked`` (how
        many items were checked) and ``items``: the incomplete items only,
        dicts with ``uid``, ``title``, ``url``, ``review_state`` and
        ``gaps`` (as :func:`guide_gaps` returns them). An unknown
        department gives an empty list.
    """
    records = departments()
    if department:
        record = find_department(department, records)
        records = [record] if record is not None else []

    report = []
    for record in records:
        brains = api.content.find(
            portal_type=ITEM_TYPE,
            department_uid=record["uid"],
            sort_on="sortable_title",
        )
        incomplete = []
        for brain in brains:
            gaps = guide_gaps(brain.getObject())
            if gaps:
                incomplete.append(
                    {
                        "uid": brain.UID,
                        "title": brain.Title,
                        "url": brain.getURL(),
                        "review_state": brain.review_state,
                        "gaps": gaps,
                    }
                )
        report.append(
            {"department": record, "checked": len(brains), "items": incomplete}
        )
    return report
