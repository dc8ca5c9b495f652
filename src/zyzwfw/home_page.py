"""What the hall's home page shows: its busiest items, its volume, its news.

The home page and anything else that wants these figures ask this module;
every count comes from the catalog, so the home page never wakes up content
objects. Applications are counted without regard to who asks: the figures
are public, the applications behind them are not.
"""

from collections import Counter
from DateTime import DateTime
from datetime import date
from plone import api
from zyzwfw.catalogue import departments


#: The folders of the news (政务动态) and the notices (通知公告), by id.
NEWS_FOLDER = "news"
NOTICES_FOLDER = "notices"

#: Online depth of the items used to fill the busiest list of a new hall.
FULLY_ONLINE = "4"

APPLICATION_TYPE = "Application"
ITEM_TYPE = "ServiceItem"
# Drafts were never sent; they are not part of what the hall handled.
NOT_SENT = ("draft",)


def _catalog():
    return api.portal.get_tool("portal_catalog")


def _year_range(year):
    start = DateTime(f"{year}/01/01 00:00:00 Asia/Shanghai")
    end = DateTime(f"{year + 1}/01/01 00:00:00 Asia/Shanghai") - 1.0 / 86400
    return {"query": (start, end), "range": "min:max"}


def _sent_applications(year):
    """Return the brains of the applications sent in ``year``, not practice."""
    catalog = _catalog()
    query = {
        "portal_type": APPLICATION_TYPE,
        "submitted_date": _year_range(year),
    }
    # Practice applications of the staff's training are never counted;
    # the index exists once training is part of the hall.
    if "practice" in catalog.indexes():
        query["practice"] = False
    brains = catalog.unrestrictedSearchResults(**query)
    return [brain for brain in brains if brain.review_state not in NOT_SENT]


def online_volume(year=None):
    """Count the applications sent online in a year.

    :param year: the calendar year; the current one by default.
    :returns: how many applications were submitted in that year, drafts and
        practice applications left out.
    """
    year = year or date.today().year
    return len(_sent_applications(year))


def busiest_items(limit=8, year=None):
    """Return the items most applied for this year, busiest first.

    A hall without applications yet shows its fully online items instead,
    so that the list is never empty.

    :param limit: how many items to return at most.
    :param year: the calendar year counted; the current one by default.
    :returns: a list of dicts with ``title``, ``url``, ``department`` and
        ``count`` (applications sent this year).
    """
    year = year or date.today().year
    catalog = _catalog()
    index = catalog._catalog.getIndex("item_uid")
    counts = Counter()
    for brain in _sent_applications(year):
        uid = index.getEntryForObject(brain.getRID())
        if uid:
            counts[uid] += 1

    chosen = []
    for uid, count in counts.most_common():
        brains = catalog(UID=uid, portal_type=ITEM_TYPE, review_state="published")
        if brains:
            chosen.append((brains[0], count))
        if len(chosen) == limit:
            break
    if len(chosen) < limit:
        seen = {brain.UID for brain, _count in chosen}
        for brain in catalog(
            portal_type=ITEM_TYPE,
            online_depth=FULLY_ONLINE,
            review_state="published",
            sort_on="sortable_title",
        ):
            if brain.UID not in seen:
                chosen.append((brain, 0))
            if len(chosen) == limit:
                break

    titles = {record["path"]: record["title"] for record in departments()}
    return [
        {
            "title": brain.Title,
            "url": brain.getURL(),
            "department": titles.get(brain.getPath().rsplit("/", 1)[0], ""),
            "count": count,
        }
        for brain, count in chosen
    ]


def latest_news(folder_id, limit=5):
    """Return the latest published News Items of a folder of the site.

    :param folder_id: :data:`NEWS_FOLDER` or :data:`NOTICES_FOLDER`.
    :param limit: how many to return at most.
    :returns: a list of dicts with ``title``, ``url``, ``description`` and
        ``date`` (a :class:`datetime.date`, the publication day); empty if
        the folder does not exist.
    """
    portal = api.portal.get()
    folder = portal.get(folder_id)
    if folder is None:
        return []
    brains = api.content.find(
        context=folder,
        portal_type="News Item",
        review_state="published",
        sort_on="effective",
        sort_order="descending",
        sort_limit=limit,
    )[:limit]
    return [
        {
            "title": brain.Title,
            "url": brain.getURL(),
            "description": brain.Description,
            "date": brain.effective.asdatetime().date(),
        }
        for brain in brains
    ]


def folder_url(folder_id):
    """Return the URL of one of the site's folders, or ``None`` if missing.

    :param folder_id: the folder's id in the site root.
    """
    folder = api.portal.get().get(folder_id)
    return folder.absolute_url() if folder is not None else None
