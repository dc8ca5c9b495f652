"""ServiceItem (政务服务事项): an item of the catalogue with its guide."""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldFactory
from collective.z3cform.datagridfield.row import DictRow
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant
from zyzwfw import _


class IProcessStep(Interface):
    """One step (环节) of an item's process."""

    name = schema.TextLine(title=_("label_step_name", default="Step"))
    post = schema.TextLine(title=_("label_step_post", default="Post"), required=False)
    responsible = schema.TextLine(
        title=_("label_step_responsible", default="Responsible person"),
        required=False,
    )
    time_limit = schema.Int(
        title=_("label_step_time_limit", default="Time limit (working days)"),
        min=0,
        required=False,
    )


class IFaqEntry(Interface):
    """A frequently asked question about an item, with its answer."""

    question = schema.TextLine(title=_("label_faq_question", default="Question"))
    answer = schema.Text(title=_("label_faq_answer", default="Answer"))


class IServiceItem(model.Schema):
    """An administrative approval or public-service item and its guide."""

    model.fieldset(
        "guide",
        label=_("fieldset_guide", default="Guide"),
        fields=[
            "legal_basis",
            "conditions",
            "steps",
            "statutory_limit",
            "statutory_limit_unit",
            "promised_limit",
            "promised_limit_unit",
            "limit_note",
        ],
    )
    model.fieldset(
        "handling",
        label=_("fieldset_handling", default="Handling"),
        fields=[
            "charges",
            "charge_basis",
            "charge_standard",
            "handling_forms",
            "place",
            "hours",
            "consultation_phone",
            "complaint_phone",
            "visits",
            "online_depth",
            "priority_category",
        ],
    )
    model.fieldset(
        "faq",
        label=_("fieldset_faq", default="Questions"),
        fields=["faq"],
    )

    basic_code = schema.ASCIILine(
        title=_("label_basic_code", default="Basic code"),
        required=False,
    )

    implementation_code = schema.ASCIILine(
        title=_("label_implementation_code", default="Implementation code"),
        description=_(
            "help_implementation_code",
            default="Unique in the hall; spreadsheets find the item by it.",
        ),
        required=True,
    )

    item_type = schema.Choice(
        title=_("label_item_type", default="Item type"),
        vocabulary="zyzwfw.ItemTypes",
        required=True,
    )

    served_parties = schema.List(
        title=_("label_served_parties", default="Served party"),
        value_type=schema.Choice(vocabulary="zyzwfw.ServedParties"),
        min_length=1,
        required=True,
        default=["person"],
    )

    themes = schema.List(
        title=_("label_themes", default="Themes"),
        value_type=schema.Choice(vocabulary="zyzwfw.Themes"),
        required=False,
        default=[],
    )

    handling_kind = schema.Choice(
        title=_("label_handling_kind", default="Kind of item"),
        vocabulary="zyzwfw.HandlingKinds",
        default="promised",
        required=True,
    )

    legal_basis = RichText(
        title=_("label_legal_basis", default="Legal basis"),
        required=False,
    )

    conditions = schema.Text(
        title=_("label_conditions", default="Acceptance conditions"),
        required=False,
    )

    directives.widget("steps", DataGridFieldFactory, allow_reorder=True)
    steps = schema.List(
        title=_("label_steps", default="Process steps"),
        value_type=DictRow(title="step", schema=IProcessStep),
        required=False,
        default=[],
    )

    statutory_limit = schema.Int(
        title=_("label_statutory_limit", default="Statutory time limit"),
        min=0,
        required=False,
    )

    statutory_limit_unit = schema.Choice(
        title=_("label_statutory_limit_unit", default="Unit of the statutory limit"),
        vocabulary="zyzwfw.TimeLimitUnits",
        default="working_days",
        required=True,
    )

    promised_limit = schema.Int(
        title=_("label_promised_limit", default="Promised time limit"),
        min=0,
        required=False,
    )

    promised_limit_unit = schema.Choice(
        title=_("label_promised_limit_unit", default="Unit of the promised limit"),
        vocabulary="zyzwfw.TimeLimitUnits",
        default="working_days",
        required=True,
    )

    limit_note = schema.Text(
        title=_("label_limit_note", default="Note on the time limits"),
        required=False,
    )

    charges = schema.Bool(
        title=_("label_charges", default="A fee is charged"),
        default=False,
        required=False,
    )

    charge_basis = schema.Text(
        title=_("label_charge_basis", default="Basis of the fee"),
        required=False,
    )

    charge_standard = schema.Text(
        title=_("label_charge_standard", default="Fee standard"),
        required=False,
    )

    handling_forms = schema.List(
        title=_("label_handling_forms", default="Ways to apply"),
        value_type=schema.Choice(vocabulary="zyzwfw.HandlingForms"),
        default=["window"],
        required=False,
    )

    place = schema.TextLine(
        title=_("label_place", default="Place"),
        required=False,
    )

    hours = schema.TextLine(
        title=_("label_hours", default="Hours"),
        required=False,
    )

    consultation_phone = schema.TextLine(
        title=_("label_consultation_phone", default="Consultation phone"),
        description=_(
            "help_item_phone",
            default="Leave empty to use the department's number.",
        ),
        required=False,
    )

    complaint_phone = schema.TextLine(
        title=_("label_complaint_phone", default="Complaint phone"),
        description=_(
            "help_item_phone",
            default="Leave empty to use the department's number.",
        ),
        required=False,
    )

    visits = schema.Int(
        title=_("label_visits", default="On-site visits required"),
        min=0,
        default=1,
        required=True,
    )

    online_depth = schema.Choice(
        title=_("label_online_depth", default="Online depth"),
        vocabulary="zyzwfw.OnlineDepths",
        default="2",
        required=True,
    )

    priority_category = schema.Choice(
        title=_("label_priority_category", default="Priority for online approval"),
        vocabulary="zyzwfw.PriorityCategories",
        required=False,
    )

    directives.widget("faq", DataGridFieldFactory, allow_reorder=True)
    faq = schema.List(
        title=_("label_faq", default="Frequently asked questions"),
        value_type=DictRow(title="faq", schema=IFaqEntry),
        required=False,
        default=[],
    )

    @invariant
    def fully_online_needs_no_visit(data):
        if data.online_depth == "4" and (data.visits or 0) > 0:
            raise Invalid(
                _(
                    "error_depth_four_visits",
                    default="An item handled fully online (depth IV) cannot "
                    "require on-site visits.",
                )
            )


@implementer(IServiceItem)
class ServiceItem(Container):
    """A service item; its materials are its children."""

    def department(self):
        """Return the department the item belongs to, or ``None``."""
        from zyzwfw.content.department import IDepartment

        parent = self.__parent__
        return parent if IDepartment.providedBy(parent) else None

    def effective_consultation_phone(self):
        """Return the item's consultation phone, else its department's."""
        department = self.department()
        return self.consultation_phone or getattr(
            department, "consultation_phone", None
        )

    def effective_complaint_phone(self):
        """Return the item's complaint phone, else its department's."""
        department = self.department()
        return self.complaint_phone or getattr(department, "complaint_phone", None)

    def can_apply_online(self):
        """Return ``True`` if the item's online depth allows an application."""
        return (self.online_depth or "1") >= "2"
