"""Marker and settings interfaces of the hall."""

from zope import schema
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer
from zyzwfw import _
from zyzwfw.themes import DEFAULT_COMPANY_THEMES
from zyzwfw.themes import DEFAULT_PERSON_THEMES


class IZyzwfwLayer(IDefaultBrowserLayer):
    """Browser layer active on a site where the hall profile is installed."""


class IHallSettings(Interface):
    """Settings of the hall, kept in the registry and edited in its control panel.

    Later parts of the hall add their settings to this control panel as
    further schemata, so that the centre finds everything in one place.
    """

    hall_name = schema.TextLine(
        title=_("label_hall_name", default="Hall name"),
        description=_(
            "help_hall_name",
            default="Shown in the header of every page and in notifications.",
        ),
        default="资阳市电子政务大厅",
        required=True,
    )

    centre_name = schema.TextLine(
        title=_("label_centre_name", default="Centre name"),
        description=_(
            "help_centre_name",
            default="The government service centre that runs the hall.",
        ),
        default="资阳市政务服务中心",
        required=True,
    )

    address = schema.TextLine(
        title=_("label_address", default="Address"),
        default="四川省资阳市雁江区政务服务中心大楼",
        required=False,
    )

    phone = schema.TextLine(
        title=_("label_phone", default="Telephone"),
        default="028-26110000",
        required=False,
    )

    office_hours = schema.TextLine(
        title=_("label_office_hours", default="Office hours"),
        default="工作日 上午9:00—12:00，下午13:30—17:00",
        required=False,
    )

    email = schema.TextLine(
        title=_("label_hall_email", default="E-mail"),
        default="zwfw@ziyang.example.cn",
        required=False,
    )

    person_themes = schema.List(
        title=_("label_person_themes", default="Themes for individuals"),
        description=_(
            "help_themes",
            default="One theme a line, as code|name; the code never changes "
            "once items use it.",
        ),
        value_type=schema.TextLine(),
        default=list(DEFAULT_PERSON_THEMES),
        required=False,
    )

    company_themes = schema.List(
        title=_("label_company_themes", default="Themes for companies"),
        description=_(
            "help_themes",
            default="One theme a line, as code|name; the code never changes "
            "once items use it.",
        ),
        value_type=schema.TextLine(),
        default=list(DEFAULT_COMPANY_THEMES),
        required=False,
    )
