"""What the cluster tests share: ``scripts/cluster.py``, the demonstration
accounts and items, and requests made the way the hall's users make them."""

from pathlib import Path

import base64
import importlib
import requests
import socket
import sys


REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))
cluster = importlib.import_module("cluster")

PASSWORD = "Zyzwfw@2026"
CITIZEN = ("13800000001", PASSWORD)
#: A demonstration item open to persons online, with uploads required.
ITEM = "departments/rsj/social-security-card"
#: An item of 住房和城乡建设局, whose guides ``guide-editor`` edits.
EDITED_ITEM = "departments/zjj/construction-permit"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def free_port():
    """Return a TCP port on the loopback interface that nothing listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def session(login=None, password=PASSWORD):
    """Return a requests session asking for JSON, logged in as ``login``."""
    client = requests.Session()
    client.headers["Accept"] = "application/json"
    if login:
        client.auth = (login, password)
    return client


def application_body(item_json, marker="cluster"):
    """Return the ``@apply`` body of the demonstration citizen for an item.

    :param item_json: The item as plone.restapi serializes it.
    :param marker: Put into the remarks and the uploaded PDFs.
    """
    from zyzwfw.validators import id_number_check_digit

    first17 = "51200219900307123"
    data = base64.b64encode(PDF + marker.encode()).decode()
    return {
        "applicant": {
            "name": "张三",
            "id_type": "resident_id",
            "id_number": first17 + id_number_check_digit(first17),
            "mobile": CITIZEN[0],
        },
        "files": {
            material["id"]: {"filename": f"{material['id']}.pdf", "data": data}
            for material in item_json["materials"]
            if material["upload_required"]
        },
        "remarks": marker,
    }


def apply(instance, marker):
    """Submit an application through ``instance``; return the reply."""
    client = session(*CITIZEN)
    item = client.get(f"{instance.url}/{ITEM}", timeout=60).json()
    return client.post(
        f"{instance.url}/{ITEM}/@apply",
        json=application_body(item, marker),
        timeout=60,
    )


def progress(instance, number, code):
    """Return the status of the public look-up of an application."""
    return (
        session()
        .get(
            f"{instance.url}/@progress",
            params={"number": number, "code": code},
            timeout=60,
        )
        .status_code
    )


def template_url(instance):
    """Return the URL of a blank form of ``EDITED_ITEM``'s materials."""
    materials = session().get(f"{instance.url}/{EDITED_ITEM}").json()["materials"]
    return next(
        f"{material['@id']}/@@download/template"
        for material in materials
        if material.get("template")
    )
