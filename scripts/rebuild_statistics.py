"""Recount the hall's statistics from the applications; run with ``zconsole run``.

    zconsole run instance/etc/zope.conf scripts/rebuild_statistics.py

The statistics desk reads counters that every transition of an application
updates (``zyzwfw.statistics``). After restoring a backup into a site whose
counters were lost, or after changing how something is counted, this
recounts them from every application's workflow history and prints how many
applications it read. It wakes every application once, so on a large hall
run it when the hall is quiet.

Environment:
    SITE_ID     id of the site (default zyzwfw)

Exit status: 0 done; 2 no such site.
"""

from zope.component.hooks import setSite
from zyzwfw import statistics

import os
import sys
import transaction


def main(app):
    """Rebuild the aggregate of the site and commit.

    :param app: the Zope application root ``zconsole`` passes.
    :returns: The exit status.
    """
    site_id = os.environ.get("SITE_ID", "zyzwfw")
    site = app.get(site_id)
    if site is None:
        print(f"No site {site_id!r} in this database.", file=sys.stderr)
        return 2
    setSite(site)
    counted = statistics.rebuild()
    transaction.commit()
    print(f"Recounted the statistics of {counted} applications.")
    return 0


if __name__ == "__main__":
    # zconsole run passes the Zope application as the global name ``app``.
    sys.exit(main(app))  # noqa: F821
