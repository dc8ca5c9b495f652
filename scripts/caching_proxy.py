"""Point the site's cache purging at a caching proxy; run with ``zconsole run``.

    CACHING_PROXY=http://127.0.0.1:8080 zconsole run etc/zope.conf \\
        scripts/caching_proxy.py

Environment:
    SITE_ID        id of the site (default zyzwfw)
    CACHING_PROXY  the proxy's URL; empty turns purging off
"""

from plone import api
from zope.component.hooks import setSite

import os
import sys
import transaction


RECORD = "plone.cachepurging.interfaces.ICachePurgingSettings"


def main(app):
    site = app[os.environ.get("SITE_ID", "zyzwfw")]
    setSite(site)
    proxy = os.environ.get("CACHING_PROXY", "").strip()
    api.portal.set_registry_record(
        f"{RECORD}.cachingProxies", (proxy,) if proxy else ()
    )
    api.portal.set_registry_record(f"{RECORD}.enabled", bool(proxy))
    transaction.commit()
    print(f"purging {'towards ' + proxy if proxy else 'off'}")


# zconsole run passes the Zope application as the global name ``app``.
main(app)  # noqa: F821
sys.exit(0)
