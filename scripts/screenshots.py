"""Take screenshots of hall pages in Chromium at desktop and phone widths.

Usage: python scripts/screenshots.py URL [URL ...] [--out docs/screenshots]
       [--prefix NAME]

Uses Debian's Chromium (/usr/bin/chromium) through Playwright; no browser is
downloaded. Each page is shot at 1280 px and at 390 px wide, full page.
"""

from pathlib import Path
from playwright.sync_api import sync_playwright

import argparse


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--prefix", default="page")
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()
    login = None
    if args.user:
        login = {"username": args.user, "password": args.password}
    shoot(args.urls, Path(args.out), args.prefix, login)


if __name__ == "__main__":
    main()
