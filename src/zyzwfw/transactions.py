"""Committing a request's work early, in turns, retrying it when it conflicts.

Submissions of applications all take the next number from one counter (see
:mod:`zyzwfw.numbering`), so two at the same moment always conflict, and
one of them must run again. Zope's publisher retries a conflicting request
three times, with a random pause of up to one, two and four seconds; a burst
of submissions on a busy instance can lose all three rounds and answer 500.

:func:`commit_with_retries` runs the request's work and commits it on the
spot, in its turn: one submission at a time works and commits, after starting
a fresh transaction that sees what the submissions before it committed, so
that it reads the number they took and does not conflict with them.

- Within one process a lock gives the turns.
- Instances sharing one PostgreSQL database (RelStorage) also take turns
  with each other, through a PostgreSQL advisory lock, when the instance's
  configuration names the database in ``turns-dsn``::

      <product-config zyzwfw>
          turns-dsn dbname=zyzwfw host=127.0.0.1 port=5433
      </product-config>

  Each process keeps one connection for it. The lock belongs to that
  connection's session, so an instance that dies in its turn gives it up as
  PostgreSQL notices the closed connection. Without the setting, instances
  on one database still settle their conflicts by retrying, between far
  more attempts.

The turns change the same objects one after another, so each turn starts by
loading those its process changed last time in one round trip, rather than
one by one as the work reads them.

Conflicts with other writers (a clerk's transition changing the same catalog
buckets) remain possible: on one, the work is aborted and, after a short
random pause, run again in a new transaction, up to :data:`ATTEMPTS` times,
before the publisher's own retries take over.

Use it only for the last step of a request that changes nothing before it:
each attempt starts a new transaction, which forgets what the request did so
far.
"""

from contextlib import contextmanager
from contextlib import nullcontext
from Products.CMFCore.indexing import processQueue
from transaction.interfaces import TransientError
from zope.component.hooks import getSite
from zyzwfw import logger

import random
import threading
import time
import transaction


#: Attempts before the conflict is left to the publisher.
ATTEMPTS = 12

#: The longest pause between two attempts, in seconds.
MAX_PAUSE = 0.5

#: The key of the advisory lock in PostgreSQL's space of two 32-bit keys
#: (RelStorage's own advisory locks use the other, single-key space): the
#: hall's mark ("zy") and the turn of the submissions.
TURN_LOCK = (0x7A79, 1)

#: How long an instance waits for its turn in the database before the
#: request fails, in seconds; the turns last tens of milliseconds.
TURN_TIMEOUT = 30

#: One committing attempt at a time in this process.
_turns = threading.Lock()


class TurnUnavailable(TransientError):
    """The database's turn could not be had in time, or not at all.

    Transient: Zope's publisher runs the request again, and gives up with an
    error after its retries; nothing was stored.
    """


class DatabaseTurns:
    """Turns shared by every instance of one PostgreSQL database.

    Used only while holding this process's own lock, so one connection,
    opened on first use and again after it broke, serves every thread.

    :param dsn: The database, as libpq names it.
    :type dsn: str
    :param timeout: How long to wait for the turn, in seconds.
    :type timeout: float
    """

    def __init__(self, dsn, timeout=TURN_TIMEOUT):
        self.dsn = dsn
        self.timeout = timeout
        self._connection = None

    def _connect(self):
        import psycopg2

        connection = psycopg2.connect(self.dsn, application_name="zyzwfw turns")
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('lock_timeout', %s, false)",
                (f"{int(self.timeout * 1000)}ms",),
            )
        return connection

    def _close(self):
        connection, self._connection = self._connection, None
        if connection is not None and not connection.closed:
            try:
                connection.close()
            except Exception:  # it is being dropped anyway
                logger.debug("Closing the connection of the turns failed")

    def _lock(self):
        import psycopg2

        # A connection left broken by a restarted database is replaced once.
        for last in (False, True):
            try:
                if self._connection is None or self._connection.closed:
                    self._connection = self._connect()
                with self._connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_lock(%s, %s)", TURN_LOCK)
                return
            except psycopg2.errors.LockNotAvailable as error:
                raise TurnUnavailable(
                    f"No turn in the database within {self.timeout} s"
                ) from error
            except psycopg2.Error as error:
                self._close()
                if last:
                    raise TurnUnavailable(
                        "The database of the turns cannot be reached"
                    ) from error

    def _unlock(self):
        import psycopg2

        try:
            with self._connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", TURN_LOCK)
        except psycopg2.Error:
            # Ending the session gives the turn up as well.
            logger.warning("Giving up the turn failed; closing its connection")
            self._close()

    @contextmanager
    def turn(self):
        """Hold the database's turn for the duration of the block.

        :raises TurnUnavailable: If the turn cannot be had.
        """
        self._lock()
        try:
            yield
        finally:
            self._unlock()


#: Not yet read from the configuration.
_UNREAD = object()

#: The database's turns of this process, ``None`` when not configured: see
#: :func:`database_turns`.
_database_turns = _UNREAD


def database_turns():
    """Return this process's :class:`DatabaseTurns`, or ``None``.

    The configuration is read on the first call.

    :returns: The turns of the database named by ``turns-dsn`` in the
        instance's ``<product-config zyzwfw>``, or ``None`` without it.
    """
    global _database_turns
    if _database_turns is _UNREAD:
        from App.config import getConfiguration

        settings = (getattr(getConfiguration(), "product_config", None) or {}).get(
            "zyzwfw", {}
        )
        dsn = settings.get("turns-dsn")
        _database_turns = DatabaseTurns(dsn) if dsn else None
    return _database_turns


def _database_turn():
    turns = database_turns()
    return turns.turn() if turns is not None else nullcontext()


#: The objects this process's last committing attempt changed, by oid.
_last_changes = ()


def _prefetch_last_changes():
    """Load in one round trip what this process's last turn changed.

    Under a rush the turns change the same objects (the counter, the
    catalog's buckets, the month's folder), so each turn finds them
    invalidated by the turn before and would load them from the database one
    at a time as it reads them. RelStorage loads them all in one query;
    FileStorage has nothing to gain and ignores it.

    :returns: The database connection of the request, or ``None`` outside a
        site.
    """
    site = getSite()
    connection = getattr(site, "_p_jar", None)
    if connection is not None and _last_changes:
        connection.prefetch(_last_changes)
    return connection


def _remember_changes(connection):
    """Note which objects this turn is about to commit, for the next turn."""
    global _last_changes
    if connection is not None:
        # Index now what the commit would, so that the catalog's changes are
        # among those remembered.
        processQueue()
        # ZODB keeps the objects a transaction changed in this list.
        changed = getattr(connection, "_registered_objects", ())
        _last_changes = tuple(obj._p_oid for obj in changed if obj._p_oid is not None)


def commit_with_retries(work, attempts=ATTEMPTS):
    """Run ``work`` and commit in turn, again in a fresh transaction after a
    conflict.

    :param work: A callable without arguments that does the request's
        changes; it may run several times, so it must not have effects
        outside the database.
    :type work: callable
    :param attempts: How many times to try.
    :type attempts: int
    :returns: What the successful run of ``work`` returned.
    :raises TransientError: If the last attempt conflicted too, or the
        database's turn could not be had (:class:`TurnUnavailable`).
    :raises Exception: Whatever ``work`` raised; the transaction is then
        left to the caller, uncommitted.
    """
    for attempt in range(1, attempts + 1):
        with _turns, _database_turn():
            # Read the database as the submissions that went before left it.
            transaction.begin()
            try:
                connection = _prefetch_last_changes()
                result = work()
                _remember_changes(connection)
                transaction.commit()
            except TransientError:
                transaction.abort()
                if attempt == attempts:
                    raise
            else:
                return result
        # Another writer committed first. Spread the retries, so that the
        # conflicting requests do not meet again at once.
        time.sleep(random.uniform(0, min(0.02 * 2**attempt, MAX_PAUSE)))
