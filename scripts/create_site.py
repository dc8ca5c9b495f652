"""Create the hall's site in the instance; run with ``zconsole run``.

    zconsole run instance/etc/zope.conf scripts/create_site.py

Environment:
    SITE_ID          id of the site (default zyzwfw)
    ADMIN_PASSWORD   password of the Zope account ``admin`` (default admin)
    DELETE_EXISTING  1 to delete an existing site and create it anew
    DEMO_CONTENT     0 to create the site without demonstration content
"""

from zyzwfw.setuphandlers.site import close_database
from zyzwfw.setuphandlers.site import create_site
from zyzwfw.setuphandlers.site import ensure_admin

import os
import sys
import transaction


def main(app):
    site_id = os.environ.get("SITE_ID", "zyzwfw")
    password = os.environ.get("ADMIN_PASSWORD") or "admin"
    replace = os.environ.get("DELETE_EXISTING", "0") == "1"
    demo = os.environ.get("DEMO_CONTENT", "1") != "0"

    ensure_admin(app, password)
    transaction.commit()

    site, created = create_site(
        app, site_id=site_id, replace=replace, demo_content=demo
    )
    transaction.commit()
    state = "已创建 created" if created else "已存在 exists"
    print(f"站点 site {site_id}: {state}")
    close_database(app)


# zconsole run passes the Zope application as the global name ``app``.
main(app)  # noqa: F821
sys.exit(0)
