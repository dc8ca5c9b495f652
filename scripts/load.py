"""Measure the hall under load, from one instance to the cluster with Varnish.

    make load                                  # or:
    .venv/bin/python scripts/load.py [--users 30] [--time 75] [--work DIR]

In one run, on this machine only, with the demonstration site:

1. one instance on FileStorage;
2. two instances on RelStorage (PostgreSQL) behind nginx;
3. the same with Varnish in front, purging on;
4. guide pages only, through Varnish, and the ceiling: a static file of the
   size of a guide page served by the same Varnish (and by nginx alone).

Phases 1–3 run the mix of ``scripts/locustfile.py`` (visitors, citizens
applying with files, window staff); after 1 and 2 a rush phase (1r, 2r) lets
``--rush-users`` citizens submit without pause, for the submissions per
second the hall accepts. After each, every submission that was acknowledged
with a number is looked up with its query code: a missing one is a lost
submission. The table printed at the end has requests per second,
median and 95th percentile in milliseconds and errors for each phase, the
submissions per second and the losses. Everything runs in ``--work``
(a temporary folder by default), on free ports, and is stopped at the end.
"""

from pathlib import Path

import argparse
import csv
import datetime
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import cluster  # noqa: E402


BIN = Path(sys.executable).parent
LOCUSTFILE = ROOT / "scripts" / "locustfile.py"
MIX = ("Visitor", "Citizen", "Clerk")
#: The guide page whose size the static file of the ceiling has.
CEILING_ITEM = "departments/rsj/social-security-card"


def free_port():
    """Return a TCP port on the loopback interface that nothing listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def locust(host, classes, users, seconds, prefix, receipts=None):
    """Run locust headless against ``host``; return its statistics by name.

    :returns: A dict from request name (and ``Aggregated``) to a dict with
        ``requests``, ``failures``, ``rps``, ``median`` and ``p95``.
    """
    env = dict(os.environ)
    if receipts:
        env["ZYZWFW_RECEIPTS"] = str(receipts)
    with open(f"{prefix}.log", "ab") as log:
        _run_locust(host, classes, users, seconds, prefix, env, log)
    stats = _read_stats(prefix)
    if not stats.get("Aggregated", {}).get("requests"):
        # A locust that made no request at all is a failed start, not a figure.
        with open(f"{prefix}.log", "ab") as log:
            _run_locust(host, classes, users, seconds, prefix, env, log)
        stats = _read_stats(prefix)
    return stats


def _number(text):
    """Return the float in ``text``, or 0 for locust's empty and N/A cells."""
    try:
        return float(text)
    except (TypeError, ValueError):
        return 0.0


def _read_stats(prefix):
    stats = {}
    with open(f"{prefix}_stats.csv", encoding="utf-8") as table:
        for row in csv.DictReader(table):
            stats[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": _number(row["Requests/s"]),
                "median": _number(row["Median Response Time"]),
                "p95": _number(row["95%"]),
            }
    return stats


def _run_locust(host, classes, users, seconds, prefix, env, log):
    subprocess.run(
        [
            str(BIN / "locust"),
            "-f",
            str(LOCUSTFILE),
            "--headless",
            "--only-summary",
            "-u",
            str(users),
            "-r",
            str(users),
            "-t",
            f"{seconds}s",
            "--stop-timeout",
            "30",
            "--host",
            host,
            "--csv",
            str(prefix),
            *classes,
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        timeout=seconds + 300,
    )


def lost(base_url, receipts):
    """Look every acknowledged submission up; return (acknowledged, lost, twice)."""
    lines = []
    if Path(receipts).exists():
        lines = Path(receipts).read_text(encoding="utf-8").split("\n")
    pairs = [line.split() for line in lines if line.strip()]
    numbers = [number for number, _ in pairs]
    missing = 0
    for number, code in pairs:
        query = urllib.parse.urlencode({"number": number, "code": code})
        request = urllib.request.Request(
            f"{base_url}/@progress?{query}", headers={"Accept": "application/json"}
        )
        try:
            urllib.request.urlopen(request, timeout=60).close()
        except urllib.error.HTTPError:
            missing += 1
    return len(pairs), missing, len(numbers) - len(set(numbers))


def warm_up(base_url):
    """Fetch every guide page once, so that the proxy holds them all."""
    request = urllib.request.Request(
        f"{base_url}/zyzwfw/@search?portal_type=ServiceItem&b_size=1000",
        headers={"Accept": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as reply:
        items = json.load(reply)["items"]
    for item in items:
        path = urllib.parse.urlsplit(item["@id"]).path
        urllib.request.urlopen(f"{base_url}{path}", timeout=60).close()


def machine_load():
    """Return the load averages of this machine as text."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def report(rows, out):
    """Print the table of results."""
    header = (
        f"{'phase':34} {'req/s':>7} {'median':>7} {'p95':>7} {'errors':>6} "
        f"{'apply/s':>7} {'acked':>6} {'lost':>4}"
    )
    print(header, file=out)
    print("-" * len(header), file=out)
    for row in rows:
        print(
            f"{row['phase']:34} {row['rps']:7.1f} {row['median']:7.0f} "
            f"{row['p95']:7.0f} {row['errors']:6d} {row.get('apply', ''):>7} "
            f"{row.get('acked', ''):>6} {row.get('lost', ''):>4}",
            file=out,
        )


def row(phase, stats, name="Aggregated", **extra):
    """Return a table row for ``name``'s statistics of a phase."""
    figures = stats.get(name) or {"rps": 0, "median": 0, "p95": 0, "failures": 0}
    result = {
        "phase": phase,
        "rps": figures["rps"],
        "median": figures["median"],
        "p95": figures["p95"],
        "errors": figures.get("failures", 0),
    }
    result.update(extra)
    return result


def mixed_phase(phase, host, lookup_url, args, work, rows):
    """Run the mix against ``host`` and add its row to ``rows``."""
    slug = phase.split()[0]
    receipts = work / f"{slug}-receipts.txt"
    receipts.unlink(missing_ok=True)
    print(f"{phase}: {args.users} users for {args.time} s", flush=True)
    stats = locust(host, MIX, args.users, args.time, work / slug, receipts)
    acked, missing, twice = lost(lookup_url, receipts)
    apply = stats.get("apply", {"rps": 0})["rps"]
    rows.append(
        row(
            phase,
            stats,
            apply=f"{apply:.1f}",
            acked=str(acked),
            lost=str(missing + twice),
        )
    )
    for name in ("guide page", "catalogue", "download", "apply", "worklist"):
        if name in stats:
            rows.append(row(f"  {name}", stats, name))
    return stats


def rush_phase(phase, host, lookup_url, args, work, rows):
    """Let ``--rush-users`` citizens submit without pause; add the row."""
    slug = phase.split()[0]
    receipts = work / f"{slug}-receipts.txt"
    receipts.unlink(missing_ok=True)
    print(f"{phase}: {args.rush_users} users for {args.time} s", flush=True)
    stats = locust(host, ("Rush",), args.rush_users, args.time, work / slug, receipts)
    acked, missing, twice = lost(lookup_url, receipts)
    apply = stats.get("apply", {"rps": 0})["rps"]
    rows.append(
        row(
            phase,
            stats,
            "apply",
            apply=f"{apply:.1f}",
            acked=str(acked),
            lost=str(missing + twice),
        )
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--time", type=int, default=75, help="seconds per phase")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--rush-users",
        type=int,
        default=8,
        help="citizens submitting without pause in the rush phases",
    )
    parser.add_argument("--work", help="working folder (default: a temporary one)")
    parser.add_argument("--out", help="also write the table into this file")
    args = parser.parse_args()

    temporary = not args.work
    work = Path(args.work or tempfile.mkdtemp(prefix="zyzwfw-load-", dir="/tmp"))
    work.mkdir(parents=True, exist_ok=True)
    work.chmod(0o755)
    started = datetime.datetime.now(datetime.UTC)
    loads = [machine_load()]
    rows = []
    processes = []
    instances = []
    single = database = None
    try:
        print("creating the demonstration site on FileStorage", flush=True)
        single = cluster.Instance(
            work / "filestorage",
            free_port(),
            storage="filestorage",
            threads=args.threads,
        )
        single.write()
        single.create_site()

        single.start()
        single.warm_up()
        mixed_phase(
            "1 FileStorage, one instance",
            f"http://127.0.0.1:{single.port}",
            single.url,
            args,
            work,
            rows,
        )
        rush_phase(
            "1r rush: submissions only",
            f"http://127.0.0.1:{single.port}",
            single.url,
            args,
            work,
            rows,
        )
        loads.append(machine_load())
        single.stop()

        print("copying it into PostgreSQL with zodbconvert", flush=True)
        database = cluster.Postgres(work / "postgres" / "data", free_port())
        database.start()
        database.create_database()
        cluster.convert(single.folder / "var", database.dsn(), work / "convert")
        instances = [
            cluster.Instance(
                work / f"instance{n}",
                free_port(),
                dsn=database.dsn(),
                threads=args.threads,
            )
            for n in (1, 2)
        ]
        nginx_port, varnish_port = free_port(), free_port()
        # Purges go to this run's Varnish, which starts in phase 3.
        for instance in instances:
            instance.write()
        cluster.set_caching_proxy(instances[0], f"http://127.0.0.1:{varnish_port}")
        for instance in instances:
            instance.start(wait=False)
        for instance in instances:
            instance.wait()
            instance.warm_up()
        processes.append(
            cluster.start_nginx(work / "nginx", nginx_port, [i.port for i in instances])
        )
        mixed_phase(
            "2 RelStorage, two instances, nginx",
            f"http://127.0.0.1:{nginx_port}",
            instances[0].url,
            args,
            work,
            rows,
        )
        rush_phase(
            "2r rush: submissions only",
            f"http://127.0.0.1:{nginx_port}",
            instances[1].url,
            args,
            work,
            rows,
        )
        loads.append(machine_load())

        processes.append(
            cluster.start_varnish(work / "varnish", varnish_port, nginx_port)
        )
        mixed_phase(
            "3 the same behind Varnish",
            f"http://127.0.0.1:{varnish_port}",
            instances[1].url,
            args,
            work,
            rows,
        )
        loads.append(machine_load())

        # The ceiling: a static file as large as a guide page.
        guide = urllib.request.urlopen(
            f"http://127.0.0.1:{varnish_port}/zyzwfw/{CEILING_ITEM}", timeout=60
        ).read()
        (work / "nginx" / "static" / "guide.html").write_bytes(guide)
        warm_up(f"http://127.0.0.1:{varnish_port}")
        short = max(10, args.time // 3)
        print(f"guide pages and the static ceiling: {short} s each", flush=True)
        varnish = f"http://127.0.0.1:{varnish_port}"
        stats = locust(varnish, ("GuideReader",), args.users, short, work / "guides")
        rows.append(row("4 guide pages via Varnish", stats, "guide page"))
        stats = locust(varnish, ("StaticReader",), args.users, short, work / "static")
        rows.append(row(f"5 static {len(guide)} B via Varnish", stats, "static file"))
        stats = locust(
            f"http://127.0.0.1:{nginx_port}",
            ("StaticReader",),
            args.users,
            short,
            work / "static-nginx",
        )
        rows.append(row(f"6 static {len(guide)} B via nginx", stats, "static file"))
        loads.append(machine_load())
    finally:
        for process in reversed(processes):
            cluster.end_process(process.pid)
        for instance in [*instances, single]:
            if instance is not None:
                instance.stop()
        if database is not None:
            database.stop()
        if temporary:
            shutil.rmtree(work, ignore_errors=True)

    outputs = [sys.stdout]
    if args.out:
        outputs.append(open(args.out, "w", encoding="utf-8"))
    for out in outputs:
        print(
            f"\n{started:%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, "
            f"{args.users} users, {args.time} s per phase; load averages "
            f"(1, 5, 15 min) at start and after each phase: {' | '.join(loads)}",
            file=out,
        )
        report(rows, out)
    mixed = [r for r in rows if r["phase"][0] in "123"]
    failed = sum(r["errors"] for r in mixed) or any(
        r.get("lost") not in (None, "0") for r in mixed
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
