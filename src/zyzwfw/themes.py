"""Themes of the catalogue: life events for persons, business themes for companies.

Themes are data the centre edits in the hall control panel, one
``code|title`` a line; these defaults are what a new hall starts with.
"""

from plone import api


DEFAULT_PERSON_THEMES = (
    "birth|生育收养",
    "education|教育培训",
    "employment|就业创业",
    "social_security|社会保障",
    "housing|住房保障",
    "marriage|婚姻登记",
    "health|医疗卫生",
    "transport|交通出行",
    "culture|文化体育",
    "elderly|养老服务",
    "identity|户籍身份",
    "funeral|死亡殡葬",
)

DEFAULT_COMPANY_THEMES = (
    "establishment|设立变更",
    "qualification|资质认定",
    "construction|工程建设",
    "land|用地规划",
    "production|生产经营",
    "food_drug|食品药品",
    "transport_logistics|交通物流",
    "environment|环境保护",
    "taxation|财税金融",
    "meteorology|气象服务",
    "culture_tourism|文化旅游",
    "cancellation|注销退出",
)


def parse_themes(lines, party):
    """Parse theme definitions of the form ``code|title``.

    :param lines: iterable of ``code|title`` strings; blank or malformed
        lines are skipped.
    :param party: ``"person"`` or ``"legal"``, recorded on each theme.
    :returns: a list of ``(code, title, party)`` tuples in the given order.
    """
    parsed = []
    for line in lines or ():
        code, sep, title = (line or "").partition("|")
        if sep and code.strip() and title.strip():
            parsed.append((code.strip(), title.strip(), party))
    return parsed


def themes():
    """Return every theme of the hall: persons' first, then companies'.

    :returns: a list of ``(code, title, party)`` tuples.
    """
    person = api.portal.get_registry_record(
        "zyzwfw.hall.person_themes", default=DEFAULT_PERSON_THEMES
    )
    company = api.portal.get_registry_record(
        "zyzwfw.hall.company_themes", default=DEFAULT_COMPANY_THEMES
    )
    return parse_themes(person, "person") + parse_themes(company, "legal")
