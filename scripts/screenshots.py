"""Take screenshots of hall pages in Chromium at desktop and phone widths.

Usage: python scripts/screenshots.py URL [URL ...] [--out docs/screenshots]
       [--prefix NAME]
       python scripts/screenshots.py --how-to SITE_URL
       [--out src/zyzwfw/browser/static/how-to]

Uses Debian's Chromium (/usr/bin/chromium) through Playwright; no browser is
downloaded. Each page is shot at 1280 px and at 390 px wide, full page.

``--how-to`` walks through a demonstration hall as the demo citizen 张三
(13800000001) does: it finds an item, reads its guide, applies for it (this
submits a real application to that site), opens My applications and looks
the application up, and shoots each step at the size of the screen for the
how-to page (使用指南). Run it against a demonstration site only.
"""

from pathlib import Path
from playwright.sync_api import sync_playwright

import argparse
import re


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}


def shoot(urls, out, prefix, login=None):
    """Save a desktop and a phone screenshot of each URL into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        for name, (width, height) in VIEWPORTS.items():
            context = browser.new_context(
                viewport={"width": width, "height": height},
                locale="zh-CN",
                http_credentials=login,
                device_scale_factor=1,
            )
            page = context.new_page()
            for index, url in enumerate(urls):
                page.goto(url, wait_until="networkidle")
                path = out / f"{prefix}{index}-{name}.png"
                page.screenshot(path=str(path), full_page=True)
                print(path)
            context.close()
        browser.close()


DEMO_CITIZEN = ("13800000001", "Zyzwfw@2026")
HOW_TO_ITEM = "departments/gjj/provident-fund-withdrawal"
HOW_TO_SEARCH = "公积金"
# A resident ID number with a valid check digit, born 1990-03-07.
HOW_TO_ID_NUMBER = "512002199003071230"
HOW_TO_FILES = (("申请人居民身份证", "身份证.pdf"), ("住房租赁合同", "租赁合同.pdf"))
HOW_TO_SCAN = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


def _log_in(page, site, login, password):
    page.goto(f"{site}/login")
    page.get_by_role("textbox", name=re.compile("手机号码")).fill(login)
    page.get_by_role("textbox", name=re.compile("^密码")).fill(password)
    page.get_by_role("button", name="登录", exact=True).click()
    page.wait_for_load_state()


def _walk_through(page, site, shot):
    """Go through the steps of the how-to page, calling ``shot`` at each."""
    page.goto(f"{site}/guide?q={HOW_TO_SEARCH}")
    shot("find")

    page.goto(f"{site}/{HOW_TO_ITEM}")
    page.get_by_role("heading", name="申请材料").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -120)")
    shot("guide")

    page.get_by_role("link", name="在线申报").first.click()
    page.get_by_role("textbox", name=re.compile("^证件号码")).fill(HOW_TO_ID_NUMBER)
    for material, filename in HOW_TO_FILES:
        page.get_by_label(material).set_input_files(
            {"name": filename, "mimeType": "application/pdf", "buffer": HOW_TO_SCAN}
        )
    page.get_by_role("group", name="申请材料").scroll_into_view_if_needed()
    shot("apply")

    page.get_by_role("button", name="提交申请").click()
    page.wait_for_load_state()
    if not page.locator(".hall-receipt-code").count():
        page.screenshot(path="how-to-failed.png", full_page=True)
        raise SystemExit("The application was not submitted; see how-to-failed.png")
    number = re.search(r"ZY\d{10}", page.locator("#content").inner_text()).group(0)
    code = page.locator(".hall-receipt-code").inner_text().strip()
    shot("done")

    page.goto(f"{site}/my-applications")
    shot("desk")

    page.goto(f"{site}/progress?number={number}&code={code}")
    shot("progress")


def how_to(site, out):
    """Shoot the steps of the how-to page at both widths into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        for name, (width, height) in VIEWPORTS.items():
            context = browser.new_context(
                viewport={"width": width, "height": min(height, 800)},
                locale="zh-CN",
                device_scale_factor=1,
            )
            page = context.new_page()
            _log_in(page, site, *DEMO_CITIZEN)

            def shot(step, page=page, name=name):
                path = out / f"{step}-{name}.png"
                page.screenshot(path=str(path))
                print(path)

            _walk_through(page, site, shot)
            context.close()
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="*")
    parser.add_argument("--out")
    parser.add_argument("--how-to", metavar="SITE_URL")
    parser.add_argument("--prefix", default="page")
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()
    if args.how_to:
        out = args.out or "src/zyzwfw/browser/static/how-to"
        how_to(args.how_to.rstrip("/"), Path(out))
        return
    if not args.urls:
        parser.error("name at least one URL, or --how-to SITE_URL")
    login = None
    if args.user:
        login = {"username": args.user, "password": args.password}
    shoot(args.urls, Path(args.out or "docs/screenshots"), args.prefix, login)


if __name__ == "__main__":
    main()
