"""Set the password of the Zope account ``admin``; run with ``zconsole run``.

ADMIN_PASSWORD=... zconsole run instance/etc/zope.conf scripts/set_admin_password.py
"""

from zyzwfw.setuphandlers.site import close_database
from zyzwfw.setuphandlers.site import ensure_admin

import os
import transaction


ensure_admin(app, os.environ.get("ADMIN_PASSWORD") or "admin")  # noqa: F821
transaction.commit()
close_database(app)  # noqa: F821
