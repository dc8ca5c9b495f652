"""The policy an uploaded application material must pass before it is stored.

A file is accepted when its extension is one of the allowed kinds, it is neither
empty nor too large, and its content is what the extension says, judged by its
first bytes (and, for Office and OFD files, by the entries of the package).
Content a browser could run, such as a web page, an SVG image or a script, is
refused under any name, and so are Office files carrying macros.

Nothing here logs: the caller knows who uploaded the file and logs that.
"""

from typing import NamedTuple
from zyzwfw import _

import io
import re
import unicodedata
import zipfile


#: Kinds a material may be uploaded as, by default.
DEFAULT_ALLOWED_KINDS = (
    "pdf",
    "jpg",
    "jpeg",
    "png",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ofd",
)

#: Largest file accepted by default: 20 MiB.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: The MIME type to store and serve each kind with.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ofd": "application/ofd",
}

#: Longest cleaned file name, in characters, extension included. Eighty
#: Chinese characters are 240 bytes in UTF-8, within the 255 most file systems
#: allow when a citizen or clerk saves the file.
MAX_FILENAME_LENGTH = 80

_OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ZIP_MAGIC = b"PK\x03\x04"

# Names of the streams that make an OLE2 compound file a Word or Excel file.
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_EXCEL_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))

# How far into a file a browser sniffing its type would look for markup.
_SNIFF_LENGTH = 1024

_ACTIVE_SIGNATURES = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<script",
    b"<svg",
    b"<iframe",
    b"<object",
    b"<embed",
    b"<?php",
    b"javascript:",
)

_BYTE_ORDER_MARKS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

# Characters that mean something to a file system, a shell, an HTTP header or a
# URL; each becomes an underscore.
_UNSAFE_CHARACTERS = re.compile(r"""[<>:"/\\|?*'`;%#&$]""")

_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"COM{i}" for i in range(1, 10)]
    + [f"LPT{i}" for i in range(1, 10)]
)


class UploadRefused(ValueError):
    """An uploaded file breaks the upload policy.

    ``message`` is a translatable message naming the file and the reason.
    """

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class CheckedUpload(NamedTuple):
    """A file that passed :func:`check_upload`."""

    #: The cleaned file name to store, see :func:`clean_filename`.
    filename: str
    #: The kind, the lower-case extension, a key of :data:`CONTENT_TYPES`.
    kind: str


def clean_filename(name, max_length=MAX_FILENAME_LENGTH):
    """Return a file name that is safe to store, show and offer for download.

    Chinese and other letters, digits, spaces and ordinary punctuation are kept.
    Directories sent by old browsers (``C:\\材料\\身份证.jpg``) or by an attacker
    (``../../x.pdf``) are dropped, control and invisible formatting characters
    (such as the right-to-left override that shows ``gpj.exe`` as ``exe.jpg``)
    are removed, characters with a meaning to file systems, shells, HTTP headers
    or URLs become ``_``, runs of white space become one space, and leading or
    trailing dots and spaces go. The extension is kept in lower case, and the
    name before it is shortened so the whole fits ``max_length``.

    :param name: The file name as the browser sent it; ``None`` counts as empty.
    :type name: str
    :param max_length: The longest result, in characters.
    :type max_length: int
    :returns: The cleaned name; ``"file.<ext>"`` if only an extension was left,
        ``""`` if nothing was.
    :rtype: str
    """
    text = unicodedata.normalize("NFC", name or "")
    text = re.split(r"[\\/]", text)[-1]
    text = "".join(
        " " if char.isspace() else char
        for char in text
        if char.isspace() or not unicodedata.category(char).startswith("C")
    )
    text = " ".join(text.split())
    text = re.sub(r"_+", "_", _UNSAFE_CHARACTERS.sub("_", text))

    stem, dot, extension = text.rpartition(".")
    if not dot or not re.fullmatch(r"[A-Za-z0-9]{1,10}", extension):
        stem, extension = text, ""
    extension = extension.lower()
    stem = stem.strip(" .")
    if stem.upper() in _WINDOWS_RESERVED:
        stem = "_" + stem
    if not stem and not extension:
        return ""

    room = max_length - (len(extension) + 1 if extension else 0)
    stem = stem[: max(room, 1)].rstrip(" .") or "file"
    return f"{stem}.{extension}" if extension else stem


def check_upload(
    filename,
    data,
    allowed_kinds=DEFAULT_ALLOWED_KINDS,
    max_bytes=DEFAULT_MAX_BYTES,
):
    """Check an uploaded file against the upload policy.

    The checks run in this order, and the first that fails refuses the file:
    a name, an allowed extension, some content, at most ``max_bytes``, no web
    page or script content, and content that matches the extension.

    :param filename: The file name as the browser sent it.
    :type filename: str
    :param data: The whole content of the file.
    :type data: bytes
    :param allowed_kinds: The extensions accepted, each a key of
        :data:`CONTENT_TYPES`.
    :type allowed_kinds: iterable of str
    :param max_bytes: The largest size accepted, in bytes.
    :type max_bytes: int
    :returns: The cleaned file name and the kind of the file.
    :rtype: CheckedUpload
    :raises UploadRefused: If the file breaks the policy; its ``message`` says
        which file and why.
    :raises ValueError: If ``allowed_kinds`` holds a kind this module cannot
        recognize.
    :raises TypeError: If ``data`` is not bytes-like.
    """
    allowed = [kind.lower() for kind in allowed_kinds]
    unknown = set(allowed) - set(CONTENT_TYPES)
    if unknown:
        raise ValueError(f"Cannot recognize files of kind {sorted(unknown)}.")
    if not isinstance(data, bytes):
        data = bytes(memoryview(data))

    cleaned = clean_filename(filename)
    if not cleaned:
        raise UploadRefused(
            _("error_upload_no_filename", default="The uploaded file has no name.")
        )
    kind = cleaned.rpartition(".")[2].lower() if "." in cleaned else ""
    if kind not in allowed:
        raise UploadRefused(
            _(
                "error_upload_extension",
                default="${filename}: files of this type are not accepted. "
                "Accepted types: ${kinds}.",
                mapping={
                    "filename": cleaned,
                    "kinds": ", ".join(name.upper() for name in allowed),
                },
            )
        )

    _check_size(cleaned, len(data), max_bytes)
    _check_content(cleaned, kind, data)
    return CheckedUpload(cleaned, kind)


def _check_size(filename, size, max_bytes):
    """Refuse an empty file or one larger than ``max_bytes``."""
    if size == 0:
        raise UploadRefused(
            _(
                "error_upload_empty",
                default="${filename} is empty.",
                mapping={"filename": filename},
            )
        )
    if size > max_bytes:
        raise UploadRefused(
            _(
                "error_upload_too_large",
                default="${filename} is ${size}; a file may be at most ${limit}.",
                mapping={
                    "filename": filename,
                    "size": format_size(size),
                    "limit": format_size(max_bytes),
                },
            )
        )


def _check_content(filename, kind, data):
    """Refuse active content, macros, and content that is not of ``kind``."""
    if looks_active(data):
        raise UploadRefused(
            _(
                "error_upload_active_content",
                default="${filename} contains a web page or a script, which is "
                "not accepted.",
                mapping={"filename": filename},
            )
        )

    verdict = _SNIFFERS[kind](data)
    if verdict == "macros":
        raise UploadRefused(
            _(
                "error_upload_macros",
                default="${filename} contains macros, which are not accepted. "
                "Save it without macros and upload it again.",
                mapping={"filename": filename},
            )
        )
    if not verdict:
        raise UploadRefused(
            _(
                "error_upload_mismatch",
                default="${filename} is not a real ${kind} file: its content "
                "does not match its extension.",
                mapping={"filename": filename, "kind": kind.upper()},
            )
        )


def looks_active(data):
    """Return whether a browser could take ``data`` for a web page or script.

    The first kilobyte is searched, as browsers that sniff content types do,
    for markup (anything starting with ``<``, HTML and SVG tags wherever they
    appear) or a ``#!`` script line, in any case, after byte order marks, and
    with NUL bytes dropped so that UTF-16 text is caught as well.

    :param data: The content of a file.
    :type data: bytes
    :returns: ``True`` if the content looks like markup or a script.
    :rtype: bool
    """
    head = data[:_SNIFF_LENGTH]
    for mark in _BYTE_ORDER_MARKS:
        if head.startswith(mark):
            head = head[len(mark) :]
            break
    head = head.replace(b"\x00", b"").lower()
    start = head.lstrip()
    if start.startswith((b"<", b"#!")):
        return True
    return any(signature in head for signature in _ACTIVE_SIGNATURES)


def _zip_names(data):
    """Return the entry names of a ZIP package, or ``None`` if it is none.

    The package must start with a ZIP entry: the reader would also find a ZIP
    appended to another file, a web page for one.
    """
    if not data.startswith(_ZIP_MAGIC):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return set(package.namelist())
    except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError, OSError):
        return None


def _office_open_xml(data, folder):
    """Judge an Office Open XML package whose main parts live in ``folder``."""
    names = _zip_names(data)
    if names is None or "[Content_Types].xml" not in names:
        return False
    if not any(name.startswith(folder) for name in names):
        return False
    if f"{folder}vbaProject.bin" in names:
        return "macros"
    return True


def _ole2_with(data, streams):
    """Judge an OLE2 compound file that must hold one of ``streams``."""
    return data.startswith(_OLE2_MAGIC) and any(s in data for s in streams)


def _ofd(data):
    """Judge an OFD package (GB/T 33190): a ZIP with ``OFD.xml`` at its root."""
    names = _zip_names(data)
    return names is not None and "OFD.xml" in names


_SNIFFERS = {
    "pdf": lambda data: data.startswith(b"%PDF-"),
    "png": lambda data: data.startswith(b"\x89PNG\r\n\x1a\n"),
    "jpg": lambda data: data.startswith(b"\xff\xd8\xff"),
    "jpeg": lambda data: data.startswith(b"\xff\xd8\xff"),
    "doc": lambda data: _ole2_with(data, (_WORD_STREAM,)),
    "xls": lambda data: _ole2_with(data, _EXCEL_STREAMS),
    "docx": lambda data: _office_open_xml(data, "word/"),
    "xlsx": lambda data: _office_open_xml(data, "xl/"),
    "ofd": _ofd,
}


def check_total(sizes, max_total_bytes):
    """Check that the files of one application together stay within a limit.

    :param sizes: The size of each file, in bytes.
    :type sizes: iterable of int
    :param max_total_bytes: The largest total accepted, in bytes.
    :type max_total_bytes: int
    :returns: The total size, in bytes.
    :rtype: int
    :raises UploadRefused: If the total is larger than ``max_total_bytes``.
    """
    total = sum(sizes)
    if total > max_total_bytes:
        raise UploadRefused(
            _(
                "error_upload_total_too_large",
                default="The files together come to ${size}; one application "
                "may carry at most ${limit}.",
                mapping={
                    "size": format_size(total),
                    "limit": format_size(max_total_bytes),
                },
            )
        )
    return total


def format_size(size):
    """Return a size in bytes as a short text with a unit, for messages.

    :param size: The size, in bytes.
    :type size: int
    :returns: For example ``"20 MB"``, ``"1.5 MB"``, ``"300 KB"`` or ``"12 B"``
        (binary units: 1 MB is 1024 × 1024 bytes). Sizes are rounded up to the
        tenth, so a file just over a limit never shows as equal to it.
    :rtype: str
    """
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= factor:
            tenths = -(-size * 10 // factor)
            amount = f"{tenths // 10}" if tenths % 10 == 0 else f"{tenths / 10:.1f}"
            return f"{amount} {unit}"
    return f"{size} B"
