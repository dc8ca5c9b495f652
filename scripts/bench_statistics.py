"""Measure a year's statistics (数据统计) over 100,000 applications.

Usage: .venv/bin/python scripts/bench_statistics.py [--count N] [--runs N]

Builds a throwaway hall in memory with the test layers of ``zyzwfw.testing``
(a DemoStorage over a fresh site; nothing touches ``instance/var``) with 22
departments, then generates ``--count`` applications (100,000 by default)
in the measured year and four fifths as many the year before, each with
its whole path through the workflow (submission, pre-review, supplement,
acceptance, decision or withdrawal, on working days, some late), spread
unevenly over the departments.

The applications are not made as content objects: statistics never read
them. Each generated application's transitions go through
``zyzwfw.statistics.count``, the function both the live subscriber and the
rebuild from the catalogue use, into the site's aggregate, which is then
committed. The script prints:

- how fast the aggregate was filled (transitions per second);
- the time of ``zyzwfw.statistics.year_statistics`` (per department
  figures, twelve months, each department's months, growth, balance) for
  the measured year, median and 95th percentile, the first call after the
  ZODB cache was emptied, and the others warm (target < 2 s);
- the time of the centre's desk ``@@hall-statistics-desk`` for the year,
  rendered in the same process (charts, every table, the assessment).
"""

import argparse
import datetime
import os
import random
import statistics as stats
import sys
import time


DEPARTMENTS = 22
#: Transitions a generated application goes through, with their weights.
PATHS = (
    (("pass_prereview", "accept", "approve"), 38),
    (("accept", "approve"), 36),
    (("request_supplement", "resubmit", "accept", "approve"), 8),
    (("accept", "refuse"), 6),
    (("reject",), 8),
    (("withdraw",), 4),
)
#: The state each transition leads to.
TARGETS = {
    "pass_prereview": "prereviewed",
    "accept": "accepted",
    "approve": "approved",
    "request_supplement": "supplement",
    "resubmit": "submitted",
    "refuse": "refused",
    "reject": "rejected",
    "withdraw": "withdrawn",
}


def setup_layers(layer, done=None):
    """Set up a plone.testing layer and its bases, each once, bases first."""
    done = [] if done is None else done
    for base in layer.__bases__:
        setup_layers(base, done)
    if layer not in done:
        layer.setUp()
        done.append(layer)
    return done


class CachedCalendar:
    """The hall's calendar with its answers remembered: the same few hundred
    days recur a hundred thousand times, and the fill is not what is timed."""

    def __init__(self, calendar):
        self.calendar = calendar
        self.added = {}
        self.counted = {}

    def add(self, start, days):
        key = (start, days)
        if key not in self.added:
            self.added[key] = self.calendar.add(start, days)
        return self.added[key]

    def between(self, start, end):
        key = (start, end)
        if key not in self.counted:
            self.counted[key] = self.calendar.between(start, end)
        return self.counted[key]


def bulk_aggregate():
    """Return an aggregate whose counters are summed in a dict first.

    Adding to a BTree a million times costs minutes of the fill, which is
    not what is measured; :func:`store` moves the sums into the BTree.
    """
    from zyzwfw import statistics

    class BulkAggregate(statistics.Aggregate):
        def __init__(self):
            super().__init__()
            self.pending = {}

        def add(self, year, month, department_uid, counter, amount=1):
            key = (year, month, department_uid or "", counter)
            self.pending[key] = self.pending.get(key, 0) + amount

    return BulkAggregate()


def store(bulk):
    """Return a plain aggregate with the counters and lists of ``bulk``."""
    from zyzwfw import statistics

    source = statistics.Aggregate()
    source.counts.update(bulk.pending)
    for name in ("first_staff", "first_citizens", "staff_order", "citizen_order"):
        getattr(source, name).update(getattr(bulk, name))
    return source


def fill(source, uids, year, count, rng):
    """Count ``count`` generated applications of ``year`` into ``source``.

    :returns: The number of transitions counted.
    """
    from zyzwfw import applications
    from zyzwfw import statistics

    calendar = CachedCalendar(applications.calendar())
    zone = datetime.timezone(datetime.timedelta(hours=8))
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(uids))]
    paths = [path for path, _weight in PATHS]
    path_weights = [weight for _path, weight in PATHS]
    first = datetime.date(year, 1, 1)
    transitions = 0
    for number in range(count):
        uid = rng.choices(uids, weights)[0]
        day = first + datetime.timedelta(days=rng.randrange(365))
        submitted = datetime.datetime.combine(day, datetime.time(9), zone)
        submitted += datetime.timedelta(minutes=rng.randrange(480))
        due = calendar.add(day, rng.choice((5, 10, 15, 20)))
        case = statistics.Case(
            department_uid=uid,
            applicant_id=f"applicant-{rng.randrange(40_000)}",
            applicant_name="",
            submitted=submitted,
            due_date=due,
            paused_days=0,
        )
        clerk = f"clerk-{uid[:4]}-{number % 3}"
        state = "draft"
        when = submitted
        steps = [("submit", "submitted", case.applicant_id)]
        steps += [
            (
                name,
                TARGETS[name],
                case.applicant_id if name in ("resubmit", "withdraw") else clerk,
            )
            for name in rng.choices(paths, path_weights)[0]
        ]
        for name, target, actor in steps:
            step = statistics.Transition(name, state, when, actor)
            statistics.count(source, case, step, calendar, zone)
            transitions += 1
            state = target
            when += datetime.timedelta(hours=rng.randrange(4, 60))
    return transitions


def main():
    """Build the hall, fill the aggregate, time the statistics, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    def log(message):
        """Report progress on stderr, so stdout holds only the figures."""
        print(message, file=sys.stderr, flush=True)

    import logging
    import warnings

    warnings.simplefilter("ignore")
    logging.disable(logging.WARNING)
    os.environ.setdefault("zope_i18n_compile_mo_files", "true")

    from plone import api
    from plone.app.testing import login
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME
    from zope.annotation.interfaces import IAnnotations
    from zope.component.hooks import setSite
    from zyzwfw import applications
    from zyzwfw import statistics
    from zyzwfw.testing import FUNCTIONAL_TESTING

    import transaction

    log("Setting up a throwaway site ...")
    setup_layers(FUNCTIONAL_TESTING)
    FUNCTIONAL_TESTING.testSetUp()
    portal = FUNCTIONAL_TESTING["portal"]
    request = FUNCTIONAL_TESTING["request"]
    setSite(portal)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)

    log(f"Making {DEPARTMENTS} departments ...")
    uids = []
    for number in range(DEPARTMENTS):
        department = api.content.create(
            container=portal["departments"],
            type="Department",
            id=f"d{number:02d}",
            title=f"资阳市第{number + 1}局",
            short_code=f"d{number:02d}",
        )
        uids.append(department.UID())

    year = applications.hall_now().year - 1
    rng = random.Random(6)
    bulk = bulk_aggregate()
    log(
        f"Counting {args.count} applications of {year} "
        f"and {args.count * 4 // 5} of {year - 1} ..."
    )
    started = time.perf_counter()
    transitions = fill(bulk, uids, year, args.count, rng)
    transitions += fill(bulk, uids, year - 1, args.count * 4 // 5, rng)
    source = store(bulk)
    fill_seconds = time.perf_counter() - started
    IAnnotations(portal)[statistics.ANNOTATION_KEY] = source
    transaction.commit()
    keys = len(source.counts)

    log("Timing a year's statistics ...")
    times = []
    for run in range(args.runs):
        if run == 0:
            portal._p_jar.cacheMinimize()
            setSite(portal)
        started = time.perf_counter()
        found = statistics.year_statistics(year)
        times.append(time.perf_counter() - started)
    assert found["total"]["submitted"] == args.count, found["total"]["submitted"]

    log("Timing the desk ...")
    request.form.update({"year": str(year)})
    desk_times = []
    for _run in range(max(args.runs // 4, 3)):
        view = portal.restrictedTraverse("@@hall-statistics-desk")
        started = time.perf_counter()
        html = view()
        desk_times.append(time.perf_counter() - started)
        transaction.abort()
    assert "<svg" in html

    ordered = sorted(times[1:]) or times
    print(f"applications in {year}: {args.count}; in {year - 1}: {args.count * 4 // 5}")
    print(
        f"transitions counted: {transitions} in {fill_seconds:.1f} s "
        f"({transitions / fill_seconds:.0f}/s); aggregate keys: {keys}"
    )
    print(
        "year_statistics, first call after emptying the cache: "
        f"{times[0] * 1000:.1f} ms"
    )
    print(
        f"year_statistics, warm: median {stats.median(ordered) * 1000:.1f} ms, "
        f"95th percentile {ordered[int(len(ordered) * 0.95) - 1] * 1000:.1f} ms "
        f"({len(ordered)} runs)"
    )
    print(
        f"@@hall-statistics-desk for the year: median "
        f"{stats.median(desk_times) * 1000:.0f} ms, max {max(desk_times) * 1000:.0f} ms"
    )
    FUNCTIONAL_TESTING.testTearDown()


if __name__ == "__main__":
    main()
