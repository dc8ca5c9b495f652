"""The hall's scheduled command: what must happen without anybody at a page.

Each run, in one transaction:

1. applies the supervision warning rules to every open case
   (:func:`zyzwfw.supervision.evaluate`);
2. closes the complaints whose time for the complainant's feedback has passed,
   once complaints are installed (``zyzwfw.complaints.close_stale``);
3. writes and mails last week's weekly reports on the first run of a week
   (:func:`zyzwfw.weekly_reports.send_due_reports`);

and then, after that transaction has committed, resends the notifications
that could not be delivered before (:func:`zyzwfw.notifications.retry_failed`).
Running it twice in a row records nothing new the second time. Run it from
cron or a systemd timer, every 15 minutes or so (see the README)::

    .venv/bin/zyzwfw-supervise instance/etc/zope.conf

or through Zope's console: ``zconsole run instance/etc/zope.conf
scripts/supervise.py``.
"""

from zyzwfw import logger

import argparse
import importlib
import sys
import transaction
import urllib.parse


def _close_stale_complaints(now):
    try:
        complaints = importlib.import_module("zyzwfw.complaints")
    except ImportError:
        return []
    close_stale = getattr(complaints, "close_stale", None)
    if close_stale is None:
        return []
    return close_stale(now=now)


def run_once(now=None):
    """Do the scheduled work in the current site, without committing.

    :param now: The moment to judge by, an aware datetime; now if ``None``.
    :type now: datetime.datetime
    :returns: How many ``cards`` were given, ``complaints`` closed and
        ``reports`` written.
    :rtype: dict
    """
    from zyzwfw import applications
    from zyzwfw import supervision
    from zyzwfw import weekly_reports

    now = applications.local_time(now) if now else applications.hall_now()
    cards = supervision.evaluate(now=now)
    closed = _close_stale_complaints(now)
    reports = weekly_reports.send_due_reports(now=now)
    return {"cards": len(cards), "complaints": len(closed), "reports": len(reports)}


def run(site, now=None, attempts=3):
    """Do the scheduled work in ``site`` and commit it, retrying conflicts.

    :param site: The hall's Plone site.
    :param now: The moment to judge by; now if ``None``.
    :param attempts: How often to try when a concurrent request conflicts.
    :returns: The counts of :func:`run_once`, and of the notifications
        resent (``sent``, ``failed``, ``given_up``).
    :rtype: dict
    """
    from ZODB.POSException import ConflictError
    from zope.component.hooks import setSite
    from zyzwfw import notifications

    setSite(site)
    for attempt in transaction.manager.attempts(attempts):
        with attempt:
            counts = run_once(now)
    try:
        for attempt in transaction.manager.attempts(attempts):
            with attempt:
                counts.update(notifications.retry_failed(site))
    except ConflictError:
        logger.warning("Could not resend the queued notifications; the next run will.")
    logger.info(
        "Scheduled run: %(cards)d card(s), %(complaints)d complaint(s) closed, "
        "%(reports)d weekly report(s)",
        counts,
    )
    return counts


def parse_arguments(argv):
    """Read the command line.

    :param argv: The arguments after the command's name.
    :returns: A namespace with ``zope_conf``, ``site`` and ``url``.
    :raises SystemExit: With status 2 on wrong arguments.
    """
    parser = argparse.ArgumentParser(
        prog="zyzwfw-supervise",
        description="Apply the supervision rules, close stale complaints and "
        "send the weekly reports of the hall.",
    )
    parser.add_argument("zope_conf", help="path to the instance's zope.conf")
    parser.add_argument("--site", default="zyzwfw", help="id of the site")
    parser.add_argument(
        "--url",
        default="http://localhost:8080",
        help="the address the hall is served at, for the links in e-mails",
    )
    return parser.parse_args(argv)


def main(argv=None):
    """Run the scheduled work once: the ``zyzwfw-supervise`` command.

    :param argv: The arguments; ``sys.argv[1:]`` if ``None``.
    :returns: The exit status: 0 done, 2 no such site.
    :rtype: int
    """
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)

    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.users import system
    from Testing.makerequest import makerequest
    from zope.globalrequest import setRequest
    from Zope2.Startup.run import make_wsgi_app

    import Zope2

    make_wsgi_app({}, arguments.zope_conf)
    address = urllib.parse.urlsplit(arguments.url)
    environ = {
        "SERVER_NAME": address.hostname or "localhost",
        "SERVER_PORT": str(address.port or (443 if address.scheme == "https" else 80)),
    }
    if address.scheme == "https":
        environ["HTTPS"] = "on"
    app = makerequest(Zope2.app(), environ=environ)
    app.REQUEST["PARENTS"] = [app]
    setRequest(app.REQUEST)
    newSecurityManager(None, system)
    site = app.get(arguments.site)
    if site is None:
        print(f"no such site: {arguments.site}", file=sys.stderr)
        return 2
    counts = run(site)
    print(" ".join(f"{name}={value}" for name, value in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
