"""Application numbers (办件编号): unique and gapless within each year.

A number reads ``<prefix><year><sequence>``, the sequence zero-padded to six
digits: ``ZY2026000123`` is the 123rd application of 2026. From the millionth
application of a year on the sequence simply grows to seven digits; the numbers
stay unique, only their text no longer sorts.

Why this cannot be a ``BTrees.Length``: its conflict resolution adds up the
increments of concurrent transactions, so two submissions that read the same
value both commit, and both get the same number. Here each year's counter is a
plain persistent object *without* conflict resolution. Two transactions that
increment it at the same time make the second one's commit fail with a
``ConflictError``; Zope's publisher (or the caller's retry loop) runs the whole
request again, and the retry reads the new value. Because the number is taken
inside the transaction that stores the application, a transaction that fails
gives its number back: the sequence has no gaps.

The counters live in an ``OOBTree`` keyed by year, on an attribute of a
container the caller chooses. Incrementing touches only the counter object,
never the tree. The tree changes once a year, when a year's first number is
taken: its buckets merge the insertion of *different* years by two concurrent
transactions, which is harmless, and refuse two insertions of the *same* year,
so two first numbers of a year conflict as well.

The price is that concurrent submissions are serialized: two taking a number
at the same moment conflict, and one is retried. Submissions therefore take
turns to number and commit, within an instance and across the instances of
one database (:mod:`zyzwfw.transactions`), and are retried only on the rare
conflict with another writer.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent

import operator


#: Attribute of the container holding the ``OOBTree`` of counters.
COUNTERS_ATTRIBUTE = "_zyzwfw_number_counters"

#: Prefix of application numbers, unless the caller gives another.
DEFAULT_PREFIX = "ZY"

#: Width the sequence within a year is zero-padded to.
SEQUENCE_WIDTH = 6


class YearCounter(Persistent):
    """The last sequence number issued in one year.

    It deliberately has no ``_p_resolveConflict``: concurrent increments must
    conflict, never merge.
    """

    def __init__(self):
        self.value = 0


def _check_year(year):
    """Return ``year`` as an int, refusing what cannot be a four-digit year."""
    year = operator.index(year)
    if not 1000 <= year <= 9999:
        raise ValueError(f"Expected a four-digit year, got {year}.")
    return year


def _counters(container, create, series=""):
    """Return the tree of counters of a series stored on ``container``.

    :param create: Whether to create the tree if it is missing; if ``False``, a
        missing tree gives ``None``.
    :param series: The name of a sequence of its own, ``""`` for the main one.
    """
    name = f"{COUNTERS_ATTRIBUTE}_{series}" if series else COUNTERS_ATTRIBUTE
    # Look at the object itself: through an acquisition wrapper, a missing
    # attribute would be found on a parent folder. (Not through ``__dict__``
    # either: a ghost's is empty until something loads its state.)
    base = getattr(container, "aq_base", container)
    counters = getattr(base, name, None)
    if counters is None and create:
        counters = OOBTree()
        setattr(base, name, counters)
    return counters


def format_number(year, sequence, prefix=DEFAULT_PREFIX):
    """Return the application number of a year's ``sequence``-th application.

    :param year: The year, four digits.
    :type year: int
    :param sequence: The sequence number within the year, from 1.
    :type sequence: int
    :param prefix: The text the number starts with.
    :type prefix: str
    :returns: For example ``"ZY2026000123"``.
    :rtype: str
    :raises ValueError: If ``year`` does not have four digits or ``sequence``
        is below 1.
    """
    year = _check_year(year)
    if sequence < 1:
        raise ValueError(f"Sequence numbers start at 1, got {sequence}.")
    return f"{prefix}{year:04d}{sequence:0{SEQUENCE_WIDTH}d}"


def next_number(container, year, prefix=DEFAULT_PREFIX, series=""):
    """Take the next application number of ``year``.

    Call it in the transaction that stores the application: the number is only
    taken if that transaction commits, and a concurrent submission makes one
    of the two commits raise ``ConflictError``, to be retried as a whole.

    :param container: A persistent object to keep the counters on, always the
        same one (for example the applications' container); it must not
        resolve conflicts itself. The first call stores an ``OOBTree`` in its
        attribute :data:`COUNTERS_ATTRIBUTE`.
    :type container: persistent.Persistent
    :param year: The year the number belongs to, four digits.
    :type year: int
    :param prefix: The text the number starts with.
    :type prefix: str
    :param series: The name of a sequence counted apart from the main one on
        the same container (its counters are stored in the attribute
        :data:`COUNTERS_ATTRIBUTE` with ``_<series>`` appended), so that the
        numbers of one series leave no gaps in the other's.
    :type series: str
    :returns: The number, see :func:`format_number`.
    :rtype: str
    :raises ValueError: If ``year`` does not have four digits.
    """
    year = _check_year(year)
    counters = _counters(container, create=True, series=series)
    counter = counters.get(year)
    if counter is None:
        counter = YearCounter()
        counters[year] = counter

    counter.value += 1
    return format_number(year, counter.value, prefix)


def last_sequence(container, year, series=""):
    """Return the last sequence number taken in ``year``, without taking one.

    :param container: The object the counters are kept on.
    :type container: persistent.Persistent
    :param year: The year, four digits.
    :type year: int
    :param series: The sequence, ``""`` for the main one; see
        :func:`next_number`.
    :type series: str
    :returns: The sequence of the year's last number, ``0`` if none was taken.
    :rtype: int
    :raises ValueError: If ``year`` does not have four digits.
    """
    year = _check_year(year)
    counters = _counters(container, create=False, series=series)
    if counters is None or year not in counters:
        return 0
    return counters[year].value
