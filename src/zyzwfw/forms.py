"""Blank forms (格式文本) and filled-in samples (示范文本) of materials.

A material the applicant fills in (an application form, a power of attorney,
a commitment letter) comes with a blank form to download and a sample that
shows how it is filled in. Both are built here from the item's name, the
material's name and the form's own fields, as Word documents (python-docx)
or as PDF (reportlab with its built-in Chinese CID font, so that no font file
has to be shipped or installed).

The output is deterministic: the same input gives the same bytes, with fixed
dates in the documents' metadata and in their zip entries, so that loading
the demonstration catalogue twice gives identical files.
"""

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.shared import Pt
from docx.shared import RGBColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from xml.sax.saxutils import escape

import dataclasses
import datetime
import functools
import io
import zipfile


DOCX = "docx"
PDF = "pdf"
KINDS = (DOCX, PDF)

CONTENT_TYPES = {
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    PDF: "application/pdf",
}

BLANK_MARK = "格式文本"
SAMPLE_MARK = "示范文本"

HALL_NAME = "资阳市电子政务大厅"
AUTHOR = "资阳市政务服务中心"

# A fixed date keeps the files reproducible; it is also the date a sample is
# "signed" on.
SAMPLE_DATE = datetime.date(2024, 3, 18)
FIXED_TIMESTAMP = datetime.datetime(2024, 1, 2, 9, 0, 0)

PDF_FONT = "STSong-Light"
DOCX_BODY_FONT = "宋体"
DOCX_TITLE_FONT = "黑体"

DECLARATION = (
    "申请人承诺：以上填写内容及所附材料真实、合法、有效，"
    "如有虚假，愿承担相应的法律责任。"
)
BLANK_NOTES = (
    "填表说明：",
    "1. 请使用黑色签字笔或钢笔填写，字迹工整、清楚，不得涂改。",
    "2. 不涉及的栏目请填写“无”；栏目不够填写的，可另附页说明。",
    "3. 本表可在资阳市电子政务大厅下载打印，复印有效。",
)
SAMPLE_NOTES = (
    "示范说明：",
    "1. 本示范文本仅供填写参考，不能作为申请材料提交。",
    "2. 文中的单位、人员、证件号码和电话均为虚构。",
)

# Fields whose value names who signs a sample, in order of preference, and
# pairs of fields for forms that both parties sign.
SIGNER_FIELDS = (
    "申请人",
    "申请人姓名",
    "姓名",
    "申请单位名称",
    "申请单位",
    "单位名称",
    "企业名称",
    "委托人",
)
SIGNER_PAIRS = (
    ("男方姓名", "女方姓名"),
    ("权利人（买方）", "义务人（卖方）"),
    ("抵押权人", "抵押人"),
)

# Fields written out in sentences get room for several lines in a blank form.
LONG_FIELD_ENDINGS = ("经过", "说明", "情况", "理由", "内容", "范围", "措施", "方案")

_WATERMARK_VML = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office">'
    "<w:pict>"
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" '
    'adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">'
    "<v:formulas>"
    '<v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>'
    '<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>'
    '<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>'
    '<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>'
    '<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/>'
    '<v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/>'
    '<v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/>'
    "</v:formulas>"
    '<v:path textpathok="t" o:connecttype="custom" '
    'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
    'o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/>'
    "</v:shapetype>"
    '<v:shape id="SampleWatermark" o:spid="_x0000_s2049" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:420pt;'
    "height:140pt;rotation:315;z-index:-251657216;"
    "mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
    'mso-position-vertical:center;mso-position-vertical-relative:margin" '
    'o:allowincell="f" fillcolor="#d9d9d9" stroked="f">'
    '<v:fill opacity=".5"/>'
    '<v:textpath style="font-family:&quot;SimSun&quot;;font-size:1pt" '
    'string="{text}"/>'
    "</v:shape>"
    "</w:pict>"
    "</w:r>"
)


@dataclasses.dataclass(frozen=True)
class _Form:
    """What a form shows, whichever kind of file it becomes."""

    item_title: str
    material_title: str
    rows: tuple
    sample: bool
    issuer: str | None
    signer: str
    date_line: str

    @property
    def mark(self):
        return SAMPLE_MARK if self.sample else BLANK_MARK

    @property
    def notes(self):
        return SAMPLE_NOTES if self.sample else BLANK_NOTES


def blank_form(item_title, material_title, fields, kind=DOCX, issuer=None):
    """Build the blank form (格式文本) of a material.

    :param item_title: name of the service item, printed under the title.
    :param material_title: name of the material; the form's title.
    :param fields: the labels of the form's fields, in order; each becomes a
        row with an empty cell to fill in.
    :param kind: ``"docx"`` or ``"pdf"``.
    :param issuer: name of the department that accepts the form, if any.
    :returns: the file's bytes.
    :raises ValueError: if ``kind`` is unknown or there are no fields.
    """
    form = _Form(
        item_title=item_title,
        material_title=material_title,
        rows=tuple((label, "") for label in _labels(fields)),
        sample=False,
        issuer=issuer,
        signer="",
        date_line="        年    月    日",
    )
    return _render(form, kind)


def sample_form(item_title, material_title, fields, values, kind=DOCX, issuer=None):
    """Build the filled-in sample (示范文本) of a material.

    The sample carries the mark 示范文本 in its title and as a watermark, and
    is signed with the applicant's name from ``values`` and a fixed date.

    :param item_title: name of the service item, printed under the title.
    :param material_title: name of the material; the form's title.
    :param fields: the labels of the form's fields, in order.
    :param values: a mapping from each label to the fictitious value shown.
    :param kind: ``"docx"`` or ``"pdf"``.
    :param issuer: name of the department that accepts the form, if any.
    :returns: the file's bytes.
    :raises ValueError: if ``kind`` is unknown, there are no fields, or a
        field has no value.
    """
    labels = _labels(fields)
    missing = [label for label in labels if not values.get(label)]
    if missing:
        raise ValueError(f"No sample value for the fields {', '.join(missing)}")
    form = _Form(
        item_title=item_title,
        material_title=material_title,
        rows=tuple((label, str(values[label])) for label in labels),
        sample=True,
        issuer=issuer,
        signer=_signer(labels, values),
        date_line=f"{SAMPLE_DATE.year}年{SAMPLE_DATE.month}月{SAMPLE_DATE.day}日",
    )
    return _render(form, kind)


def form_filename(material_title, kind, sample=False):
    """Return the file name a form is downloaded under.

    :param material_title: name of the material.
    :param kind: ``"docx"`` or ``"pdf"``.
    :param sample: ``True`` for the sample, ``False`` for the blank form.
    :returns: a name such as ``申请表（格式文本）.docx``.
    :raises ValueError: if ``kind`` is unknown.
    """
    _check_kind(kind)
    mark = SAMPLE_MARK if sample else BLANK_MARK
    name = "".join(c for c in material_title if c not in '\\/:*?"<>|').strip()
    return f"{name}（{mark}）.{kind}"


def content_type(kind):
    """Return the MIME type of a kind of form file.

    :param kind: ``"docx"`` or ``"pdf"``.
    :returns: the MIME type.
    :raises ValueError: if ``kind`` is unknown.
    """
    _check_kind(kind)
    return CONTENT_TYPES[kind]


def _check_kind(kind):
    if kind not in KINDS:
        raise ValueError(f"Unknown kind of form file {kind!r}; use docx or pdf")


def _labels(fields):
    labels = tuple(fields)
    if not labels:
        raise ValueError("A form needs at least one field")
    return labels


def _signer(labels, values):
    for first, second in SIGNER_PAIRS:
        if values.get(first) and values.get(second):
            return f"{values[first]}、{values[second]}"
    for label in SIGNER_FIELDS:
        if values.get(label):
            return str(values[label])
    # Forms put whoever applies first: a person's or a company's name.
    return str(values[labels[0]])


def _is_long(label):
    return label.endswith(LONG_FIELD_ENDINGS)


def _render(form, kind):
    _check_kind(kind)
    if kind == DOCX:
        return _docx(form)
    return _pdf(form)


# --- Word ---------------------------------------------------------------------

# The styles a form uses; python-docx's default template has some 160 more,
# twice (styles and styles with effects), which would make every form 40
# times larger and slower to build.
_KEPT_STYLES = frozenset(
    (
        "Normal",
        "DefaultParagraphFont",
        "TableNormal",
        "NoList",
        "TableGrid",
        "Header",
        "HeaderChar",
        "Footer",
        "FooterChar",
    )
)
_DROPPED_RELATIONSHIPS = frozenset(
    (
        "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
        "thumbnail",
    )
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@functools.cache
def _docx_template():
    """Return the bytes of a lean Word template with the forms' fonts set."""
    document = Document()
    for rels in (document.part.rels, document.part.package.rels):
        for rel_id, rel in list(rels.items()):
            if rel.reltype in _DROPPED_RELATIONSHIPS:
                del rels[rel_id]

    styles = document.styles.element
    for child in list(styles):
        if child.tag == qn("w:latentStyles"):
            styles.remove(child)
        elif (
            child.tag == qn("w:style")
            and child.get(qn("w:styleId")) not in _KEPT_STYLES
        ):
            styles.remove(child)

    normal = document.styles["Normal"]
    normal.font.name = DOCX_BODY_FONT
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(
        qn("w:eastAsia"), DOCX_BODY_FONT
    )

    section = document.sections[0]
    section.page_width = Cm(21)
    section.page_height = Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.2)
    section.left_margin = section.right_margin = Cm(2.5)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx(form):
    document = Document(io.BytesIO(_docx_template()))
    _docx_header(document, form)
    _docx_properties(document, form)

    _docx_paragraph(
        document,
        form.material_title,
        size=16,
        bold=True,
        font=DOCX_TITLE_FONT,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    _docx_paragraph(
        document,
        f"（{form.mark}）",
        size=12,
        color=RGBColor(0xC0, 0x00, 0x00) if form.sample else None,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    _docx_paragraph(document, f"事项名称：{form.item_title}", size=11)
    if form.issuer:
        _docx_paragraph(document, f"受理单位：{form.issuer}", size=11)

    document.element.body.sectPr.addprevious(parse_xml(_docx_table_xml(form.rows)))

    _docx_paragraph(document, DECLARATION, size=10.5)
    _docx_paragraph(
        document,
        f"申请人（签字或盖章）：{form.signer or '________________'}",
        size=10.5,
        align=WD_ALIGN_PARAGRAPH.RIGHT,
    )
    _docx_paragraph(
        document,
        f"日期：{form.date_line}",
        size=10.5,
        align=WD_ALIGN_PARAGRAPH.RIGHT,
    )
    for line in form.notes:
        _docx_paragraph(document, line, size=9, color=RGBColor(0x59, 0x59, 0x59))

    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _docx_header(document, form):
    header = document.sections[0].header.paragraphs[0]
    header.text = f"{HALL_NAME}  {form.mark}"
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if form.sample:
        header._p.append(parse_xml(_WATERMARK_VML.format(text=SAMPLE_MARK)))


def _docx_properties(document, form):
    properties = document.core_properties
    properties.title = f"{form.material_title}（{form.mark}）"
    properties.subject = form.item_title
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.keywords = form.mark
    properties.comments = ""
    properties.revision = 1
    properties.created = FIXED_TIMESTAMP
    properties.modified = FIXED_TIMESTAMP
    properties.last_printed = FIXED_TIMESTAMP


def _docx_paragraph(
    document, text, size, bold=False, font=None, color=None, align=None
):
    paragraph = document.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    if bold:
        run.bold = True
    if color is not None:
        run.font.color.rgb = color
    if font is not None:
        run.font.name = font
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return paragraph


def _docx_table_xml(rows):
    # Written as XML at once: python-docx's cell API recomputes the grid on
    # every access and costs more than the rest of the form together.
    label_width = 2552  # twips, 4.5 cm
    value_width = 6520  # twips, 11.5 cm
    parts = [
        f'<w:tbl xmlns:w="{_W}"><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        '<w:tblW w:w="9072" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{label_width}"/>'
        f'<w:gridCol w:w="{value_width}"/></w:tblGrid>'
    ]
    for label, value in rows:
        value_run = f'<w:r><w:t xml:space="preserve">{escape(value)}</w:t></w:r>'
        # Room to write by hand in the blank form: 1 cm, or 3 cm for sentences.
        height = 1701 if _is_long(label) else 567
        parts.append(
            f'<w:tr><w:trPr><w:trHeight w:val="{height}" w:hRule="atLeast"/></w:trPr>'
            f'<w:tc><w:tcPr><w:tcW w:w="{label_width}" w:type="dxa"/>'
            '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>'
            '<w:vAlign w:val="center"/></w:tcPr>'
            f"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{escape(label)}</w:t></w:r></w:p>"
            "</w:tc>"
            f'<w:tc><w:tcPr><w:tcW w:w="{value_width}" w:type="dxa"/>'
            '<w:vAlign w:val="center"/></w:tcPr>'
            f"<w:p>{value_run if value else ''}</w:p></w:tc></w:tr>"
        )
    parts.append("</w:tbl>")
    return "".join(parts)


def _fixed_zip(data):
    # python-docx stamps every zip entry with the current time; rewrite the
    # archive with a fixed time so that equal documents are equal bytes.
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, FIXED_TIMESTAMP.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(entry.filename))
    return output.getvalue()


# --- PDF ----------------------------------------------------------------------

_PAGE_WIDTH, _PAGE_HEIGHT = A4
_MARGIN = 56
_LABEL_WIDTH = 130
_ROW_PADDING = 6
_ROW_MIN_HEIGHT = 28
_BODY_SIZE = 10.5
_LINE_HEIGHT = 15


def _pdf_font():
    # Registering is idempotent but not free; do it once per process.
    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    return PDF_FONT


def _pdf(form):
    font = _pdf_font()
    buffer = io.BytesIO()
    # invariant=1 fixes the creation date and document id in the file.
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    pdf.setTitle(f"{form.material_title}（{form.mark}）")
    pdf.setSubject(form.item_title)
    pdf.setAuthor(AUTHOR)
    pdf.setCreator(HALL_NAME)
    pdf.setKeywords(form.mark)

    writer = _PdfWriter(pdf, font, form)
    writer.start_page()
    writer.centered(form.material_title, 16)
    writer.centered(f"（{form.mark}）", 12, red=form.sample)
    writer.text(f"事项名称：{form.item_title}", 11)
    if form.issuer:
        writer.text(f"受理单位：{form.issuer}", 11)
    writer.gap(6)
    for label, value in form.rows:
        writer.row(label, value)
    writer.gap(10)
    writer.text(DECLARATION, _BODY_SIZE)
    writer.gap(8)
    writer.right(f"申请人（签字或盖章）：{form.signer or '________________'}")
    writer.right(f"日期：{form.date_line}")
    writer.gap(10)
    for line in form.notes:
        writer.text(line, 9, grey=True)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


class _PdfWriter:
    """Lays out a form top to bottom, starting new pages when it must."""

    def __init__(self, pdf, font, form):
        self.pdf = pdf
        self.font = font
        self.form = form
        self.y = 0

    def start_page(self):
        if self.form.sample:
            self._watermark()
        self.pdf.setFont(self.font, 8)
        self.pdf.setFillGray(0.4)
        self.pdf.drawRightString(
            _PAGE_WIDTH - _MARGIN, _PAGE_HEIGHT - 32, f"{HALL_NAME}  {self.form.mark}"
        )
        self.pdf.setFillGray(0)
        self.y = _PAGE_HEIGHT - _MARGIN - 10

    def _watermark(self):
        self.pdf.saveState()
        self.pdf.setFont(self.font, 80)
        self.pdf.setFillGray(0.88)
        self.pdf.translate(_PAGE_WIDTH / 2, _PAGE_HEIGHT / 2)
        self.pdf.rotate(45)
        self.pdf.drawCentredString(0, -20, SAMPLE_MARK)
        self.pdf.restoreState()

    def _room(self, height):
        if self.y - height < _MARGIN:
            self.pdf.showPage()
            self.start_page()

    def gap(self, height):
        self.y -= height

    def centered(self, text, size, red=False):
        self._room(size + 8)
        self.pdf.setFont(self.font, size)
        if red:
            self.pdf.setFillColorRGB(0.75, 0, 0)
        self.pdf.drawCentredString(_PAGE_WIDTH / 2, self.y - size, text)
        self.pdf.setFillGray(0)
        self.y -= size + 8

    def text(self, text, size, grey=False):
        width = _PAGE_WIDTH - 2 * _MARGIN
        if grey:
            self.pdf.setFillGray(0.35)
        for line in _wrap(text, self.font, size, width):
            self._room(size + 6)
            self.pdf.setFont(self.font, size)
            self.pdf.drawString(_MARGIN, self.y - size, line)
            self.y -= size + 6
        self.pdf.setFillGray(0)

    def right(self, text):
        self._room(_LINE_HEIGHT + 4)
        self.pdf.setFont(self.font, _BODY_SIZE)
        self.pdf.drawRightString(_PAGE_WIDTH - _MARGIN - 20, self.y - _BODY_SIZE, text)
        self.y -= _LINE_HEIGHT + 4

    def row(self, label, value):
        value_width = _PAGE_WIDTH - 2 * _MARGIN - _LABEL_WIDTH - 2 * _ROW_PADDING
        label_lines = _wrap(label, self.font, _BODY_SIZE, _LABEL_WIDTH - 12)
        value_lines = _wrap(value, self.font, _BODY_SIZE, value_width) if value else []
        lines = max(len(label_lines), len(value_lines), 3 if _is_long(label) else 1)
        height = max(_ROW_MIN_HEIGHT, lines * _LINE_HEIGHT + 2 * _ROW_PADDING)
        self._room(height)

        left = _MARGIN
        right = _PAGE_WIDTH - _MARGIN
        top = self.y
        self.pdf.setFillGray(0.95)
        self.pdf.rect(left, top - height, _LABEL_WIDTH, height, stroke=0, fill=1)
        self.pdf.setFillGray(0)
        self.pdf.setLineWidth(0.6)
        self.pdf.rect(left, top - height, right - left, height, stroke=1, fill=0)
        self.pdf.line(left + _LABEL_WIDTH, top, left + _LABEL_WIDTH, top - height)

        self.pdf.setFont(self.font, _BODY_SIZE)
        for index, line in enumerate(label_lines):
            self.pdf.drawString(
                left + 6, top - _ROW_PADDING - _BODY_SIZE - index * _LINE_HEIGHT, line
            )
        for index, line in enumerate(value_lines):
            self.pdf.drawString(
                left + _LABEL_WIDTH + _ROW_PADDING,
                top - _ROW_PADDING - _BODY_SIZE - index * _LINE_HEIGHT,
                line,
            )
        self.y -= height


def _wrap(text, font, size, width):
    """Break text into lines that fit a width, character by character.

    Chinese has no spaces to break at, so any character may start a line.
    """
    lines = []
    current = ""
    for char in text:
        if pdfmetrics.stringWidth(current + char, font, size) > width and current:
            lines.append(current)
            current = char
        else:
            current += char
    if current:
        lines.append(current)
    return lines
