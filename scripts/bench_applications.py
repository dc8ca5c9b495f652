"""Measure applications (办件): submitting with files, the desks and the look-up.

Usage: .venv/bin/python scripts/bench_applications.py [--quick] [--count N]
       [--submissions N] [--runs N]

Builds a throwaway hall in memory with the test layers of ``zyzwfw.testing``
(a DemoStorage over a fresh site; nothing touches ``instance/var``): 20
departments with 5 items each, 200 applicant members and a member of the
window staff of the busiest department, then ``--count`` applications
(100,000 by default, 2,000 with ``--quick``) spread over the departments,
the states and the last two years.

The bulk of the applications is filled directly, the cheapest correct way:
the same content type in the same year/month folders, with the attributes,
workflow history, permissions, local roles and catalog entries that
``zyzwfw.applications`` gives them, committed in batches. It then prints:

- submissions per second through
  ``zyzwfw.applications.create_application(..., submit=True)``, each with
  two 512 KB PDFs and committed on its own, as a request does (target
  >= 20/s);
- the median and 95th percentile server time of the staff's worklist
  (``/worklist``), the applicant's desk (``/my-applications``, 20
  applications) and the anonymous progress look-up (``/progress``), as GET
  requests through the Zope WSGI application in this process, with basic
  authentication (target < 100 ms for the worklist and the look-up).
"""

from base64 import b64encode
from urllib.parse import urlencode

import argparse
import datetime
import os
import random
import re
import statistics
import sys
import time


PASSWORD = "bench-Pa55word"

DEPARTMENT_COUNT = 20
ITEMS_PER_DEPARTMENT = 5
MEMBER_COUNT = 200
#: Applicant ids of the bulk; the first MEMBER_COUNT are real members.
APPLICANT_IDS = 5000
#: Applications of the measured applicant.
DESK_APPLICATIONS = 20
BATCH = 2000
#: Objects in the ZODB cache of a connection, as in instance/etc/zope.conf.
CACHE_SIZE = 50_000

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英"

#: States of applications older than a month, and their weights.
OLD_STATES = (
    ("approved", 82),
    ("refused", 4),
    ("rejected", 5),
    ("withdrawn", 5),
    ("draft", 2),
    ("supplement", 2),
)
#: States of applications of the last month, and their weights.
RECENT_STATES = (
    ("submitted", 20),
    ("prereviewed", 15),
    ("accepted", 20),
    ("supplement", 8),
    ("draft", 7),
    ("approved", 25),
    ("refused", 2),
    ("rejected", 2),
    ("withdrawn", 1),
)
#: The transitions that lead from a draft to each state.
PATHS = {
    "draft": (),
    "submitted": ("submit",),
    "prereviewed": ("submit", "pass_prereview"),
    "accepted": ("submit", "pass_prereview", "accept"),
    "supplement": ("submit", "request_supplement"),
    "approved": ("submit", "pass_prereview", "accept", "approve"),
    "refused": ("submit", "pass_prereview", "accept", "refuse"),
    "rejected": ("submit", "reject"),
    "withdrawn": ("submit", "withdraw"),
}
STEP_STATES = {
    "submit": "submitted",
    "pass_prereview": "prereviewed",
    "accept": "accepted",
    "request_supplement": "supplement",
    "approve": "approved",
    "refuse": "refused",
    "reject": "rejected",
    "withdraw": "withdrawn",
}
COMMENTS = {
    "request_supplement": "请补充营业执照副本。",
    "refuse": "不符合法定条件。",
    "reject": "不属于本部门受理范围。",
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


def pdf(size):
    """Return a PDF of ``size`` bytes: a header, padding and the trailer."""
    head = b"%PDF-1.4\n"
    tail = b"\n%%EOF"
    return head + b"0" * (size - len(head) - len(tail)) + tail


def resident_id(rng):
    """Return a random resident ID number with the right check digit."""
    from zyzwfw.validators import id_number_check_digit

    first17 = f"512002{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}"
    first17 += f"{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    return first17 + id_number_check_digit(first17)


def person(rng):
    """Return a random applicant as create_application takes it."""
    return {
        "name": rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2)),
        "id_type": "resident_id",
        "id_number": resident_id(rng),
        "mobile": f"138{rng.randint(0, 99999999):08d}",
    }


def build_hall(portal, log):
    """Create departments, items, members and the staff member.

    :returns: ``(departments, items)``: the departments, and per department
        its items.
    """
    from plone import api
    from zyzwfw import departments as departments_module

    import transaction

    api.portal.set_registry_record("plone.default_language", "zh-cn")
    departments = []
    items = {}
    for number in range(1, DEPARTMENT_COUNT + 1):
        code = f"d{number:02d}"
        department = api.content.create(
            container=portal["departments"],
            type="Department",
            id=code,
            title=f"市第{number}局",
            short_code=code,
        )
        api.content.transition(obj=department, transition="publish")
        departments.append(department)
        items[code] = []
        for index in range(ITEMS_PER_DEPARTMENT):
            item = api.content.create(
                container=department,
                type="ServiceItem",
                id=f"{code}-i{index}",
                title=f"市第{number}局许可事项{index + 1}",
                implementation_code=f"11512000MB{number:04d}{index:04d}X",
                item_type="01",
                served_parties=["person", "legal"],
                online_depth="3",
                promised_limit=10,
                steps=[
                    {"name": "受理", "time_limit": 1},
                    {"name": "审查", "time_limit": 3},
                    {"name": "决定", "time_limit": 1},
                ],
            )
            api.content.transition(obj=item, transition="publish")
            for material_id, title, required in (
                ("id-card", "居民身份证", True),
                ("licence", "营业执照", False),
            ):
                material = api.content.create(
                    container=item,
                    type="Material",
                    id=material_id,
                    title=title,
                    requirement="required" if required else "optional",
                    upload_required=required,
                )
                api.content.transition(obj=material, transition="publish")
            items[code].append(item)
    transaction.commit()
    log(f"  {len(departments)} departments, {DEPARTMENT_COUNT * 5} items")
    for number in range(MEMBER_COUNT):
        user_id = f"citizen{number:04d}"
        api.user.create(
            email=f"{user_id}@example.cn",
            username=user_id,
            password=PASSWORD,
            properties={"fullname": f"市民{number}"},
        )
    for user_id in ("staff01", "submitter"):
        api.user.create(
            email=f"{user_id}@example.cn", username=user_id, password=PASSWORD
        )
    departments_module.add_staff(departments[0], "staff01")
    transaction.commit()
    log(f"  {MEMBER_COUNT} applicant members, staff01 in {departments[0].Title()}")
    return departments, items


def history_entries(path, moments, applicant_id):
    """Return the workflow history of an application along ``path``."""
    from DateTime import DateTime

    entries = [
        {
            "action": None,
            "actor": applicant_id,
            "comments": "",
            "review_state": "draft",
            "time": DateTime(moments[0]),
        }
    ]
    for transition, moment in zip(path, moments[1:], strict=False):
        actor = applicant_id if transition in ("submit", "withdraw") else "staff01"
        entries.append(
            {
                "action": transition,
                "actor": actor,
                "comments": COMMENTS.get(transition, ""),
                "review_state": STEP_STATES[transition],
                "time": DateTime(moment),
            }
        )
    return tuple(entries)


def plan(count, now, rng):
    """Return ``count`` (moment, department index, applicant id), oldest first.

    The first department is the busiest; the measured applicant
    ``citizen0000`` gets :data:`DESK_APPLICATIONS` applications.
    """
    weights = [3.0] + [1.0] * (DEPARTMENT_COUNT - 1)
    rows = []
    for index in range(count):
        moment = now - datetime.timedelta(seconds=rng.uniform(0, 730 * 86400))
        department = rng.choices(range(DEPARTMENT_COUNT), weights)[0]
        if index < DESK_APPLICATIONS:
            applicant = "citizen0000"
        else:
            applicant = f"citizen{rng.randrange(1, APPLICANT_IDS):04d}"
        rows.append((moment, department, applicant))
    rows.sort(key=lambda row: row[0])
    return rows


def bulk_fill(portal, departments, items, count, log):
    """Fill ``count`` applications directly; return look-up pairs.

    Each application gets what ``create_application`` and the workflow
    events give it: attributes, the workflow history of its state, the
    state's permissions, the applicant as Owner and the department's staff
    group as WindowStaff, and its catalog entry with all indexes.

    :returns: A list of ``(number, query code)`` of submitted applications.
    """
    from DateTime import DateTime
    from persistent.mapping import PersistentMapping
    from plone import api
    from plone.dexterity.utils import createContent
    from zyzwfw import applications
    from zyzwfw import numbering

    import transaction

    rng = random.Random(42)
    now = applications.hall_now()
    catalog = api.portal.get_tool("portal_catalog")
    workflow = api.portal.get_tool("portal_workflow")[applications.WORKFLOW_ID]
    root = applications.applications_folder()
    department_info = [
        (
            department.UID(),
            department.Title(),
            applications.staff_group_of(department),
            [
                (item.UID(), "/".join(item.getPhysicalPath()), item.Title())
                for item in items[department.getId()]
            ],
        )
        for department in departments
    ]
    folders = {}
    sequences = {}
    pairs = []
    started = time.perf_counter()
    for index, (moment, department_index, applicant_id) in enumerate(
        plan(count, now, rng)
    ):
        age = (now - moment).days
        states = OLD_STATES if age > 30 else RECENT_STATES
        state = rng.choices(
            [name for name, _w in states], [weight for _n, weight in states]
        )[0]
        path = PATHS[state]
        steps = [moment]
        for _step in path:
            steps.append(min(steps[-1] + datetime.timedelta(days=2), now))

        department_uid, department_title, group, item_rows = department_info[
            department_index
        ]
        item_uid, item_path, item_title = rng.choice(item_rows)
        application = createContent("Application", title=item_title)
        application.applicant_id = applicant_id
        application.setCreators((applicant_id,))
        application.item_uid = item_uid
        application.item_path = item_path
        application.item_title = item_title
        application.department_uid = department_uid
        application.department_title = department_title
        values = person(rng)
        application.party = "person"
        application.applicant_name = values["name"]
        application.id_type = "resident_id"
        application.id_number = values["id_number"]
        application.mobile = values["mobile"]
        application.remarks = ""
        application.creation_date = application.modification_date = DateTime(moment)
        if path:
            year = moment.year
            sequences[year] = sequences.get(year, 0) + 1
            application.number = numbering.format_number(year, sequences[year])
            application.submitted = moment.astimezone(datetime.UTC)
            code = applications.new_query_code()
            applications._set_query_code(application, code)
            if state in applications.OPEN_STATES and len(pairs) < 200:
                pairs.append((application.number, code))
            application.limit_total = 10
            application.limit_unit = "working_days"
            application.limit_acceptance = 1
            application.limit_handling = 9
            application.due_date = moment.date() + datetime.timedelta(days=14)
            if state in applications.FINAL_STATES:
                application.closed = steps[-1].astimezone(datetime.UTC)
            else:
                stage = {"submitted": 1, "prereviewed": 1, "accepted": 13}
                application.step_due_date = moment.date() + datetime.timedelta(
                    days=stage.get(state, 1)
                )
            if state == "supplement":
                application.paused_on = steps[-1].date()
        application.workflow_history = PersistentMapping(
            {applications.WORKFLOW_ID: history_entries(path, steps, applicant_id)}
        )
        application.manage_setLocalRoles(applicant_id, ["Owner"])
        application.manage_setLocalRoles(group, [applications.STAFF_ROLE])

        key = (moment.year, moment.month)
        folder = folders.get(key)
        if folder is None:
            folder = applications._month_folder(moment)
            folders[key] = folder
        application.id = applications._new_id(folder)
        folder._setObject(application.id, application, suppress_events=True)
        application = folder[application.id]
        workflow.updateRoleMappingsFor(application)
        catalog.catalog_object(application)
        if index % BATCH == BATCH - 1:
            transaction.commit()
            portal._p_jar.cacheGC()
            rate = (index + 1) / (time.perf_counter() - started)
            log(f"  {index + 1} applications ({rate:.0f}/s)")
    # The numbers issued through the domain module go on after the bulk's.
    counters = numbering._counters(root, create=True)
    for year, value in sequences.items():
        counter = counters.get(year)
        if counter is None:
            counter = numbering.YearCounter()
            counters[year] = counter
        counter.value = value
    transaction.commit()
    return pairs


def submit_with_files(portal, items, count, log):
    """Submit ``count`` applications with 1 MB of files, each committed.

    :returns: ``(seconds, cpu_seconds, receipts)``: wall-clock and CPU time
        of this thread; on a machine busy with other work the CPU time tells
        what the submissions cost themselves.
    """
    from plone.app.testing import login
    from Products.CMFCore.indexing import processQueue
    from zope.component.hooks import setSite
    from zyzwfw import applications

    import transaction

    rng = random.Random(7)
    files = {
        "id-card": applications.Upload("身份证.pdf", pdf(512 * 1024)),
        "licence": applications.Upload("营业执照.pdf", pdf(512 * 1024)),
    }
    all_items = [item for rows in items.values() for item in rows]
    applicants = [person(rng) for _i in range(count)]
    setSite(portal)
    login(portal, "submitter")
    receipts = []
    written = []
    # Two rounds not timed, so that the year's folders and counters exist.
    for index in range(count + 2):
        if index == 2:
            started = time.perf_counter()
            cpu_started = time.thread_time()
        item = all_items[index % len(all_items)]
        receipt = applications.create_application(
            item,
            applicant=applicants[index % count],
            files=files,
            submit=True,
        )
        # Index what the commit would, to count the objects it writes.
        processQueue()
        written.append(len(portal._p_jar._registered_objects))
        transaction.commit()
        receipts.append(receipt)
    seconds = time.perf_counter() - started
    cpu = time.thread_time() - cpu_started
    log(f"  {count} submissions in {seconds:.1f} s ({cpu:.1f} s of CPU)")
    log(f"  objects written per submission (median): {statistics.median(written)}")
    return seconds, cpu, receipts


def timer(app):
    """Return a function that GETs a path through ``app`` as a user and times it."""
    from webob import Request

    def get(path, user_id=None):
        """GET ``path``; return its wall-clock and CPU seconds and the body."""
        environ = {"HTTP_ACCEPT_LANGUAGE": "zh-CN"}
        if user_id:
            token = b64encode(f"{user_id}:{PASSWORD}".encode()).decode()
            environ["HTTP_AUTHORIZATION"] = f"Basic {token}"
        request = Request.blank(path, environ=environ)
        started = time.perf_counter()
        cpu_started = time.thread_time()
        response = request.get_response(app)
        cpu = time.thread_time() - cpu_started
        elapsed = time.perf_counter() - started
        if response.status_int != 200:
            raise RuntimeError(f"{path} as {user_id}: {response.status}")
        return (elapsed, cpu), response.text

    return get


def summary(times):
    """Return the median and the 95th percentile of ``times``, in ms."""
    times = [seconds * 1000 for seconds in times]
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 2 else times[0]
    return statistics.median(times), p95


def measure(get, pages, runs):
    """GET the pages in turn, ``runs`` rounds after 3 warm-up rounds.

    :param pages: ``{label: (user id, function of the round giving the path)}``.
    :returns: ``{label: (wall median, wall p95, CPU median, CPU p95, body)}``.
    """
    walls = {label: [] for label in pages}
    cpus = {label: [] for label in pages}
    bodies = {}
    for round_ in range(runs + 3):
        for label, (user_id, path_of) in pages.items():
            (elapsed, cpu), bodies[label] = get(path_of(round_), user_id)
            if round_ >= 3:
                walls[label].append(elapsed)
                cpus[label].append(cpu)
    return {
        label: (*summary(walls[label]), *summary(cpus[label]), bodies[label])
        for label in pages
    }


def main():
    """Build the hall, fill it, time submissions and pages, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 applications")
    parser.add_argument("--count", type=int, default=None)
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--runs", type=int, default=None)
    args = parser.parse_args()
    count = args.count or (2000 if args.quick else 100_000)
    runs = args.runs or (20 if args.quick else 60)

    def log(message):
        """Report progress on stderr, so stdout holds only the figures."""
        print(message, file=sys.stderr, flush=True)

    import logging
    import warnings

    warnings.simplefilter("ignore")
    logging.disable(logging.WARNING)
    os.environ.setdefault("zope_i18n_compile_mo_files", "true")

    from plone.app.testing import login
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME
    from plone.testing.zope import WSGI_SERVER_FIXTURE
    from zope.component.hooks import setSite
    from zyzwfw import applications
    from zyzwfw.testing import FUNCTIONAL_TESTING

    log("Setting up a throwaway site ...")
    setup_layers(FUNCTIONAL_TESTING)
    FUNCTIONAL_TESTING.testSetUp()
    portal = FUNCTIONAL_TESTING["portal"]
    setSite(portal)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    # The ZODB's default of 400 objects per connection would measure loading
    # from the storage; the instance's zope.conf keeps 50,000.
    portal._p_jar.db().setCacheSize(CACHE_SIZE)
    portal._p_jar._cache.cache_size = CACHE_SIZE

    log("Building the hall ...")
    departments, items = build_hall(portal, log)
    log(f"Filling {count} applications ...")
    started = time.perf_counter()
    pairs = bulk_fill(portal, departments, items, count, log)
    fill_seconds = time.perf_counter() - started
    log(f"Filled in {fill_seconds:.0f} s")

    log(f"Submitting {args.submissions} applications with 1 MB of files ...")
    seconds, cpu, _receipts = submit_with_files(portal, items, args.submissions, log)
    rate = args.submissions / seconds
    cpu_rate = args.submissions / cpu

    setSite(portal)
    login(portal, TEST_USER_NAME)
    catalog = portal.portal_catalog
    total = len(catalog.unrestrictedSearchResults(portal_type="Application"))
    busiest = departments[0].UID()
    open_busy = len(
        catalog.unrestrictedSearchResults(
            portal_type="Application",
            department_uid=busiest,
            review_state=list(applications.STAFF_STATES),
        )
    )
    desk = len(
        catalog.unrestrictedSearchResults(
            portal_type="Application", applicant_id="citizen0000"
        )
    )
    applications.reset_lookup_limits()

    portal_path = "/".join(portal.getPhysicalPath())
    get = timer(WSGI_SERVER_FIXTURE.server.application)

    def lookup(round_):
        number, code = pairs[round_ % len(pairs)]
        return f"{portal_path}/progress?" + urlencode({"number": number, "code": code})

    pages = {
        "Worklist `/worklist`, staff of the busiest department": (
            "staff01",
            lambda _round: f"{portal_path}/worklist",
        ),
        f"Applicant's desk `/my-applications`, {desk} applications": (
            "citizen0000",
            lambda _round: f"{portal_path}/my-applications",
        ),
        "Progress look-up `/progress?number=…&code=…`, anonymous": (None, lookup),
    }
    log(f"Timing {len(pages)} pages, {runs} rounds ...")
    measured = measure(get, pages, runs)

    def rows_of(body):
        return len(set(re.findall(r"ZY\d{10}", body)))

    print()
    print(
        f"Hall: {DEPARTMENT_COUNT} departments, {DEPARTMENT_COUNT * 5} items, "
        f"{MEMBER_COUNT} applicant members; {total} applications ({count} filled "
        f"in {fill_seconds:.0f} s, {len(_receipts)} submitted through the domain "
        f"module); the busiest department has {open_busy} applications to act "
        f"on. {runs} timed rounds after 3 warm-up rounds, pages taken in turn."
    )
    print()
    print(
        f"Submissions with 1 MB of files (2 × 512 KB PDF), each committed: "
        f"{args.submissions} in {seconds:.1f} s = **{rate:.1f}/s** "
        f"(target >= 20/s: {'met' if rate >= 20 else 'NOT met'}); "
        f"{cpu:.1f} s of CPU = {cpu_rate:.1f}/s of this process's CPU"
    )
    load = os.getloadavg()
    print(f"Load average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    print()
    header = "median ms | p95 ms | CPU median ms | CPU p95 ms | numbers on page |"
    print(f"| page (GET, server time) | {header} target < 100 ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for label, (*times, body) in measured.items():
        cells = " | ".join(f"{value:.1f}" for value in times)
        if "my-applications" in label:
            verdict = "(none)"
        else:
            verdict = "met" if times[0] < 100 and times[1] < 100 else "NOT met"
            if times[0] < 100 <= times[1]:
                verdict = "median met, p95 not"
        print(f"| {label} | {cells} | {rows_of(body)} | {verdict} |")
    FUNCTIONAL_TESTING.testTearDown()


if __name__ == "__main__":
    main()
