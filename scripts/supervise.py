"""Run the hall's scheduled work once; run with ``zconsole run``.

    zconsole run instance/etc/zope.conf scripts/supervise.py

The same as the ``zyzwfw-supervise`` command (see :mod:`zyzwfw.schedule`):
applies the supervision rules, closes stale complaints, writes and mails the
weekly reports, resends queued notifications, and commits.

Environment:
    SITE_ID     id of the site (default zyzwfw)
"""

from zyzwfw.schedule import run

import os
import sys


site_id = os.environ.get("SITE_ID", "zyzwfw")
site = app.get(site_id)  # noqa: F821 (zconsole binds app)
if site is None:
    print(f"no such site: {site_id}", file=sys.stderr)
    sys.exit(2)
counts = run(site)
print(" ".join(f"{name}={value}" for name, value in sorted(counts.items())))
