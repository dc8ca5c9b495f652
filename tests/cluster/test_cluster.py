"""The hall on RelStorage: two instances on one PostgreSQL, a crash, the proxy.

Every request goes the way a citizen's, an editor's or a visitor's does:
``POST {item}/@apply`` with the demonstration citizen's login, the public
``@progress`` look-up, the application's own page and its files, and the
publication workflow through plone.restapi.
"""

from cluster_helpers import apply
from cluster_helpers import CITIZEN
from cluster_helpers import cluster
from cluster_helpers import EDITED_ITEM
from cluster_helpers import free_port
from cluster_helpers import PDF
from cluster_helpers import progress
from cluster_helpers import session
from concurrent.futures import ThreadPoolExecutor

import psycopg2
import pytest
import requests
import threading
import time


pytestmark = pytest.mark.slow

EDITOR = ("guide-editor", "Zyzwfw@2026")
REVIEWER = ("centre-reviewer", "Zyzwfw@2026")


def set_caching_proxy(instance, url):
    """Turn purging towards ``url`` on (off for None), as in the control panel."""
    prefix = "plone.cachepurging.interfaces.ICachePurgingSettings"
    reply = session("admin", "admin").patch(
        f"{instance.url}/@registry",
        json={
            f"{prefix}.enabled": url is not None,
            f"{prefix}.cachingProxies": [url] if url else [],
        },
        timeout=60,
    )
    assert reply.status_code == 204, reply.text


def test_conversion_keeps_the_catalogue_and_its_files(workdir, demo, instances):
    demo.start()
    try:
        client = session("admin", "admin")
        query = {"portal_type": "Material", "b_size": 1000, "sort_on": "path"}
        before = client.get(f"{demo.url}/@search", params=query, timeout=60).json()
        after = client.get(
            f"{instances[1].url}/@search", params=query, timeout=60
        ).json()
        assert after["items_total"] == before["items_total"] > 300
        assert [i["@id"].split("/zyzwfw/")[1] for i in after["items"]] == [
            i["@id"].split("/zyzwfw/")[1] for i in before["items"]
        ]
        # The blank forms came along, byte for byte.
        compared = 0
        for entry in before["items"][:40]:
            path = entry["@id"].split("/zyzwfw/")[1]
            old = requests.get(f"{demo.url}/{path}/@@download/template", timeout=60)
            if old.status_code != 200:
                continue
            new = requests.get(
                f"{instances[1].url}/{path}/@@download/template", timeout=60
            )
            assert new.status_code == 200
            assert new.content == old.content
            compared += 1
        assert compared >= 5
    finally:
        demo.stop()


def test_submitted_on_one_instance_is_read_on_the_other(instances):
    first, second = instances
    reply = apply(first, "read-elsewhere")
    assert reply.status_code == 201, reply.text
    receipt = reply.json()
    path = receipt["@id"].split("/zyzwfw/")[1]

    page = session(*CITIZEN).get(f"{second.url}/{path}", timeout=60)
    assert page.status_code == 200
    assert page.json()["remarks"] == "read-elsewhere"
    mine = session(*CITIZEN).get(f"{second.url}/@my-applications", timeout=60)
    assert receipt["number"] in mine.text
    assert progress(second, receipt["number"], receipt["query_code"]) == 200
    upload = requests.get(
        f"{second.url}/{path}/@@material-file",
        params={"material": "id-card", "download": "1"},
        auth=CITIZEN,
        timeout=60,
    )
    assert upload.status_code == 200
    assert upload.content == PDF + b"read-elsewhere"


def test_each_instance_takes_its_turns_through_the_database(database, instances):
    for instance in instances:
        reply = apply(instance, "turns")
        assert reply.status_code == 201, reply.text
    with psycopg2.connect(database.dsn()) as connection:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE application_name = 'zyzwfw turns'"
            )
            assert cursor.fetchone()[0] == len(instances)


def test_a_killed_instance_loses_no_acknowledged_submission(instances):
    first, second = instances
    acknowledged = []
    failures = {first.port: 0, second.port: 0}
    served_after_kill = []
    killed = threading.Event()
    stop = threading.Event()
    lock = threading.Lock()

    def submit(worker):
        target = instances[worker % 2]
        count = 0
        while not stop.is_set():
            count += 1
            try:
                reply = apply(target, f"stream-{worker}-{count}")
            except requests.RequestException:
                with lock:
                    failures[target.port] += 1
                time.sleep(0.2)
                continue
            with lock:
                if reply.status_code == 201:
                    acknowledged.append(reply.json())
                    if killed.is_set() and target is second:
                        served_after_kill.append(reply.json()["number"])
                else:
                    failures[target.port] += 1

    with ThreadPoolExecutor(4) as pool:
        for worker in range(4):
            pool.submit(submit, worker)
        deadline = time.monotonic() + 120
        while len(acknowledged) < 8 and time.monotonic() < deadline:
            time.sleep(0.1)
        first.kill()
        killed.set()
        time.sleep(10)
        stop.set()

    assert len(acknowledged) >= 8
    # The other instance went on serving, without a single error.
    assert served_after_kill
    assert failures[second.port] == 0
    numbers = [receipt["number"] for receipt in acknowledged]
    assert len(set(numbers)) == len(numbers)

    first.start()
    for receipt in acknowledged:
        assert progress(first, receipt["number"], receipt["query_code"]) == 200, receipt


def test_a_published_edit_reaches_anonymous_visitors_through_varnish(
    workdir, instances
):
    first, second = instances
    port = free_port()
    proxy = cluster.start_varnish(workdir / "varnish", port, first.port)
    try:
        set_caching_proxy(first, f"http://127.0.0.1:{port}")
        guide = f"http://127.0.0.1:{port}/zyzwfw/{EDITED_ITEM}"
        # A filtered page of the catalogue: purging /guide reaches it too.
        catalogue = f"http://127.0.0.1:{port}/zyzwfw/guide?department=zjj"
        for url in (guide, catalogue):
            requests.get(url, timeout=60)
            again = requests.get(url, timeout=60)
            assert again.status_code == 200
            assert again.headers["X-Cache"] == "HIT", url
        old_title = session().get(f"{first.url}/{EDITED_ITEM}").json()["title"]
        assert old_title in requests.get(catalogue, timeout=60).text
        # A logged-in editor is never served from the cache.
        editor_view = requests.get(guide, auth=EDITOR, timeout=60)
        assert editor_view.headers["X-Cache"] == "MISS"
        assert "private" in editor_view.headers.get("Cache-Control", "")

        # Retract, edit, submit and publish, through the other instance.
        item = f"{second.url}/{EDITED_ITEM}"
        reviewer, editor = session(*REVIEWER), session(*EDITOR)
        assert reviewer.post(f"{item}/@workflow/retract").status_code == 200
        new_title = old_title + "（新版指南）"
        edited = editor.patch(item, json={"title": new_title})
        assert edited.status_code == 204, edited.text
        assert editor.post(f"{item}/@workflow/submit").status_code == 200
        assert reviewer.post(f"{item}/@workflow/publish").status_code == 200

        deadline = time.monotonic() + 30
        seen = {}
        while time.monotonic() < deadline and len(seen) < 2:
            for url in (guide, catalogue):
                if new_title in requests.get(url, timeout=60).text:
                    seen[url] = True
            time.sleep(0.5)
        assert seen == {guide: True, catalogue: True}
    finally:
        cluster.end_process(proxy.pid)
        proxy.wait(timeout=30)
        set_caching_proxy(first, None)


def test_backup_and_restore_give_back_exactly_the_backed_up_state(
    workdir, database, instances
):
    first, second = instances
    before = apply(first, "before-backup").json()
    admin = session("admin", "admin")
    materials = session().get(f"{first.url}/{EDITED_ITEM}").json()["materials"]
    material_path = next(
        m["@id"].split("/zyzwfw/")[1] for m in materials if m.get("template")
    )
    material = f"{first.url}/{material_path}"
    original = requests.get(f"{material}/@@download/template", timeout=60)
    assert original.status_code == 200

    from backup import backup_relstorage
    from backup import restore_relstorage

    dump = backup_relstorage(database.dsn(), workdir / "backups")

    after = apply(second, "after-backup").json()
    replaced = admin.patch(
        material,
        json={
            "template": {
                "data": "UEsDBA==",
                "encoding": "base64",
                "filename": "new.docx",
                "content-type": "application/octet-stream",
            }
        },
    )
    assert replaced.status_code == 204, replaced.text
    assert requests.get(f"{material}/@@download/template").content == b"PK\x03\x04"

    # The instances stop while the database goes back in time.
    for instance in instances:
        instance.stop()
    restore_relstorage(database.dsn(), workdir / "backups", dump)
    for instance in instances:
        instance.start(wait=False)
    for instance in instances:
        instance.wait()

    for instance in instances:
        assert progress(instance, before["number"], before["query_code"]) == 200
        assert progress(instance, after["number"], after["query_code"]) == 404
        restored = requests.get(
            f"{instance.url}/{material_path}/@@download/template", timeout=60
        )
        assert restored.content == original.content
    path = before["@id"].split("/zyzwfw/")[1]
    upload = requests.get(
        f"{second.url}/{path}/@@material-file",
        params={"material": "id-card", "download": "1"},
        auth=CITIZEN,
        timeout=60,
    )
    assert upload.content == PDF + b"before-backup"
