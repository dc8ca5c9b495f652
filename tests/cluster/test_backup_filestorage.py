"""make backup and make restore on FileStorage: repozo, then the blobs.

The test backs up a copy of the demonstration site, submits an application
and replaces a blank form after the backup, restores, and finds the state of
the backup: the application from before with its uploaded file, none from
after, and the blank form as it was.
"""

from backup import backup_filestorage
from backup import restore_filestorage
from cluster_helpers import apply
from cluster_helpers import CITIZEN
from cluster_helpers import cluster
from cluster_helpers import free_port
from cluster_helpers import PDF
from cluster_helpers import progress
from cluster_helpers import session
from cluster_helpers import template_url

import pytest
import requests
import shutil


pytestmark = pytest.mark.slow


def test_restore_gives_back_the_backed_up_database_and_files(workdir, demo):
    instance = cluster.Instance(
        workdir / "fs-backup", free_port(), storage="filestorage"
    )
    shutil.copytree(demo.folder / "var", instance.folder / "var")
    instance.write()
    backups = workdir / "fs-backups"

    instance.start()
    try:
        before = apply(instance, "before-backup").json()
        form = template_url(instance)
        original = requests.get(form, timeout=60).content
    finally:
        instance.stop()
    stamp = backup_filestorage(instance.folder / "var", backups)
    assert (backups / "blobstorage" / stamp).is_dir()

    instance.start()
    try:
        after = apply(instance, "after-backup").json()
        replaced = session("admin", "admin").patch(
            form.rsplit("/@@download", 1)[0],
            json={
                "template": {
                    "data": "UEsDBA==",
                    "encoding": "base64",
                    "filename": "new.docx",
                }
            },
            timeout=60,
        )
        assert replaced.status_code == 204, replaced.text
        assert requests.get(form, timeout=60).content == b"PK\x03\x04"
    finally:
        instance.stop()

    assert restore_filestorage(instance.folder / "var", backups) == stamp

    instance.start()
    try:
        assert progress(instance, before["number"], before["query_code"]) == 200
        assert progress(instance, after["number"], after["query_code"]) == 404
        assert requests.get(form, timeout=60).content == original
        path = before["@id"].split("/zyzwfw/")[1]
        upload = requests.get(
            f"{instance.url}/{path}/@@material-file",
            params={"material": "id-card", "download": "1"},
            auth=CITIZEN,
            timeout=60,
        )
        assert upload.content == PDF + b"before-backup"
    finally:
        instance.stop()
