"""A department's implementation list (实施清单) as an Excel workbook.

The implementation list is every item of one department with its guide, its
materials, its process steps and its frequently asked questions. Departments
keep it in a spreadsheet; this module writes that spreadsheet from the items
and reads it back into them. The browser page and the console command both
call :func:`export_department` and :func:`import_department`.

The workbook has five sheets:

``事项``
    One row per item, found by its implementation code (实施编码).
``材料``
    One row per material, found by its name within the item whose
    implementation code the row names.
``环节`` and ``常见问题``
    An item's process steps and questions, in order, keyed by implementation
    code; an item with no rows there has none.
``说明``
    What each column takes and the allowed values of every code list. It is
    written for the reader and ignored on import.

Code-list columns are written as their Chinese names; on import either the
name or the code is accepted. Several values in one cell are separated by
"；". Yes/no columns take 是 or 否.

An import checks every row of every sheet first; when anything is wrong it
changes nothing and reports each problem by sheet, row and column. Otherwise
it creates the new items (private, like everything new) and materials, and
sets on the existing ones only the fields whose value changed, so that
importing an unchanged file changes nothing at all. Items and materials not
in the file are kept, and so are the blank forms and samples of materials,
which a spreadsheet cannot carry.
"""

from dataclasses import dataclass
from dataclasses import field
from html import escape
from html.parser import HTMLParser
from openpyxl.styles import Alignment
from openpyxl.styles import Font
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from plone import api
from plone.app.dexterity.behaviors.metadata import IBasic
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import createContentInContainer
from zope.event import notify
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent
from zyzwfw import _
from zyzwfw import logger
from zyzwfw.content.material import IMaterial
from zyzwfw.content.service_item import IServiceItem
from zyzwfw.themes import themes
from zyzwfw.vocabularies import catalogue

import datetime
import io
import openpyxl
import re
import zipfile


ITEMS_SHEET = "事项"
MATERIALS_SHEET = "材料"
STEPS_SHEET = "环节"
FAQ_SHEET = "常见问题"
NOTES_SHEET = "说明"

#: Separates several values in one cell.
SEPARATOR = "；"
YES = "是"
NO = "否"

#: The language the workbook is written in.
LANGUAGE = "zh_CN"

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#: Largest workbook accepted, and the most its parts may unpack to: a
#: department's list is a few hundred kilobytes, so anything near these
#: limits is not an implementation list, or is a zip bomb.
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024

ITEM_TYPE = "ServiceItem"
MATERIAL_TYPE = "Material"

ADD_ITEM_PERMISSION = "zyzwfw: Add ServiceItem"
ADD_MATERIAL_PERMISSION = "zyzwfw: Add Material"
MODIFY_PERMISSION = "Modify portal content"

# Kinds of cell: how a value is read from a cell and written into one.
LINE = "line"  # one line of text
TEXT = "text"  # text with line breaks
ASCII = "ascii"  # one line of ASCII, for codes
HTML = "html"  # rich text, one paragraph per line
INT = "int"  # a whole number of zero or more
BOOL = "bool"  # 是 or 否
CODE = "code"  # one value of a code list
CODES = "codes"  # several values of a code list

KEY = "implementation_code"


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its heading, the field it holds and how."""

    heading: str
    field: str
    kind: str
    required: bool = False
    codes: str | None = None
    default: object = None
    hint: Message | None = None


_KEY_HINT = _(
    "hint_list_key",
    default="The implementation code of an item of the sheet ${sheet}.",
    mapping={"sheet": ITEMS_SHEET},
)

ITEM_COLUMNS = (
    Column(
        "实施编码",
        KEY,
        ASCII,
        required=True,
        hint=_(
            "hint_list_item_key",
            default="Finds the item: a new code adds an item, a known code "
            "updates it. Unique in the hall.",
        ),
    ),
    Column("事项名称", "title", LINE, required=True),
    Column("基本编码", "basic_code", ASCII),
    Column("事项简介", "description", TEXT),
    Column("事项类型", "item_type", CODE, required=True, codes="item_types"),
    Column("服务对象", "served_parties", CODES, required=True, codes="parties"),
    Column("主题分类", "themes", CODES, codes="themes"),
    Column("办件类型", "handling_kind", CODE, required=True, codes="handling_kinds"),
    Column("设定依据", "legal_basis", HTML),
    Column("受理条件", "conditions", TEXT),
    Column("法定办结时限", "statutory_limit", INT),
    Column(
        "法定时限单位",
        "statutory_limit_unit",
        CODE,
        codes="units",
        default="working_days",
    ),
    Column("承诺办结时限", "promised_limit", INT),
    Column(
        "承诺时限单位",
        "promised_limit_unit",
        CODE,
        codes="units",
        default="working_days",
    ),
    Column("时限说明", "limit_note", TEXT),
    Column("是否收费", "charges", BOOL),
    Column("收费依据", "charge_basis", TEXT),
    Column("收费标准", "charge_standard", TEXT),
    Column("办理形式", "handling_forms", CODES, codes="handling_forms"),
    Column("办理地点", "place", LINE),
    Column("办理时间", "hours", LINE),
    Column("咨询电话", "consultation_phone", LINE),
    Column("投诉电话", "complaint_phone", LINE),
    Column("到现场次数", "visits", INT, required=True),
    Column("网办深度", "online_depth", CODE, required=True, codes="depths"),
    Column("网上审批优先类别", "priority_category", CODE, codes="priorities"),
)

MATERIAL_COLUMNS = (
    Column("实施编码", KEY, ASCII, required=True, hint=_KEY_HINT),
    Column(
        "材料名称",
        "title",
        LINE,
        required=True,
        hint=_(
            "hint_list_material_title",
            default="Finds the material within its item: a new name adds a "
            "material, a known name updates it.",
        ),
    ),
    Column("材料类型", "requirement", CODE, required=True, codes="requirements"),
    Column("材料形式", "forms", CODES, required=True, codes="material_forms"),
    Column("原件份数", "originals", INT, required=True),
    Column("复印件份数", "copies", INT, required=True),
    Column("来源渠道", "source", CODE, required=True, codes="sources"),
    Column("填报须知", "explanation", TEXT),
    Column("是否需在线上传", "upload_required", BOOL),
    Column("是否有格式文本", "needs_template", BOOL),
)

STEP_COLUMNS = (
    Column("实施编码", KEY, ASCII, required=True, hint=_KEY_HINT),
    Column("环节名称", "name", LINE, required=True),
    Column("办理岗位", "post", LINE),
    Column("承办人", "responsible", LINE),
    Column("办理时限（工作日）", "time_limit", INT),
)

FAQ_COLUMNS = (
    Column("实施编码", KEY, ASCII, required=True, hint=_KEY_HINT),
    Column("问题", "question", LINE, required=True),
    Column("解答", "answer", TEXT, required=True),
)

SHEETS = (
    (ITEMS_SHEET, ITEM_COLUMNS),
    (MATERIALS_SHEET, MATERIAL_COLUMNS),
    (STEPS_SHEET, STEP_COLUMNS),
    (FAQ_SHEET, FAQ_COLUMNS),
)

# Fields of an item that the items sheet holds; steps and faq come from
# sheets of their own.
ITEM_FIELDS = tuple(column.field for column in ITEM_COLUMNS)
ITEM_KINDS = {column.field: column.kind for column in ITEM_COLUMNS}
ITEM_KINDS.update({"steps": "steps", "faq": "faq"})
MATERIAL_KINDS = {column.field: column.kind for column in MATERIAL_COLUMNS}
del MATERIAL_KINDS[KEY]

# Fields that are empty strings, not None, when they hold nothing.
_EMPTY_AS_STRING = {"title", "description"}


def _code_lists():
    """Return each code list as a sequence of ``(code, title)`` pairs."""
    return {
        "item_types": catalogue.ITEM_TYPES,
        "parties": catalogue.SERVED_PARTIES,
        "themes": [(code, title) for code, title, _party in themes()],
        "handling_kinds": catalogue.HANDLING_KINDS,
        "units": catalogue.TIME_LIMIT_UNITS,
        "handling_forms": catalogue.HANDLING_FORMS,
        "depths": catalogue.ONLINE_DEPTHS,
        "priorities": catalogue.PRIORITY_CATEGORIES,
        "requirements": catalogue.MATERIAL_REQUIREMENTS,
        "material_forms": catalogue.MATERIAL_FORMS,
        "sources": catalogue.MATERIAL_SOURCES,
    }


def _translated(text):
    if isinstance(text, Message):
        return translate(text, target_language=LANGUAGE)
    return text


def _lookup_key(text):
    # Names are matched without regard to spaces or case, so that "四级全程网办"
    # and "IV" find what the list spells "四级 全程网办" and "iv".
    return "".join(str(text).split()).casefold()


class _CodeList:
    """One code list: the Chinese name of each code and the code of each name."""

    def __init__(self, pairs):
        self.pairs = [(code, _translated(title)) for code, title in pairs]
        self.names = dict(self.pairs)
        self.codes = {}
        for code, name in self.pairs:
            self.codes.setdefault(_lookup_key(name), code)
        for code, _name in self.pairs:
            self.codes[_lookup_key(code)] = code

    def name(self, code):
        # A code no longer in the list is written as it is, so that it shows.
        return self.names.get(code, code)

    def code(self, text):
        key = _lookup_key(text)
        if key in self.codes:
            return self.codes[key]
        # Excel turns a typed "01" into the number 1.
        if key.isdigit() and key.zfill(2) in self.codes:
            return self.codes[key.zfill(2)]
        return None


def _load_code_lists():
    return {name: _CodeList(pairs) for name, pairs in _code_lists().items()}


# --- Reports ------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Something wrong in an uploaded workbook.

    ``sheet``, ``row`` and ``column`` are ``None`` where the problem is not
    in one sheet, row or column; rows are numbered as Excel numbers them.
    """

    sheet: str | None
    row: int | None
    column: str | None
    message: Message


@dataclass
class Counts:
    """How many objects of one kind an import created, updated or left alone."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class Change:
    """An object an import created or updated."""

    kind: str  # "item" or "material"
    code: str  # the implementation code of the item
    title: str
    action: str  # "created" or "updated"
    fields: tuple = ()


@dataclass
class ImportReport:
    """The outcome of an import: its problems, or what it changed."""

    dry_run: bool = False
    problems: list = field(default_factory=list)
    items: Counts = field(default_factory=Counts)
    materials: Counts = field(default_factory=Counts)
    changes: list = field(default_factory=list)

    @property
    def ok(self):
        """``True`` when the file had no problem."""
        return not self.problems

    def add(self, sheet, row, column, message):
        """Record a problem.

        :param sheet: name of the sheet, or ``None``.
        :param row: Excel row number, or ``None``.
        :param column: heading of the column, or ``None``.
        :param message: the problem, a message with a Chinese translation.
        """
        self.problems.append(Problem(sheet, row, column, message))


def report_messages(report):
    """Describe an import report in sentences, for a console or a log reader.

    :param report: an :class:`ImportReport`.
    :returns: a list of messages; translate each for the reader.
    """
    if report.problems:
        lines = [
            _(
                "implementation_list_refused",
                default="Nothing was imported; the file has ${count} problems:",
                mapping={"count": len(report.problems)},
            )
        ]
        return lines + [problem_message(problem) for problem in report.problems]

    lines = [
        _(
            "implementation_list_item_counts",
            default="Items: ${created} created, ${updated} updated, "
            "${unchanged} unchanged.",
            mapping=vars(report.items).copy(),
        ),
        _(
            "implementation_list_material_counts",
            default="Materials: ${created} created, ${updated} updated, "
            "${unchanged} unchanged.",
            mapping=vars(report.materials).copy(),
        ),
    ]
    if report.dry_run:
        lines.append(
            _(
                "implementation_list_dry_run",
                default="The file was only checked; nothing was changed.",
            )
        )
    return lines


def problem_message(problem):
    """Say where a problem is and what it is, in one sentence.

    :param problem: a :class:`Problem`.
    :returns: a message.
    """
    mapping = {
        "sheet": problem.sheet,
        "row": problem.row,
        "column": problem.column,
        "problem": problem.message,
    }
    if problem.sheet is None:
        return problem.message
    if problem.row is not None and problem.column is not None:
        return _(
            "implementation_list_problem_cell",
            default="Sheet ${sheet}, row ${row}, column ${column}: ${problem}",
            mapping=mapping,
        )
    if problem.row is not None:
        return _(
            "implementation_list_problem_row",
            default="Sheet ${sheet}, row ${row}: ${problem}",
            mapping=mapping,
        )
    return _(
        "implementation_list_problem_sheet",
        default="Sheet ${sheet}: ${problem}",
        mapping=mapping,
    )


# --- Rich text ----------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "address article blockquote br dd div dl dt h1 h2 h3 h4 h5 h6 hr li ol p "
    "pre section table td th tr ul".split()
)


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def _paragraphs(text):
    lines = (" ".join(line.split()) for line in (text or "").splitlines())
    return "\n".join(line for line in lines if line)


def html_to_text(html):
    """Turn the HTML of a rich-text field into lines of plain text.

    :param html: an HTML fragment, or ``None``.
    :returns: one line per block of the HTML, blank lines dropped.
    """
    extractor = _TextExtractor()
    extractor.feed(html or "")
    extractor.close()
    return _paragraphs("".join(extractor.parts))


def text_to_html(text):
    """Turn lines of plain text into HTML, one paragraph per line.

    :param text: plain text.
    :returns: an HTML fragment; ``html_to_text`` gives the lines back.
    """
    lines = _paragraphs(text).splitlines()
    return "".join(f"<p>{escape(line, quote=False)}</p>" for line in lines)


# --- Values: as stored, as compared, as written -------------------------------


def _plain(value):
    return (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def _comparable(kind, value):
    """Bring a stored value into the form a cell is read into."""
    if kind in (LINE, TEXT, ASCII):
        return _plain(value)
    if kind == HTML:
        return html_to_text(getattr(value, "raw", value))
    if kind == CODES:
        return list(value or ())
    if kind == BOOL:
        return bool(value)
    if kind == CODE:
        return value or None
    if kind == "steps":
        return [
            {
                "name": _plain(step.get("name")),
                "post": _plain(step.get("post")),
                "responsible": _plain(step.get("responsible")),
                "time_limit": step.get("time_limit"),
            }
            for step in value or ()
        ]
    if kind == "faq":
        return [
            {
                "question": _plain(entry.get("question")),
                "answer": _plain(entry.get("answer")),
            }
            for entry in value or ()
        ]
    return value


def _storable(name, kind, value):
    """Turn a value read from a cell into what the field stores."""
    if kind in (LINE, TEXT, ASCII):
        if value or name in _EMPTY_AS_STRING:
            return value
        return None
    if kind == HTML:
        if not value:
            return None
        return RichTextValue(text_to_html(value), "text/html", "text/x-html-safe")
    if kind == "steps":
        return [
            {
                "name": step["name"],
                "post": step["post"] or None,
                "responsible": step["responsible"] or None,
                "time_limit": step["time_limit"],
            }
            for step in value
        ]
    if kind == "faq":
        return [dict(entry) for entry in value]
    return value


def _changed_fields(obj, values, kinds):
    changed = {}
    for name, value in values.items():
        kind = kinds[name]
        if _comparable(kind, getattr(obj, name, None)) != value:
            changed[name] = _storable(name, kind, value)
    return changed


def _cell_value(column, value, code_lists):
    """The cell that holds the stored value ``value`` of ``column``."""
    value = _comparable(column.kind, value)
    if column.kind == CODE:
        return code_lists[column.codes].name(value) if value else None
    if column.kind == CODES:
        names = [code_lists[column.codes].name(code) for code in value]
        return SEPARATOR.join(names) or None
    if column.kind == BOOL:
        return YES if value else NO
    if column.kind == INT:
        return value
    return value or None


# --- Export -------------------------------------------------------------------

_HEADING_FONT = Font(bold=True)
_REQUIRED_FONT = Font(bold=True, color="C00000")
_HEADING_FILL = PatternFill("solid", start_color="DCE6F1")
_WIDTHS = {LINE: 24, TEXT: 40, HTML: 48, ASCII: 24, INT: 12, BOOL: 10}


def _items_of(department):
    return [obj for obj in department.objectValues() if IServiceItem.providedBy(obj)]


def _materials_of(item):
    return [obj for obj in item.objectValues() if IMaterial.providedBy(obj)]


def _add_sheet(workbook, title, columns, rows):
    sheet = workbook.create_sheet(title)
    sheet.append([column.heading for column in columns])
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = _REQUIRED_FONT if column.required else _HEADING_FONT
        cell.fill = _HEADING_FILL
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = _WIDTHS.get(column.kind, 18)
        if column.kind != INT:
            # Keep Excel from turning codes such as 01 or phone numbers into
            # numbers when the clerk types into the column.
            sheet.column_dimensions[letter].number_format = "@"
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            cell.alignment = wrap
    sheet.freeze_panes = "C2" if title == ITEMS_SHEET else "B2"
    return sheet


def _item_row(item, code_lists):
    return [
        _cell_value(column, getattr(item, column.field, None), code_lists)
        for column in ITEM_COLUMNS
    ]


def _material_row(item, material, code_lists):
    row = [item.implementation_code]
    for column in MATERIAL_COLUMNS[1:]:
        row.append(
            _cell_value(column, getattr(material, column.field, None), code_lists)
        )
    return row


def _kind_hint(column, code_lists):
    if column.hint is not None:
        return column.hint
    if column.kind == CODE and column.default:
        return _(
            "hint_list_code_default",
            default="One value of the list below, by name or code; "
            "blank means ${default}.",
            mapping={"default": code_lists[column.codes].name(column.default)},
        )
    hints = {
        LINE: _("hint_list_line", default="One line of text."),
        TEXT: _("hint_list_text", default="Text; line breaks are kept."),
        HTML: _(
            "hint_list_html",
            default="Text; each line becomes a paragraph of the guide.",
        ),
        ASCII: _(
            "hint_list_ascii",
            default="Letters, digits and ASCII punctuation, on one line.",
        ),
        INT: _("hint_list_int", default="A whole number of zero or more."),
        BOOL: _(
            "hint_list_bool",
            default="${yes} or ${no}; blank means ${no}.",
            mapping={"yes": YES, "no": NO},
        ),
        CODE: _(
            "hint_list_code",
            default="One value of the list below, by name or code.",
        ),
        CODES: _(
            "hint_list_codes",
            default="One or more values of the list below, by name or code, "
            "separated by ${separator}.",
            mapping={"separator": SEPARATOR},
        ),
    }
    return hints[column.kind]


_NOTES = (
    _(
        "notes_list_items",
        default="Each row of the sheet ${items} is one item of the department. "
        "Items that are not in the file are kept; new items stay private until "
        "they are published.",
        mapping={"items": ITEMS_SHEET},
    ),
    _(
        "notes_list_materials",
        default="Each row of the sheet ${materials} is one material of an item. "
        "Materials that are not in the file are kept, and so are the blank "
        "forms and samples of every material: upload those on the material's "
        "page.",
        mapping={"materials": MATERIALS_SHEET},
    ),
    _(
        "notes_list_steps",
        default="The rows of the sheets ${steps} and ${faq} with an item's "
        "implementation code are all of that item's steps and questions, in "
        "order; an item without rows there has none.",
        mapping={"steps": STEPS_SHEET, "faq": FAQ_SHEET},
    ),
    _(
        "notes_list_required",
        default="Headings in red must be filled in. Do not rename, add or "
        "remove columns or sheets.",
    ),
    _(
        "notes_list_depth",
        default="An item handled fully online (depth IV) has 0 on-site visits.",
    ),
)


def _add_notes(workbook, code_lists):
    sheet = workbook.create_sheet(NOTES_SHEET)
    for note in _NOTES:
        sheet.append([_translated(note)])
    sheet.append([])

    sheet.append(["工作表", "列", "必填", "填写要求"])
    heading_row = sheet.max_row
    for title, columns in SHEETS:
        for column in columns:
            hint = _translated(_kind_hint(column, code_lists))
            required = YES if column.required else NO
            sheet.append([title, column.heading, required, hint])
    sheet.append([])

    sheet.append(["列", "代码", "名称"])
    codes_row = sheet.max_row
    seen = set()
    for _title, columns in SHEETS:
        for column in columns:
            if column.codes is None or column.codes in seen:
                continue
            seen.add(column.codes)
            for code, name in code_lists[column.codes].pairs:
                sheet.append([column.heading, code, name])

    for row in (heading_row, codes_row):
        for cell in sheet[row]:
            cell.font = _HEADING_FONT
            cell.fill = _HEADING_FILL
    for letter, width in (("A", 20), ("B", 22), ("C", 36), ("D", 60)):
        sheet.column_dimensions[letter].width = width


def export_department(department):
    """Write a department's implementation list as an Excel workbook.

    :param department: a Department.
    :returns: the ``.xlsx`` file, as bytes.
    """
    code_lists = _load_code_lists()
    items = _items_of(department)
    item_rows = []
    material_rows = []
    step_rows = []
    faq_rows = []
    for item in items:
        code = item.implementation_code
        item_rows.append(_item_row(item, code_lists))
        for material in _materials_of(item):
            material_rows.append(_material_row(item, material, code_lists))
        for step in _comparable("steps", item.steps):
            step_rows.append(
                [
                    code,
                    step["name"] or None,
                    step["post"] or None,
                    step["responsible"] or None,
                    step["time_limit"],
                ]
            )
        for entry in _comparable("faq", item.faq):
            faq_rows.append([code, entry["question"] or None, entry["answer"] or None])

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    _add_sheet(workbook, ITEMS_SHEET, ITEM_COLUMNS, item_rows)
    _add_sheet(workbook, MATERIALS_SHEET, MATERIAL_COLUMNS, material_rows)
    _add_sheet(workbook, STEPS_SHEET, STEP_COLUMNS, step_rows)
    _add_sheet(workbook, FAQ_SHEET, FAQ_COLUMNS, faq_rows)
    _add_notes(workbook, code_lists)
    workbook.properties.title = f"{department.Title()} 实施清单"

    stream = io.BytesIO()
    workbook.save(stream)
    logger.info(
        "Exported the implementation list of %s: %d items, %d materials",
        department.getId(),
        len(item_rows),
        len(material_rows),
    )
    return stream.getvalue()


# --- Reading a workbook -------------------------------------------------------

_INVALID = object()
_NOT_XLSX = _(
    "error_list_not_xlsx",
    default="The file is not an Excel workbook (.xlsx). Download the "
    "implementation list, fill it in and upload it again.",
)


def _open_workbook(data, report):
    if len(data or b"") > MAX_FILE_BYTES:
        report.add(
            None,
            None,
            None,
            _(
                "error_list_too_large",
                default="The file is larger than ${size} MB.",
                mapping={"size": MAX_FILE_BYTES // (1024 * 1024)},
            ),
        )
        return None
    stream = io.BytesIO(data or b"")
    try:
        with zipfile.ZipFile(stream) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            report.add(None, None, None, _NOT_XLSX)
            return None
        return openpyxl.load_workbook(stream, data_only=True)
    except Exception:
        # openpyxl fails on a damaged or foreign file in many different ways;
        # each of them means the same to the clerk.
        logger.debug("Could not read an uploaded implementation list", exc_info=True)
        report.add(None, None, None, _NOT_XLSX)
        return None


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    return _plain(str(value))


def _whole_number(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    text = _cell_text(value)
    if re.fullmatch(r"\d+", text):
        return int(text)
    return None


def _split(text):
    # Only the documented separator (typed with or without the Chinese input
    # method) splits: theme names the centre writes may hold "、" or "，".
    parts = re.split(r"[；;\n]", text)
    return [part.strip() for part in parts if part.strip()]


def _read_cell(column, value, code_lists):
    """Read one cell; return its value or a problem message."""
    text = _cell_text(value)
    if not text:
        if column.required:
            return _INVALID, _("error_list_required", default="Fill in this cell.")
        if column.kind == BOOL:
            return False, None
        if column.kind in (CODES,):
            return [], None
        if column.kind in (INT, CODE):
            return column.default, None
        return "", None

    if column.kind in (LINE, ASCII) and "\n" in text:
        return _INVALID, _(
            "error_list_single_line", default="Write this cell on a single line."
        )
    if column.kind == HTML:
        return _paragraphs(text), None
    if column.kind == ASCII and not text.isascii():
        return _INVALID, _(
            "error_list_ascii",
            default="“${value}” may hold only letters, digits and ASCII punctuation.",
            mapping={"value": text},
        )
    if column.kind == INT:
        number = _whole_number(value)
        if number is None:
            return _INVALID, _(
                "error_list_whole_number",
                default="“${value}” is not a whole number of zero or more.",
                mapping={"value": text},
            )
        return number, None
    if column.kind == BOOL:
        if text in (YES, NO):
            return text == YES, None
        return _INVALID, _(
            "error_list_yes_no",
            default="Write ${yes} or ${no}, not “${value}”.",
            mapping={"yes": YES, "no": NO, "value": text},
        )
    if column.kind in (CODE, CODES):
        code_list = code_lists[column.codes]
        names = [text] if column.kind == CODE else _split(text)
        codes = []
        for name in names:
            code = code_list.code(name)
            if code is None:
                return _INVALID, _(
                    "error_list_unknown_code",
                    default="“${value}” is not one of the values the sheet "
                    "${sheet} lists for this column.",
                    mapping={"value": name, "sheet": NOTES_SHEET},
                )
            if code not in codes:
                codes.append(code)
        return (codes[0] if column.kind == CODE else codes), None
    return text, None


def _read_headings(sheet, title, columns, report):
    """Map each heading to its column index, or report what is wrong."""
    known = {column.heading for column in columns}
    first = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())
    positions = {}
    ok = True
    for index, value in enumerate(first):
        heading = _cell_text(value)
        if not heading:
            continue
        if heading in positions:
            ok = False
            report.add(
                title,
                1,
                heading,
                _(
                    "error_list_duplicate_column",
                    default="The column ${column} appears more than once.",
                    mapping={"column": heading},
                ),
            )
        elif heading not in known:
            ok = False
            report.add(
                title,
                1,
                heading,
                _(
                    "error_list_unknown_column",
                    default="The implementation list has no column ${column}.",
                    mapping={"column": heading},
                ),
            )
        positions.setdefault(heading, index)
    for column in columns:
        if column.heading not in positions:
            ok = False
            report.add(
                title,
                1,
                column.heading,
                _(
                    "error_list_missing_column",
                    default="The column ${column} is missing from the first row.",
                    mapping={"column": column.heading},
                ),
            )
    return positions if ok else None


def _read_sheet(workbook, title, columns, code_lists, report):
    """Read the rows of one sheet into dicts of field values.

    Each dict also holds the row's Excel number under ``"_row"``; a field
    whose cell is wrong holds ``_INVALID`` and its problem is reported.
    Returns ``None`` when the sheet is missing or its headings are wrong.
    """
    if title not in workbook.sheetnames:
        report.add(
            title,
            None,
            None,
            _(
                "error_list_missing_sheet",
                default="The workbook has no sheet ${sheet}.",
                mapping={"sheet": title},
            ),
        )
        return None
    sheet = workbook[title]
    positions = _read_headings(sheet, title, columns, report)
    if positions is None:
        return None

    rows = []
    for number, cells in enumerate(
        sheet.iter_rows(min_row=2, values_only=True), start=2
    ):
        if all(_cell_text(cell) == "" for cell in cells):
            continue
        row = {"_row": number}
        for column in columns:
            index = positions[column.heading]
            value = cells[index] if index < len(cells) else None
            row[column.field], problem = _read_cell(column, value, code_lists)
            if problem is not None:
                report.add(title, number, column.heading, problem)
        rows.append(row)
    return rows


# --- Checking across rows -----------------------------------------------------

_CODE_HEADING = ITEM_COLUMNS[0].heading


def _check_items(department, rows, report):
    """Check codes, and depth against visits, across the items sheet."""
    first_row = {}
    for row in rows:
        if row["online_depth"] == "4" and row["visits"] not in (0, _INVALID):
            report.add(
                ITEMS_SHEET,
                row["_row"],
                "到现场次数",
                _(
                    "error_depth_four_visits",
                    default="An item handled fully online (depth IV) cannot "
                    "require on-site visits.",
                ),
            )

        code = row[KEY]
        if code is _INVALID:
            continue
        if code in first_row:
            report.add(
                ITEMS_SHEET,
                row["_row"],
                _CODE_HEADING,
                _(
                    "error_list_duplicate_code",
                    default="The implementation code ${code} is also in row ${row}.",
                    mapping={"code": code, "row": first_row[code]},
                ),
            )
        else:
            first_row[code] = row["_row"]

    for code, title, owner in _codes_used_elsewhere(department, list(first_row)):
        report.add(
            ITEMS_SHEET,
            first_row[code],
            _CODE_HEADING,
            _(
                "error_list_code_elsewhere",
                default="The implementation code ${code} already belongs to "
                "“${title}” of ${department}.",
                mapping={"code": code, "title": title, "department": owner},
            ),
        )


def _codes_used_elsewhere(department, codes):
    """Yield ``(code, item title, department title)`` for codes of other items."""
    if not codes:
        return
    catalog = api.portal.get_tool("portal_catalog")
    # Unrestricted: a private item of another department still owns its code.
    brains = catalog.unrestrictedSearchResults(
        portal_type=ITEM_TYPE, implementation_code=codes
    )
    own = "/".join(department.getPhysicalPath()) + "/"
    reported = set()
    for brain in brains:
        code = brain.implementation_code
        if brain.getPath().startswith(own) or code in reported:
            continue
        reported.add(code)
        item = brain._unrestrictedGetObject()
        owner = item.__parent__
        yield code, item.Title(), owner.Title()


def _check_keyed_rows(title, rows, item_codes, report):
    """Check that each row names an item of the items sheet."""
    for row in rows:
        code = row[KEY]
        if code is _INVALID or code in item_codes:
            continue
        report.add(
            title,
            row["_row"],
            _CODE_HEADING,
            _(
                "error_list_unknown_item",
                default="No row of the sheet ${sheet} has the implementation "
                "code ${code}.",
                mapping={"sheet": ITEMS_SHEET, "code": code},
            ),
        )


def _check_materials(rows, report):
    """Check that no item lists a material twice."""
    first_row = {}
    for row in rows:
        key = (row[KEY], row["title"])
        if _INVALID in key:
            continue
        if key in first_row:
            report.add(
                MATERIALS_SHEET,
                row["_row"],
                "材料名称",
                _(
                    "error_list_duplicate_material",
                    default="The item ${code} already lists the material "
                    "“${title}” in row ${row}.",
                    mapping={"code": key[0], "title": key[1], "row": first_row[key]},
                ),
            )
        else:
            first_row[key] = row["_row"]


# --- Planning and applying ----------------------------------------------------


@dataclass
class _Plan:
    kind: str
    row: int
    code: str
    title: str
    action: str  # "create", "update" or "unchanged"
    obj: object = None
    values: dict = field(default_factory=dict)


def _field_values(row, fields):
    return {name: row[name] for name in fields}


def _plan_items(department, item_rows, step_rows, faq_rows):
    steps = {}
    for row in step_rows:
        steps.setdefault(row[KEY], []).append(
            {name: row[name] for name in ("name", "post", "responsible", "time_limit")}
        )
    faq = {}
    for row in faq_rows:
        faq.setdefault(row[KEY], []).append(
            {"question": row["question"], "answer": row["answer"]}
        )

    existing = {}
    for item in _items_of(department):
        existing.setdefault(item.implementation_code, item)

    plans = []
    for row in item_rows:
        code = row[KEY]
        values = _field_values(row, ITEM_FIELDS)
        values["steps"] = steps.get(code, [])
        values["faq"] = faq.get(code, [])
        item = existing.get(code)
        if item is None:
            plan = _Plan("item", row["_row"], code, row["title"], "create")
            plan.values = {
                name: _storable(name, ITEM_KINDS[name], value)
                for name, value in values.items()
            }
        else:
            changed = _changed_fields(item, values, ITEM_KINDS)
            action = "update" if changed else "unchanged"
            plan = _Plan("item", row["_row"], code, row["title"], action, item)
            plan.values = changed
        plans.append(plan)
    return plans


def _plan_materials(item_plans, material_rows):
    items = {plan.code: plan.obj for plan in item_plans}
    plans = []
    for row in material_rows:
        code = row[KEY]
        values = _field_values(row, MATERIAL_KINDS)
        item = items[code]
        material = None
        if item is not None:
            material = next(
                (m for m in _materials_of(item) if _plain(m.Title()) == row["title"]),
                None,
            )
        if material is None:
            plan = _Plan("material", row["_row"], code, row["title"], "create")
            plan.values = {
                name: _storable(name, MATERIAL_KINDS[name], value)
                for name, value in values.items()
            }
        else:
            changed = _changed_fields(material, values, MATERIAL_KINDS)
            action = "update" if changed else "unchanged"
            plan = _Plan("material", row["_row"], code, row["title"], action, material)
            plan.values = changed
        plans.append(plan)
    return plans


def _check_permissions(department, item_plans, material_plans, report):
    """Report what the current user may not do, before anything is done."""
    not_allowed = _(
        "error_list_not_allowed_add_item",
        default="You may not add items to this department.",
    )
    if any(plan.action == "create" for plan in item_plans) and not (
        api.user.has_permission(ADD_ITEM_PERMISSION, obj=department)
    ):
        first = next(plan for plan in item_plans if plan.action == "create")
        report.add(ITEMS_SHEET, first.row, None, not_allowed)

    sheets = {"item": ITEMS_SHEET, "material": MATERIALS_SHEET}
    for plan in item_plans + material_plans:
        if plan.action == "update" and not api.user.has_permission(
            MODIFY_PERMISSION, obj=plan.obj
        ):
            report.add(
                sheets[plan.kind],
                plan.row,
                None,
                _(
                    "error_list_not_allowed_modify",
                    default="You may not change “${title}” in its current "
                    "state; ask the centre to retract it first.",
                    mapping={"title": plan.obj.Title()},
                ),
            )

    items = {plan.code: plan.obj for plan in item_plans}
    refused = set()
    for plan in material_plans:
        item = items[plan.code]
        # A new item is the importer's own, so materials may be added to it.
        if plan.action != "create" or item is None or plan.code in refused:
            continue
        if not api.user.has_permission(ADD_MATERIAL_PERMISSION, obj=item):
            refused.add(plan.code)
            report.add(
                MATERIALS_SHEET,
                plan.row,
                None,
                _(
                    "error_list_not_allowed_add_material",
                    default="You may not add materials to “${title}”.",
                    mapping={"title": item.Title()},
                ),
            )


def _update(obj, schema, changed):
    for name, value in changed.items():
        setattr(obj, name, value)
    basic = [name for name in changed if name in ("title", "description")]
    own = [name for name in changed if name not in basic]
    descriptions = [Attributes(schema, *own)] if own else []
    if basic:
        descriptions.append(Attributes(IBasic, *basic))
    # The event reindexes the object, stamps its modification date and lets
    # versioning record the change, as saving the edit form would.
    notify(ObjectModifiedEvent(obj, *descriptions))


def _create(container, portal_type, values):
    # As the add form does: the name comes from the title and the add
    # permission of the type is checked.
    return createContentInContainer(
        container, portal_type, checkConstraints=True, **values
    )


def _apply(department, item_plans, material_plans):
    items = {}
    for plan in item_plans:
        if plan.action == "create":
            plan.obj = _create(department, ITEM_TYPE, plan.values)
        elif plan.action == "update":
            _update(plan.obj, IServiceItem, plan.values)
        items[plan.code] = plan.obj

    for plan in material_plans:
        if plan.action == "create":
            plan.obj = _create(items[plan.code], MATERIAL_TYPE, plan.values)
        elif plan.action == "update":
            _update(plan.obj, IMaterial, plan.values)


def _count(report, item_plans, material_plans):
    actions = {"create": "created", "update": "updated", "unchanged": "unchanged"}
    for plans, counts in (
        (item_plans, report.items),
        (material_plans, report.materials),
    ):
        for plan in plans:
            action = actions[plan.action]
            setattr(counts, action, getattr(counts, action) + 1)
            if plan.action != "unchanged":
                report.changes.append(
                    Change(
                        plan.kind,
                        plan.code,
                        plan.title,
                        action,
                        tuple(plan.values) if plan.action == "update" else (),
                    )
                )


def import_department(department, data, dry_run=False):
    """Read a department's implementation list from an Excel workbook.

    Every row of every sheet is checked first. If anything is wrong, nothing
    is changed and the report lists each problem. Otherwise new items and
    materials are created and the changed fields of existing ones are set;
    objects whose values all equal the file's are not touched at all.

    The import makes its changes in the current transaction and does not
    commit it: the caller commits, and aborts it if this raises, so that an
    import is applied whole or not at all.

    :param department: the Department to import into.
    :param data: the ``.xlsx`` file, as bytes.
    :param dry_run: only check the file and count what an import would do.
    :returns: an :class:`ImportReport`.
    :raises Unauthorized: only if the user may not add a material to an item
        the import has just created, which the workflow normally allows; the
        caller aborts the transaction then, as for any other error.
    """
    report = ImportReport(dry_run=dry_run)
    workbook = _open_workbook(data, report)
    if workbook is None:
        return _refused(department, report)

    code_lists = _load_code_lists()
    sheets = {
        title: _read_sheet(workbook, title, columns, code_lists, report)
        for title, columns in SHEETS
    }
    if any(rows is None for rows in sheets.values()):
        return _refused(department, report)

    item_rows = sheets[ITEMS_SHEET]
    _check_items(department, item_rows, report)
    item_codes = {row[KEY] for row in item_rows}
    for title in (MATERIALS_SHEET, STEPS_SHEET, FAQ_SHEET):
        _check_keyed_rows(title, sheets[title], item_codes, report)
    _check_materials(sheets[MATERIALS_SHEET], report)
    if report.problems:
        return _refused(department, report)

    item_plans = _plan_items(
        department, item_rows, sheets[STEPS_SHEET], sheets[FAQ_SHEET]
    )
    material_plans = _plan_materials(item_plans, sheets[MATERIALS_SHEET])
    _check_permissions(department, item_plans, material_plans, report)
    if report.problems:
        return _refused(department, report)

    if not dry_run:
        _apply(department, item_plans, material_plans)
    _count(report, item_plans, material_plans)
    logger.info(
        "%s the implementation list of %s: items %d created, %d updated, "
        "%d unchanged; materials %d created, %d updated, %d unchanged",
        "Checked" if dry_run else "Imported",
        department.getId(),
        report.items.created,
        report.items.updated,
        report.items.unchanged,
        report.materials.created,
        report.materials.updated,
        report.materials.unchanged,
    )
    return report


def _refused(department, report):
    logger.info(
        "Refused an implementation list for %s: %d problems",
        department.getId(),
        len(report.problems),
    )
    return report
