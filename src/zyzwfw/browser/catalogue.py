"""The catalogue's pages on the site root: the guide listing, downloads, gaps.

The pages read the request, ask :mod:`zyzwfw.catalogue` and turn its answer
into links; every filter combination is a plain GET URL, so a citizen can
bookmark or share what they found.
"""

from plone import api
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zyzwfw import _
from zyzwfw.catalogue import completeness
from zyzwfw.catalogue import departments
from zyzwfw.catalogue import list_downloads
from zyzwfw.catalogue import search_items


# Request parameters of the catalogue page, in the order URLs name them.
GUIDE_PARAMETERS = ("q", "department", "theme", "party", "item_type", "depth")

FACET_GROUPS = (
    ("department", "department", _("facet_department", default="Department")),
    (
        "person_theme",
        "theme",
        _("facet_person_theme", default="For individuals"),
    ),
    (
        "company_theme",
        "theme",
        _("facet_company_theme", default="For companies"),
    ),
    ("party", "party", _("facet_party", default="Served party")),
    ("item_type", "item_type", _("facet_item_type", default="Item type")),
    ("depth", "depth", _("facet_depth", default="Online depth")),
)

# Longer values are not search words or codes; cut them before the catalog.
MAX_PARAMETER_LENGTH = 100


def request_value(request, name):
    """Return a request parameter as one stripped string.

    :param request: the request.
    :param name: the parameter's name.
    :returns: the value, the first one if the parameter was repeated, cut to
        :data:`MAX_PARAMETER_LENGTH` characters; ``""`` if absent.
    """
    value = request.form.get(name, "")
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    if not isinstance(value, str):
        return ""
    return value.strip()[:MAX_PARAMETER_LENGTH]


def request_start(request):
    """Return the request's ``b_start`` as a non-negative integer.

    :param request: the request.
    :returns: the start of the page, ``0`` when absent or not a number.
    """
    try:
        return max(int(request_value(request, "b_start") or 0), 0)
    except ValueError:
        return 0


def page_links(url_for, total, b_start, b_size, window=2):
    """Return the links of a pager.

    :param url_for: a function of a ``b_start`` that returns the page's URL.
    :param total: how many entries there are.
    :param b_start: the start of the current page.
    :param b_size: the size of a page.
    :param window: how many pages to show on either side of the current one.
    :returns: ``None`` when everything fits on one page, else a dict with
        ``current`` and ``count`` (page numbers from 1), ``previous`` and
        ``next`` (URLs or ``None``) and ``pages``, a list of dicts with
        ``number``, ``url`` and ``current``.
    """
    if not b_size or total <= b_size:
        return None
    count = (total + b_size - 1) // b_size
    current = min(b_start // b_size + 1, count)
    first = max(current - window, 1)
    last = min(current + window, count)
    return {
        "current": current,
        "count": count,
        "previous": url_for((current - 2) * b_size) if current > 1 else None,
        "next": url_for(current * b_size) if current < count else None,
        "pages": [
            {
                "number": number,
                "url": url_for((number - 1) * b_size),
                "current": number == current,
            }
            for number in range(first, last + 1)
        ],
    }


def limit_text(limit, unit):
    """Return a time limit as a message, e.g. ``3 个工作日``.

    :param limit: a number of days, or ``None``.
    :param unit: ``"working_days"`` or ``"calendar_days"``.
    :returns: a message; ``None`` when there is no limit.
    """
    if limit is None:
        return None
    if limit == 0:
        return _("limit_immediate", default="Decided on the spot")
    if unit == "calendar_days":
        return _(
            "limit_calendar_days",
            default="${limit} calendar days",
            mapping={"limit": limit},
        )
    return _(
        "limit_working_days", default="${limit} working days", mapping={"limit": limit}
    )


class CatalogueView(BrowserView):
    """The catalogue of items (办事指南): search, filters and results."""

    b_size = 20

    def __call__(self):
        self._page_url = f"{self.context.absolute_url()}/{self.__name__}"
        self.parameters = {
            name: request_value(self.request, name) for name in GUIDE_PARAMETERS
        }
        self.result = search_items(
            b_start=request_start(self.request),
            b_size=self.b_size,
            **self.parameters,
        )
        return self.index()

    @property
    def page_url(self):
        """The URL of this page without parameters."""
        return self._page_url

    def current(self):
        """Return the parameters in effect: the search words and valid filters.

        :returns: a dict of parameter names to values.
        """
        current = dict(self.result["filters"])
        if self.parameters["q"]:
            current["q"] = self.parameters["q"]
        return current

    def url(self, **changes):
        """Return this page's URL with some parameters changed.

        :param changes: parameter values; ``None`` removes a parameter.
        :returns: the URL; it starts from the first page unless ``b_start``
            is among the changes.
        """
        parameters = {**self.current(), **changes}
        query = [
            (name, parameters[name])
            for name in (*GUIDE_PARAMETERS, "b_start")
            if parameters.get(name) not in (None, "")
        ]
        return f"{self.page_url}?{urlencode(query)}" if query else self.page_url

    def facet_groups(self):
        """Return the filter lists that have something to pick.

        :returns: a list of dicts with ``id``, ``title`` and ``options``
            (dicts with ``title``, ``count``, ``selected`` and ``url``, which
            picks the option or, when it is selected, drops it).
        """
        groups = []
        for facet, parameter, title in FACET_GROUPS:
            options = [
                {
                    "title": entry["title"],
                    "count": entry["count"],
                    "selected": entry["selected"],
                    "url": self.url(
                        **{parameter: None if entry["selected"] else entry["value"]}
                    ),
                }
                for entry in self.result["facets"][facet]
            ]
            if options:
                groups.append({"id": facet, "title": title, "options": options})
        return groups

    def active_filters(self):
        """Return the search words and filters in effect, each removable.

        :returns: a list of dicts with ``label``, ``value`` and ``url``, the
            URL of this page without that filter.
        """
        active = []
        if self.parameters["q"]:
            active.append(
                {
                    "label": _("filter_search_words", default="Search"),
                    "value": self.parameters["q"],
                    "url": self.url(q=None),
                }
            )
        for facet, parameter, title in FACET_GROUPS:
            for entry in self.result["facets"][facet]:
                if entry["selected"]:
                    active.append(
                        {
                            "label": title,
                            "value": entry["title"],
                            "url": self.url(**{parameter: None}),
                        }
                    )
        return active

    def hidden_filters(self):
        """Return the filters the search form keeps when new words are sent.

        :returns: a list of ``(name, value)`` pairs.
        """
        return [
            (name, value) for name, value in self.result["filters"].items() if value
        ]

    def items(self):
        """Return the page's items with their time limit ready to show.

        :returns: the item dicts of :func:`zyzwfw.catalogue.search_items`,
            each with ``limit``, a message or ``None``.
        """
        return [
            dict(
                item,
                limit=limit_text(item["promised_limit"], item["promised_limit_unit"]),
            )
            for item in self.result["items"]
        ]

    def pager(self):
        """Return the pager's links, or ``None``; see :func:`page_links`."""
        return page_links(
            lambda b_start: self.url(b_start=b_start or None),
            self.result["total"],
            self.result["b_start"],
            self.result["b_size"],
        )


def file_size(size):
    """Return a file size as readers expect it, e.g. ``12 KB``.

    :param size: a size in bytes.
    :returns: the size in B, KB or MB.
    """
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{(size + 1023) // 1024} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def file_kind(filename):
    """Return a file's extension in capitals, e.g. ``DOCX``.

    :param filename: a file name.
    :returns: the extension, or ``""``.
    """
    _stem, dot, extension = (filename or "").rpartition(".")
    return extension.upper() if dot else ""


class DownloadsView(BrowserView):
    """The download centre (表格下载): every blank form and sample."""

    b_size = 30

    def __call__(self):
        self._page_url = f"{self.context.absolute_url()}/{self.__name__}"
        self.q = request_value(self.request, "q")
        self.result = list_downloads(
            q=self.q,
            department=request_value(self.request, "department"),
            b_start=request_start(self.request),
            b_size=self.b_size,
        )
        return self.index()

    @property
    def page_url(self):
        """The URL of this page without parameters."""
        return self._page_url

    def url(self, **changes):
        """Return this page's URL with some parameters changed.

        :param changes: parameter values; ``None`` removes a parameter.
        :returns: the URL.
        """
        parameters = {"q": self.q, **self.result["filters"], **changes}
        query = [
            (name, parameters[name])
            for name in ("q", "department", "b_start")
            if parameters.get(name) not in (None, "")
        ]
        return f"{self.page_url}?{urlencode(query)}" if query else self.page_url

    def department_options(self):
        """Return the departments for the filter, with their counts.

        :returns: a list of dicts with ``value``, ``title``, ``count`` and
            ``selected``.
        """
        return self.result["facets"]["department"]

    def items(self):
        """Return the page's materials with their files described for reading.

        :returns: the dicts of :func:`zyzwfw.catalogue.list_downloads`, each
            file with ``kind`` and ``size_text`` added.
        """
        return [
            dict(
                item,
                files=[
                    dict(
                        entry,
                        kind=file_kind(entry["filename"]),
                        size_text=file_size(entry["size"]),
                    )
                    for entry in item["files"]
                ],
            )
            for item in self.result["items"]
        ]

    def pager(self):
        """Return the pager's links, or ``None``; see :func:`page_links`."""
        return page_links(
            lambda b_start: self.url(b_start=b_start or None),
            self.result["total"],
            self.result["b_start"],
            self.result["b_size"],
        )


class CompletenessView(BrowserView):
    """The centre's check of the guides (指南完整性检查), department by department."""

    def __call__(self):
        self.department = request_value(self.request, "department")
        self.report = completeness(department=self.department or None)
        return self.index()

    def departments(self):
        """Return the departments for the filter.

        :returns: a list of dicts with ``id``, ``title`` and ``selected``.
        """
        selected = {entry["department"]["id"] for entry in self.report}
        return [
            dict(record, selected=bool(self.department) and record["id"] in selected)
            for record in departments()
        ]

    def totals(self):
        """Return how many items were checked and how many are incomplete.

        :returns: a dict with ``checked`` and ``incomplete``.
        """
        return {
            "checked": sum(entry["checked"] for entry in self.report),
            "incomplete": sum(len(entry["items"]) for entry in self.report),
        }

    def state_title(self, review_state):
        """Return the title of a review state, for the editors' orientation.

        :param review_state: a state id.
        :returns: the state's title in the publication workflow.
        """
        workflow = api.portal.get_tool("portal_workflow")
        state = workflow["zyzwfw_publication_workflow"].states.get(review_state)
        return state.title if state is not None else review_state
