"""The hall under load: visitors, citizens applying with files, window staff.

Run by ``scripts/load.py``; alone::

    ZYZWFW_RECEIPTS=/tmp/receipts.txt locust -f scripts/locustfile.py --headless \\
        -u 20 -r 20 -t 60s --host http://127.0.0.1:8080

Only hosts on this machine are accepted. User classes:

- ``Visitor`` (most): browses the catalogue, opens guides, downloads blank
  forms, anonymously.
- ``Citizen``: a demonstration citizen, logged in, applies for an item with
  its required materials uploaded (``POST {item}/@apply``); every number
  acknowledged is appended with its query code to ``ZYZWFW_RECEIPTS``.
- ``Rush``: the same citizen with no pause between submissions, alone: how
  many submissions per second the hall accepts.
- ``Clerk``: window staff opening the worklist.
- ``GuideReader`` and ``StaticReader``: only guide pages, or only the static
  file of a guide page's size (``/_static/guide.html``), for the ceiling.

Name the classes on the command line: ``Visitor Citizen Clerk`` for the mix.
"""

from locust import between
from locust import events
from locust import HttpUser
from locust import task
from urllib.parse import urlsplit
from zyzwfw.validators import id_number_check_digit

import base64
import os
import random
import re
import threading


SITE = "/" + os.environ.get("SITE_ID", "zyzwfw")
PASSWORD = "Zyzwfw@2026"
CITIZENS = ("13800000001", "13800000002")
#: Demonstration items open to persons online, and their required uploads.
ITEMS = (
    "departments/rsj/social-security-card",
    "departments/rsj/employment-card",
    "departments/gjj/provident-fund-withdrawal",
    "departments/scj/individual-business",
)
#: A PDF of about 40 KB, as a scanned page would be after compression.
PDF = b"%PDF-1.4\n" + bytes(random.Random(7).randrange(256) for _ in range(40_000))
PDF += b"\n%%EOF\n"
ID_NUMBERS = {
    "13800000001": "51200219900307123",
    "13800000002": "51200219851111234",
}

_lock = threading.Lock()
_pages = {}


@events.test_start.add_listener
def _only_localhost(environment, **kwargs):
    host = urlsplit(environment.host or "").hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"the load test runs against this machine only, not {host}")


def _discover(client):
    """Find the guide pages and blank forms once, through the site itself."""
    with _lock:
        if _pages:
            return _pages
        reply = client.get(
            f"{SITE}/@search",
            params={"portal_type": "ServiceItem", "b_size": 1000},
            headers={"Accept": "application/json"},
            name="(discover)",
        )
        _pages["guides"] = [urlsplit(i["@id"]).path for i in reply.json()["items"]]
        downloads = client.get(f"{SITE}/downloads", name="(discover)").text
        _pages["forms"] = sorted(
            {
                urlsplit(url).path
                for url in re.findall(r'href="([^"]*@@download/template)"', downloads)
            }
        ) or [f"{SITE}/downloads"]
        return _pages


class Visitor(HttpUser):
    """An anonymous visitor reading guides and downloading forms."""

    weight = 6
    wait_time = between(0.2, 1.0)

    def on_start(self):
        self.pages = _discover(self.client)

    @task(3)
    def guide(self):
        self.client.get(random.choice(self.pages["guides"]), name="guide page")

    @task(2)
    def catalogue(self):
        self.client.get(f"{SITE}/guide", name="catalogue")

    @task(1)
    def download(self):
        self.client.get(random.choice(self.pages["forms"]), name="download")


class Citizen(HttpUser):
    """A logged-in citizen applying online with the required files."""

    weight = 3
    wait_time = between(0.2, 1.0)

    def on_start(self):
        self.login = random.choice(CITIZENS)
        self.client.auth = (self.login, PASSWORD)
        self.client.headers["Accept"] = "application/json"
        self.items = {}
        for path in ITEMS:
            item = self.client.get(f"{SITE}/{path}", name="(item)").json()
            self.items[path] = [
                m["id"] for m in item["materials"] if m["upload_required"]
            ]

    @task
    def apply(self):
        path = random.choice(ITEMS)
        first17 = ID_NUMBERS[self.login]
        data = base64.b64encode(PDF).decode()
        body = {
            "applicant": {
                "name": "张三" if self.login.endswith("1") else "李四",
                "id_type": "resident_id",
                "id_number": first17 + id_number_check_digit(first17),
                "mobile": self.login,
            },
            "files": {
                material: {"filename": f"{material}.pdf", "data": data}
                for material in self.items[path]
            },
        }
        with self.client.post(
            f"{SITE}/{path}/@apply", json=body, name="apply", catch_response=True
        ) as reply:
            if reply.status_code != 201:
                reply.failure(f"{reply.status_code}: {reply.text[:200]}")
                return
            receipt = reply.json()
            receipts = os.environ.get("ZYZWFW_RECEIPTS")
            if receipts:
                with _lock, open(receipts, "a", encoding="utf-8") as out:
                    out.write(f"{receipt['number']} {receipt['query_code']}\n")


class Rush(Citizen):
    """A citizen submitting again as soon as the last one was answered: the
    rush before a deadline, to measure submissions per second."""

    weight = 1
    wait_time = between(0, 0)


class Clerk(HttpUser):
    """Window staff of 住房和城乡建设局 working through the worklist."""

    weight = 1
    wait_time = between(0.5, 2.0)

    def on_start(self):
        self.client.auth = ("zjj-clerk", PASSWORD)

    @task
    def worklist(self):
        self.client.get(f"{SITE}/worklist", name="worklist")


class GuideReader(HttpUser):
    """Only anonymous guide pages, for the comparison with the ceiling."""

    weight = 1
    wait_time = between(0, 0)

    def on_start(self):
        self.pages = _discover(self.client)

    @task
    def guide(self):
        self.client.get(random.choice(self.pages["guides"]), name="guide page")


class StaticReader(HttpUser):
    """Only a static file of a guide page's size: the ceiling."""

    weight = 1
    wait_time = between(0, 0)

    @task
    def static(self):
        self.client.get("/_static/guide.html", name="static file")
