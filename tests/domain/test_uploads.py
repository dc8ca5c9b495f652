"""The upload policy: allowed kinds, sizes, true content, and clean names."""

from zyzwfw.uploads import check_total
from zyzwfw.uploads import check_upload
from zyzwfw.uploads import CheckedUpload
from zyzwfw.uploads import clean_filename
from zyzwfw.uploads import CONTENT_TYPES
from zyzwfw.uploads import DEFAULT_ALLOWED_KINDS
from zyzwfw.uploads import format_size
from zyzwfw.uploads import looks_active
from zyzwfw.uploads import MAX_FILENAME_LENGTH
from zyzwfw.uploads import UploadRefused

import io
import pytest
import struct
import zipfile
import zlib


def png_bytes():
    """Return a real 1×1 white PNG image."""

    def chunk(kind, body):
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def jpeg_bytes(metadata=b""):
    """Return the frame of a JPEG image, with an optional APP1 segment."""
    app0 = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    app1 = b""
    if metadata:
        app1 = b"\xff\xe1" + struct.pack(">H", len(metadata) + 2) + metadata
    return b"\xff\xd8" + app0 + app1 + b"\xff\xda\x00\x08\x01\x01\x00\x00?\x00\xff\xd9"


PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)

XMP = (
    b"http://ns.adobe.com/xap/1.0/\x00"
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF></rdf:RDF></x:xmpmeta>'
    b'<?xpacket end="w"?>'
)


def zip_bytes(*names):
    """Return a ZIP package holding an empty entry for each of ``names``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name in names:
            package.writestr(name, "<?xml version='1.0'?><x/>")
    return buffer.getvalue()


def ole2_bytes(stream):
    """Return an OLE2 compound file header and a directory naming ``stream``."""
    header = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504
    entry = "Root Entry".encode("utf-16-le").ljust(128, b"\x00")
    entry += stream.encode("utf-16-le").ljust(128, b"\x00")
    return header + entry.ljust(512, b"\x00")


DOCX = zip_bytes("[Content_Types].xml", "_rels/.rels", "word/document.xml")
XLSX = zip_bytes("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml")
OFD = zip_bytes("OFD.xml", "Doc_0/Document.xml", "Doc_0/Pages/Page_0/Content.xml")
DOC = ole2_bytes("WordDocument")
XLS = ole2_bytes("Workbook")
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
    b"<script>alert(1)</script></svg>"
)


def refusal(filename, data, **options):
    """Return the message an upload is refused with."""
    with pytest.raises(UploadRefused) as caught:
        check_upload(filename, data, **options)
    return caught.value.message


class TestGoodFiles:
    @pytest.mark.parametrize(
        "filename,data,kind",
        [
            ("营业执照.pdf", PDF, "pdf"),
            ("身份证正面.png", png_bytes(), "png"),
            ("身份证反面.jpg", jpeg_bytes(), "jpg"),
            ("户口簿.jpeg", jpeg_bytes(), "jpeg"),
            ("照片（含元数据）.jpg", jpeg_bytes(XMP), "jpg"),
            ("申请表.docx", DOCX, "docx"),
            ("收费明细.xlsx", XLSX, "xlsx"),
            ("电子证照.ofd", OFD, "ofd"),
            ("申请书.doc", DOC, "doc"),
            ("统计表.xls", XLS, "xls"),
            ("旧版统计表.xls", ole2_bytes("Book"), "xls"),
        ],
    )
    def test_accepted(self, filename, data, kind):
        """Each allowed kind passes with real content."""
        assert check_upload(filename, data) == CheckedUpload(filename, kind)

    def test_pdf_with_metadata(self):
        """XML metadata near the start of a PDF is no web page."""
        data = PDF.replace(b"1 0 obj", b"3 0 obj\n<< >>stream\n" + XMP + b"\nendstream")
        assert check_upload("a.pdf", data).kind == "pdf"

    def test_upper_case_extension(self):
        """The extension is compared and returned in lower case."""
        assert check_upload("SCAN0001.PDF", PDF) == ("SCAN0001.pdf", "pdf")

    def test_name_is_cleaned(self):
        """The returned name is the cleaned one."""
        result = check_upload("C:\\Users\\张三\\桌面\\身份证.jpg", jpeg_bytes())
        assert result.filename == "身份证.jpg"

    @pytest.mark.parametrize("wrap", [bytearray, memoryview])
    def test_bytes_like_data(self, wrap):
        """Any bytes-like content is accepted."""
        assert check_upload("a.pdf", wrap(PDF)).kind == "pdf"

    def test_exactly_the_limit(self):
        """A file of exactly ``max_bytes`` passes."""
        assert check_upload("a.pdf", PDF, max_bytes=len(PDF)).kind == "pdf"

    def test_every_default_kind_has_a_content_type(self):
        """A content type is known for each kind accepted by default."""
        assert set(DEFAULT_ALLOWED_KINDS) <= set(CONTENT_TYPES)


class TestBadFiles:
    @pytest.mark.parametrize(
        "filename,data",
        [
            ("申请书.pdf", HTML),
            ("申请书.pdf", b"\xef\xbb\xbf  \r\n<html><body>x</body></html>"),
            ("申请书.pdf", "<html><body>x</body></html>".encode("utf-16")),
            ("申请书.pdf", "<html><body>x</body></html>".encode("utf-16-be")),
            ("申请书.doc", b"<p>Word exported as a web page</p>"),
            ("照片.png", SVG),
            ("照片.jpg", b"<svg onload=alert(1)></svg>"),
            ("照片.png", b"\n\n<SVG xmlns='http://www.w3.org/2000/svg'/>"),
            ("申请书.docx", b"#!/bin/sh\nrm -rf /\n"),
            ("申请书.pdf", b"%PDF-1.4\n<script>alert(1)</script>\n%%EOF"),
            ("申请书.pdf", b"%PDF-1.4\n<iframe src=javascript:alert(1)>\n%%EOF"),
            ("照片.jpg", b"\xff\xd8\xff\xe0<!doctype html><title>x</title>"),
            ("申请表.xlsx", b"<?php system($_GET['c']); ?>"),
            ("申请表.docx", HTML + DOCX),
        ],
    )
    def test_active_content(self, filename, data):
        """Web pages, SVG and scripts are refused under any allowed name."""
        assert refusal(filename, data) == "error_upload_active_content"

    @pytest.mark.parametrize(
        "filename,data",
        [
            ("申请书.docx", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 100),
            ("申请书.docx", zip_bytes("setup.exe")),
            ("申请书.docx", zip_bytes("[Content_Types].xml", "xl/workbook.xml")),
            ("申请书.docx", zip_bytes("word/document.xml")),
            ("统计表.xlsx", DOCX),
            ("电子证照.ofd", zip_bytes("Doc_0/Document.xml")),
            ("电子证照.ofd", PDF),
            ("申请书.docx", b"GIF89a" + DOCX),
            ("申请书.docx", b"PK\x03\x04 but not really a zip"),
            ("照片.jpg", png_bytes()),
            ("照片.png", jpeg_bytes()),
            ("申请书.pdf", DOCX),
            ("申请书.pdf", b"PDF-1.4 without its percent sign"),
            ("申请书.doc", XLS),
            ("统计表.xls", DOC),
            ("安装包.doc", ole2_bytes("MsiDigitalSignatureEx")),
            ("申请书.doc", b"{\\rtf1\\ansi hello}"),
            ("申请书.doc", DOCX),
        ],
    )
    def test_content_does_not_match(self, filename, data):
        """Content of another kind than its extension says is refused."""
        assert refusal(filename, data) == "error_upload_mismatch"

    @pytest.mark.parametrize(
        "filename,macros",
        [
            ("申请书.docx", "word/vbaProject.bin"),
            ("统计表.xlsx", "xl/vbaProject.bin"),
        ],
    )
    def test_macros(self, filename, macros):
        """Office files carrying macros are refused."""
        folder = macros.partition("/")[0]
        data = zip_bytes("[Content_Types].xml", f"{folder}/main.xml", macros)
        assert refusal(filename, data) == "error_upload_macros"

    @pytest.mark.parametrize(
        "filename",
        [
            "病毒.exe",
            "页面.html",
            "图标.svg",
            "压缩包.zip",
            "脚本.js",
            "说明.txt",
            "没有扩展名",
            "申请书.pdf.exe",
        ],
    )
    def test_extension_not_allowed(self, filename):
        """Only the allowed extensions are accepted."""
        assert refusal(filename, PDF) == "error_upload_extension"

    def test_extension_restricted_by_caller(self, zh):
        """A material may accept fewer kinds than the default."""
        message = refusal("照片.png", png_bytes(), allowed_kinds=("pdf", "ofd"))
        assert message.mapping == {"filename": "照片.png", "kinds": "PDF, OFD"}
        assert zh(message) == "文件“照片.png”的类型不予接收。可上传的类型：PDF, OFD。"

    @pytest.mark.parametrize("filename", ["", None, "../", "\x00\x01"])
    def test_no_name(self, filename):
        """A file without a usable name is refused."""
        assert refusal(filename, PDF) == "error_upload_no_filename"

    def test_empty(self, zh):
        """An empty file is refused, naming it."""
        message = refusal("营业执照.pdf", b"")
        assert message == "error_upload_empty"
        assert zh(message) == "文件“营业执照.pdf”是空文件。"

    def test_too_large(self, zh):
        """A file over the limit is refused with its size and the limit."""
        data = PDF + b"\x00" * (20 * 1024 * 1024)
        message = refusal("扫描件.pdf", data)
        assert message == "error_upload_too_large"
        assert message.mapping["limit"] == "20 MB"
        assert zh(message) == ("文件“扫描件.pdf”大小为20.1 MB，单个文件不能超过20 MB。")

    def test_one_byte_too_large(self):
        """The limit is exact."""
        assert refusal("a.pdf", PDF, max_bytes=len(PDF) - 1) == "error_upload_too_large"

    def test_size_checked_before_content(self):
        """An oversized file is refused for its size, whatever it holds."""
        assert refusal("a.pdf", HTML, max_bytes=10) == "error_upload_too_large"

    def test_mismatch_message(self, zh):
        """The mismatch message names the file and the kind it claims."""
        message = refusal("申请书.docx", zip_bytes("setup.exe"))
        assert zh(message) == (
            "文件“申请书.docx”不是真正的DOCX文件：文件内容与扩展名不符。"
        )

    def test_active_message(self, zh):
        """The active content message names the cleaned file name."""
        message = refusal("../../申请书.pdf", HTML)
        assert zh(message) == "文件“申请书.pdf”含有网页或脚本内容，不予接收。"

    def test_unknown_kind_is_a_programming_error(self):
        """Kinds this module cannot recognize cannot be allowed."""
        with pytest.raises(ValueError):
            check_upload("a.txt", b"text", allowed_kinds=("txt",))

    def test_text_is_not_data(self):
        """Content must be bytes, not text."""
        with pytest.raises(TypeError):
            check_upload("a.pdf", "%PDF-1.4")

    def test_refusal_is_a_value_error(self):
        """Callers catching ValueError also catch refusals."""
        with pytest.raises(ValueError):
            check_upload("a.pdf", b"")


class TestLooksActive:
    @pytest.mark.parametrize(
        "data",
        [PDF, png_bytes(), jpeg_bytes(XMP), DOCX, XLSX, OFD, DOC, XLS, b"plain text"],
    )
    def test_inert(self, data):
        """Real files of the allowed kinds are not taken for web pages."""
        assert looks_active(data) is False

    def test_markup_past_the_first_kilobyte_is_not_sniffed(self):
        """Only the first kilobyte is searched, as browsers sniff."""
        assert looks_active(PDF + b"\x00" * 1024 + b"<script>") is False


class TestCleanFilename:
    @pytest.mark.parametrize(
        "name,cleaned",
        [
            ("营业执照.pdf", "营业执照.pdf"),
            ("营业执照副本（2025年）.PDF", "营业执照副本（2025年）.pdf"),
            ("C:\\Users\\张三\\Desktop\\身份证正面.JPG", "身份证正面.jpg"),
            ("/home/zhangsan/申请表.docx", "申请表.docx"),
            ("../../etc/passwd", "passwd"),
            ("..\\..\\windows\\win.ini", "win.ini"),
            ("....//....//申请表.docx", "申请表.docx"),
            ("..", ""),
            ("", ""),
            (None, ""),
            (".pdf", "file.pdf"),
            ("..pdf", "file.pdf"),
            (".bashrc", "file.bashrc"),
            ("申请\x00表.pdf", "申请表.pdf"),
            ("申请\n表\t（1）.pdf", "申请 表 （1）.pdf"),
            ("invoice\u202egpj.exe", "invoicegpj.exe"),
            ("零\u200b宽.pdf", "零宽.pdf"),
            ("合同  （2025）  第1号 .pdf", "合同 （2025） 第1号.pdf"),
            ("合同\u3000第1号.pdf", "合同 第1号.pdf"),
            ("a<script>b.pdf", "a_script_b.pdf"),
            ('x"; filename="evil.html.pdf', "x_ filename=_evil.html.pdf"),
            ("what?*|:.pdf", "what_.pdf"),
            ("100%完成&通过#1$.pdf", "100_完成_通过_1_.pdf"),
            ("报告.pdf...", "报告.pdf"),
            ("报告.pdf   ", "报告.pdf"),
            ("CON.pdf", "_CON.pdf"),
            ("lpt1.docx", "_lpt1.docx"),
            ("archive.tar.gz", "archive.tar.gz"),
            ("说明", "说明"),
            ("e\u0301te\u0301.pdf", "\u00e9t\u00e9.pdf"),
            ("张三-身份证_正面 (1).jpg", "张三-身份证_正面 (1).jpg"),
        ],
    )
    def test_cleaned(self, name, cleaned):
        """Paths, control and unsafe characters go; Chinese stays."""
        assert clean_filename(name) == cleaned

    def test_long_name_keeps_extension(self):
        """An overlong name is shortened before its extension."""
        cleaned = clean_filename("很长的文件名" * 40 + ".pdf")
        assert len(cleaned) == MAX_FILENAME_LENGTH
        assert cleaned == ("很长的文件名" * 40)[: MAX_FILENAME_LENGTH - 4] + ".pdf"

    def test_max_length(self):
        """The limit can be chosen."""
        assert clean_filename("申请表（最终版）.docx", max_length=8) == "申请表.docx"

    def test_shortening_leaves_no_trailing_dot(self):
        """A name cut at a dot or space does not end in one."""
        assert clean_filename("申请表. 最终版.pdf", max_length=8) == "申请表.pdf"

    def test_idempotent(self):
        """Cleaning a clean name changes nothing."""
        for name in ("营业执照.pdf", "a_script_b.pdf", "_CON.pdf", "合同 第1号.pdf"):
            assert clean_filename(clean_filename(name)) == name


class TestCheckTotal:
    def test_within(self):
        """The total is returned when within the limit."""
        assert check_total([100, 200, 300], 600) == 600

    def test_empty(self):
        """An application without files weighs nothing."""
        assert check_total([], 0) == 0

    def test_over(self, zh):
        """Over the limit, the total and the limit are reported."""
        sizes = (size * 1024 * 1024 for size in (20, 20, 15))
        with pytest.raises(UploadRefused) as caught:
            check_total(sizes, 50 * 1024 * 1024)
        message = caught.value.message
        assert message == "error_upload_total_too_large"
        assert zh(message) == ("所有文件合计55 MB，每件申请的材料总大小不能超过50 MB。")


class TestFormatSize:
    @pytest.mark.parametrize(
        "size,text",
        [
            (0, "0 B"),
            (1023, "1023 B"),
            (1024, "1 KB"),
            (1536, "1.5 KB"),
            (300 * 1024, "300 KB"),
            (20 * 1024 * 1024, "20 MB"),
            (20 * 1024 * 1024 + 1, "20.1 MB"),
            (int(1.5 * 1024 * 1024), "1.5 MB"),
        ],
    )
    def test_format(self, size, text):
        """Sizes read in the largest binary unit, rounded up to a tenth."""
        assert format_size(size) == text
