"""Write the Zope instance configuration from the project's templates.

Reads ``instance/templates/*.in`` and writes ``instance/etc/zope.conf``,
``zope.ini`` and ``site.zcml``, and makes the folders under ``instance/var``.
It never touches the data in ``instance/var``.

Usage: python scripts/write_instance.py [--host H] [--port P] [--threads N]
       [--storage filestorage|relstorage] [--dsn DSN]

``--storage relstorage`` keeps the data in PostgreSQL (see ``scripts/cluster.py``);
``--dsn`` names the database as libpq does (``DSN`` below is the default).
"""

from pathlib import Path

import argparse


ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "instance" / "templates"
STORAGES = ("filestorage", "relstorage")
DSN = "dbname=zyzwfw user=zyzwfw host=127.0.0.1 port=5433"


def render(name, values):
    """Return the template ``name`` with each ``@KEY@`` replaced."""
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", str(value))
    return text


def write_instance(instance, host, port, threads, site_id, storage, dsn=DSN):
    """Write the configuration of the instance in the folder ``instance``.

    :param instance: The instance folder; ``etc`` and ``var`` go inside.
    :param storage: ``filestorage`` or ``relstorage``.
    :param dsn: The PostgreSQL database of ``relstorage``.
    :raises ValueError: For an unknown storage.
    """
    if storage not in STORAGES:
        raise ValueError(f"unknown storage {storage!r}; one of {STORAGES}")
    etc = instance / "etc"
    var = instance / "var"
    blobs = "blobstorage" if storage == "filestorage" else "blobcache"
    folders = [etc, var / blobs, var / "log", var / "cache"]
    if storage == "filestorage":
        folders.append(var / "filestorage")
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    (var / blobs).chmod(0o700)

    values = {
        "INSTANCE": instance,
        "VAR": var,
        "HOST": host,
        "PORT": port,
        "THREADS": threads,
        "SITE_ID": site_id,
        "DSN": dsn,
    }
    values["STORAGE"] = render(f"storage-{storage}.in", values)
    (etc / "zope.conf").write_text(render("zope.conf.in", values), encoding="utf-8")
    (etc / "zope.ini").write_text(render("zope.ini.in", values), encoding="utf-8")
    (etc / "site.zcml").write_text(render("site.zcml.in", values), encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instance", default=str(ROOT / "instance"))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default="8080")
    parser.add_argument("--threads", default="4")
    parser.add_argument("--site-id", default="zyzwfw")
    parser.add_argument("--storage", default="filestorage", choices=STORAGES)
    parser.add_argument("--dsn", default=DSN)
    args = parser.parse_args()
    write_instance(
        Path(args.instance).resolve(),
        args.host,
        args.port,
        args.threads,
        args.site_id,
        args.storage,
        args.dsn,
    )


if __name__ == "__main__":
    main()
