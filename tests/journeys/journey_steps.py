"""What the people of the journeys do in the browser, step by step.

Each helper clicks and types as a person would; none calls an API. The
journeys in ``test_journeys.py`` put them together.
"""

from playwright.sync_api import expect
from zyzwfw.validators import credit_code_check_char
from zyzwfw.validators import id_number_check_digit

import io
import random
import re
import zipfile


PASSWORD = "Zyzwfw@2026"
NEW_PASSWORD = "Journey-2026pw"

# A blank page of a PDF: what a scanner would hand a citizen, small.
PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)

NUMBER = re.compile(r"ZY\d{10}")


def new_mobile():
    """Return a mobile number nobody has registered in this hall yet."""
    return f"139{random.randrange(10**8):08d}"


def new_id_number():
    """Return a valid resident ID number of someone born in 1990."""
    first17 = f"512002199003{random.randrange(1, 28):02d}{random.randrange(1000):03d}"
    return first17 + id_number_check_digit(first17)


def new_credit_code():
    """Return a valid unified social credit code of a company in Ziyang."""
    first17 = f"91512002{random.randrange(10**9):09d}"
    return first17 + credit_code_check_char(first17)


def is_docx(data):
    """Tell whether ``data`` is a Word document: a zip with word/document.xml."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "word/document.xml" in archive.namelist()


def is_pdf(data):
    """Tell whether ``data`` is a PDF document."""
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]


def download(page, link):
    """Click a download link and return the file's name and bytes."""
    with page.expect_download() as info:
        link.click()
    download = info.value
    path = download.path()
    with open(path, "rb") as file:
        return download.suggested_filename, file.read()


def open_menu(page):
    """On a phone, open the collapsed main navigation; no-op on a desktop."""
    toggle = page.get_by_role("button", name=re.compile("导航|navigation", re.I))
    if toggle.count() and toggle.first.is_visible():
        toggle.first.click()


def register(visitor, mobile, name, email):
    """Register in the hall with a mobile number, from the home page's link."""
    page = visitor.open()
    page.get_by_role("link", name="注册", exact=True).first.click()
    page.get_by_role("textbox", name=re.compile("^手机号码")).fill(mobile)
    page.get_by_role("textbox", name=re.compile("^姓名")).fill(name)
    page.get_by_role("textbox", name=re.compile("^电子邮件")).fill(email)
    page.get_by_role("textbox", name=re.compile("^密码")).fill(NEW_PASSWORD)
    page.get_by_role("textbox", name=re.compile("^确认密码")).fill(NEW_PASSWORD)
    page.get_by_role("button", name="注册", exact=True).click()
    page.wait_for_load_state()


def fill_applicant(page, id_number, company, credit_code):
    """Fill in who applies: the ID number and, for a company, its name and code."""
    page.get_by_role("textbox", name=re.compile("^证件号码")).fill(id_number)
    legal = page.get_by_role("radio", name="法人")
    if legal.count():
        legal.check()
    page.get_by_role("textbox", name=re.compile("^单位名称")).fill(company)
    page.get_by_role("textbox", name=re.compile("^统一社会信用代码")).fill(credit_code)


def attach(page, material, name, data=PDF):
    """Choose a file for one material's slot of the apply form."""
    page.get_by_label(material).set_input_files(
        {"name": name, "mimeType": "application/pdf", "buffer": data}
    )


def number_and_code(page):
    """Read the application number and query code off the confirmation page."""
    text = page.locator("#content").inner_text()
    number = NUMBER.search(text).group(0)
    code = page.locator(".hall-receipt-code").inner_text()
    return number, code.strip()


def expect_text(page, text):
    """Wait until the page shows ``text`` in its content."""
    expect(page.locator("#content")).to_contain_text(text)
