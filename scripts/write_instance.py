"""Write the Zope instance configuration from the project's templates.

Reads ``instance/templates/*.in`` and writes ``instance/etc/zope.conf``,
``zope.ini`` and ``site.zcml``, and makes the folders under ``instance/var``.
It never touches the data in ``instance/var``.

Usage: python scripts/write_instance.py [--host H] [--port P] [--threads N]
"""

from pathlib import Path

import argparse


ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "instance" / "templates"


def render(name, values):
    """Return the template ``name`` with each ``@KEY@`` replaced."""
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", str(value))
    return text


def write_instance(instance, host, port, threads, site_id, storage):
    """Write the configuration of the instance in the folder ``instance``."""
    etc = instance / "etc"
    var = instance / "var"
    for folder in (etc, var / "filestorage", var / "blobstorage", var / "log"):
        folder.mkdir(parents=True, exist_ok=True)
    (var / "blobstorage").chmod(0o700)

    values = {
        "INSTANCE": instance,
        "VAR": var,
        "HOST": host,
        "PORT": port,
        "THREADS": threads,
        "SITE_ID": site_id,
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
    parser.add_argument("--storage", default="filestorage")
    args = parser.parse_args()
    write_instance(
        Path(args.instance).resolve(),
        args.host,
        args.port,
        args.threads,
        args.site_id,
        args.storage,
    )


if __name__ == "__main__":
    main()
