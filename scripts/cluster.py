"""Run the hall as a cluster on one machine: PostgreSQL, instances, nginx, Varnish.

    python scripts/cluster.py start [--instances 2] [--port 8080]
    python scripts/cluster.py stop
    python scripts/cluster.py status
    python scripts/cluster.py postgres          # only the database
    python scripts/cluster.py convert [--from instance/var]

``start`` installs what is missing from Debian (PostgreSQL, nginx, Varnish;
as root), starts a PostgreSQL of its own in ``var/cluster/postgres`` on port
5433 (``--pg-port``), creates the database and
the site when they do not exist, starts the instances on RelStorage, nginx as
the load balancer in front of them and Varnish in front of nginx on ``PORT``.
Each process id is written into ``var/cluster/run``; ``stop`` ends exactly
those processes. ``convert`` copies a FileStorage with its blobs into the
cluster's database with zodbconvert.

The functions are used by the tests and by ``scripts/load.py`` too.
"""

from pathlib import Path

import argparse
import base64
import glob
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from write_instance import write_instance  # noqa: E402


BIN = Path(sys.executable).parent
CLUSTER = ROOT / "var" / "cluster"
VCL_TEMPLATE = ROOT / "instance" / "templates" / "varnish.vcl.in"
NGINX_TEMPLATE = ROOT / "instance" / "templates" / "nginx.conf.in"
DB_USER = "zyzwfw"
DB_NAME = "zyzwfw"
SITE_ID = os.environ.get("SITE_ID", "zyzwfw")
STARTUP_TIMEOUT = 180
PG_PORT = 5433
DEMO_PASSWORD = "Zyzwfw@2026"
#: Pages requested once by :meth:`Instance.warm_up`, with who asks for them.
WARM_PATHS = (
    ("", None),
    ("guide", None),
    ("downloads", None),
    ("departments", None),
    ("departments/rsj", None),
    ("departments/rsj/social-security-card", None),
    ("departments/rsj/social-security-card/id-card", None),
    ("progress", None),
    ("my-applications", "13800000001"),
    ("worklist", "zjj-clerk"),
)

#: Debian packages that bring each program the cluster runs.
PACKAGES = {"initdb": "postgresql", "nginx": "nginx-light", "varnishd": "varnish"}


class ClusterError(Exception):
    """A part of the cluster could not be set up or started."""


def ports(front):
    """Return the ports of the cluster whose Varnish listens on ``front``.

    :param front: Varnish's port, the one visitors use (8080 by default).
    :returns: A dict with ``varnish``, ``nginx`` and ``instances`` (the first
        instance's; the others follow it).
    """
    return {"varnish": front, "nginx": front + 1, "instances": front + 2}


def program(name):
    """Return the path of the program ``name``, installing its package if missing.

    PostgreSQL's server programs are not on ``PATH`` in Debian; they are looked
    for in ``/usr/lib/postgresql/<version>/bin``, the newest version first.

    :raises ClusterError: If it is missing and cannot be installed.
    """
    for attempt in range(2):
        found = shutil.which(name) or shutil.which(name, path="/usr/sbin")
        if not found:
            versions = sorted(
                glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                key=lambda path: int(Path(path).parts[-3]),
            )
            found = versions[-1] if versions else None
        if found:
            return found
        package = PACKAGES.get(name)
        if attempt or not package or os.geteuid() != 0 or not shutil.which("apt-get"):
            break
        print(f"installing {package} for {name}", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "install", "-y", "-qq", package], env=env)
    raise ClusterError(f"{name} is missing; install the Debian package {package}")


def as_postgres(args):
    """Return ``args`` run as the user ``postgres`` when we are root.

    PostgreSQL refuses to run as root; any other user runs it as themselves.
    """
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return list(args)


def read_pid(path):
    """Return the process id in the file ``path``, or None."""
    try:
        return int(Path(path).read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def alive(pid):
    """Tell whether the process ``pid`` exists (and is not a zombie)."""
    if not pid:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def end_process(pid, sig=signal.SIGTERM, timeout=30):
    """Send ``sig`` to ``pid``, wait for it to end, and kill it after ``timeout``."""
    if not alive(pid):
        return
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        if not alive(pid):
            return
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def wait_for_http(url, process=None, log=None, timeout=STARTUP_TIMEOUT):
    """Wait until ``url`` answers HTTP at all.

    :raises ClusterError: If ``process`` exits first or time runs out; the
        message ends with the last lines of ``log``.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise ClusterError(f"{url}: the process exited.\n{tail(log)}")
        try:
            urllib.request.urlopen(url, timeout=10).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.5)
    raise ClusterError(f"{url} did not answer within {timeout} s.\n{tail(log)}")


def tail(log, lines=40):
    """Return the last lines of the file ``log`` (empty if there is none)."""
    if not log or not Path(log).exists():
        return ""
    text = Path(log).read_text(encoding="utf-8", errors="replace")
    return "\n".join(text.splitlines()[-lines:])


class Postgres:
    """A PostgreSQL server of its own, in the folder ``datadir``, on ``port``.

    The server trusts local connections of the user ``zyzwfw`` on 127.0.0.1
    only; a production database uses passwords or certificates instead.
    """

    def __init__(self, datadir, port):
        self.datadir = Path(datadir)
        self.port = int(port)
        self.log = self.datadir.parent / "postgres.log"

    def dsn(self, dbname=DB_NAME):
        """Return the libpq connection string of the database ``dbname``."""
        return f"dbname={dbname} user={DB_USER} host=127.0.0.1 port={self.port}"

    def client(self, name):
        """Return the argument list that runs the client program ``name``."""
        return [program(name), "-h", "127.0.0.1", "-p", str(self.port), "-U", DB_USER]

    def pid(self):
        """Return the postmaster's process id, or None if it is not running."""
        pid = read_pid(self.datadir / "postmaster.pid")
        return pid if alive(pid) else None

    def start(self):
        """Create the server's files if needed, and start it (idempotent)."""
        if self.pid():
            return
        self.datadir.parent.mkdir(parents=True, exist_ok=True)
        owner = os.geteuid() == 0
        if not (self.datadir / "PG_VERSION").exists():
            self.datadir.mkdir(mode=0o700, exist_ok=True)
            if owner:
                shutil.chown(self.datadir, "postgres", "postgres")
            subprocess.run(
                as_postgres(
                    [
                        program("initdb"),
                        "-D",
                        str(self.datadir),
                        "-U",
                        DB_USER,
                        "--auth=trust",
                        "-E",
                        "UTF8",
                        "--no-locale",
                    ]
                ),
                check=True,
                stdout=subprocess.DEVNULL,
            )
        self.log.touch()
        if owner:
            shutil.chown(self.log, "postgres", "postgres")
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={self.datadir} "
            "-c max_connections=200 -c shared_buffers=128MB "
            "-c synchronous_commit=on -c fsync=on"
        )
        subprocess.run(
            as_postgres(
                [
                    program("pg_ctl"),
                    "-D",
                    str(self.datadir),
                    "-l",
                    str(self.log),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "60",
                    "start",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def create_database(self, dbname=DB_NAME):
        """Create the database ``dbname`` unless it exists."""
        found = subprocess.run(
            [
                *self.client("psql"),
                "-d",
                "postgres",
                "-tAc",
                f"SELECT 1 FROM pg_database WHERE datname = '{dbname}'",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        if found != "1":
            subprocess.run([*self.client("createdb"), dbname], check=True)

    def stop(self):
        """Stop the server with a fast shutdown, by its process id."""
        end_process(self.pid(), signal.SIGINT, timeout=60)


class Instance:
    """A Zope instance on RelStorage or FileStorage, served by waitress."""

    def __init__(self, folder, port, storage="relstorage", dsn=None, threads=4):
        self.folder = Path(folder)
        self.port = int(port)
        self.storage = storage
        self.dsn = dsn
        self.threads = threads
        self.process = None
        self.log = self.folder / "var" / "log" / "console.log"

    @property
    def zope_conf(self):
        """The path of the instance's ``zope.conf``."""
        return self.folder / "etc" / "zope.conf"

    @property
    def url(self):
        """The URL of the site on this instance."""
        return f"http://127.0.0.1:{self.port}/{SITE_ID}"

    def write(self):
        """Write the instance's configuration from the project's templates."""
        extra = {"dsn": self.dsn} if self.dsn else {}
        write_instance(
            self.folder,
            "127.0.0.1",
            self.port,
            self.threads,
            SITE_ID,
            self.storage,
            **extra,
        )

    def zconsole(self, script, **env):
        """Run ``script`` with ``zconsole run`` in this instance.

        :raises ClusterError: If it fails; the message holds its output.
        """
        result = subprocess.run(
            [str(BIN / "zconsole"), "run", str(self.zope_conf), str(script)],
            env=dict(os.environ, SITE_ID=SITE_ID, **env),
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise ClusterError(
                f"{script} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
            )
        return result.stdout

    def create_site(self, **env):
        """Create the site with its demonstration content unless it exists."""
        return self.zconsole(ROOT / "scripts" / "create_site.py", **env)

    def start(self, pidfile=None, wait=True):
        """Serve the instance with waitress; record its pid in ``pidfile``."""
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [str(BIN / "runwsgi"), str(self.folder / "etc" / "zope.ini")],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        if pidfile:
            Path(pidfile).write_text(f"{self.process.pid}\n")
        if wait:
            self.wait()
        return self.process

    def wait(self):
        """Wait until the instance serves the site."""
        wait_for_http(self.url, self.process, self.log)

    def warm_up(self, paths=WARM_PATHS):
        """Request the hall's main pages one after the other, once.

        The first request of each page compiles its template. Python 3.11's
        compiler is not safe for several threads at once (a rare
        ``SystemError: AST constructor recursion depth mismatch``), so the
        templates are compiled here, one at a time, before the instance
        takes a crowd; the compiled templates are kept in ``var/cache``.
        """
        for path, login in paths:
            request = urllib.request.Request(f"{self.url}/{path}")
            if login:
                token = base64.b64encode(f"{login}:{DEMO_PASSWORD}".encode())
                request.add_header("Authorization", f"Basic {token.decode()}")
            try:
                urllib.request.urlopen(request, timeout=120).close()
            except urllib.error.HTTPError:
                pass

    def kill(self, sig=signal.SIGKILL):
        """Send ``sig`` to the instance (SIGKILL by default) and reap it."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=60)

    def stop(self):
        """Stop the instance gracefully."""
        if self.process and self.process.poll() is None:
            end_process(self.process.pid)
            self.process.wait(timeout=60)


def render(template, values):
    """Return ``template``'s text with each ``@KEY@`` replaced by its value."""
    text = Path(template).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", str(value))
    return text


def start_nginx(folder, port, backends, pidfile=None):
    """Start nginx on ``port`` balancing over the ``backends`` ports.

    Every request, submissions included, goes to the backend with the fewest
    in progress. It serves ``folder/static`` at ``/_static/`` too, for the
    static ceiling.

    :returns: The nginx master process.
    """
    folder = Path(folder)
    for name in ("temp", "static", "log"):
        (folder / name).mkdir(parents=True, exist_ok=True)
    servers = "\n".join(
        f"        server 127.0.0.1:{backend} max_fails=1 fail_timeout=5s;"
        for backend in backends
    )
    conf = folder / "nginx.conf"
    conf.write_text(
        render(
            NGINX_TEMPLATE,
            {
                "USER": "root root" if os.geteuid() == 0 else os.environ["USER"],
                "FOLDER": folder,
                "PORT": port,
                "SERVERS": servers,
            },
        ),
        encoding="utf-8",
    )
    if os.geteuid() != 0:
        # Only root may switch users; anyone else runs nginx as themselves.
        conf.write_text(conf.read_text().replace("user ", "# user ", 1))
    log = folder / "log" / "nginx.log"
    with log.open("ab") as out:
        process = subprocess.Popen(
            [program("nginx"), "-p", str(folder), "-c", str(conf)],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    if pidfile:
        Path(pidfile).write_text(f"{process.pid}\n")
    wait_for_http(f"http://127.0.0.1:{port}/_static/", process, log, timeout=30)
    return process


def start_varnish(folder, port, backend, memory="256m", pidfile=None):
    """Start Varnish on ``port`` in front of the backend port ``backend``.

    The VCL is written from ``instance/templates/varnish.vcl.in``: anonymous
    GETs are cached as the hall's caching rules say, everything else passes,
    and PURGE from this machine bans the path and everything below it.

    :returns: The varnishd manager process.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vcl = folder / "hall.vcl"
    vcl.write_text(render(VCL_TEMPLATE, {"BACKEND_PORT": backend}), encoding="utf-8")
    workdir = folder / "work"
    workdir.mkdir(exist_ok=True)
    log = folder / "varnish.log"
    with log.open("ab") as out:
        process = subprocess.Popen(
            [
                program("varnishd"),
                "-F",
                "-n",
                str(workdir),
                "-a",
                f"127.0.0.1:{port}",
                "-T",
                "127.0.0.1:0",
                "-f",
                str(vcl),
                "-s",
                f"malloc,{memory}",
                # Only what the hall's caching rules mark as cacheable is kept.
                "-t",
                "0",
                "-p",
                "thread_pool_min=20",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    if pidfile:
        Path(pidfile).write_text(f"{process.pid}\n")
    wait_for_http(f"http://127.0.0.1:{port}/_static/", process, log, timeout=60)
    return process


def convert(source_var, dsn, folder):
    """Copy a FileStorage and its blobs into the RelStorage database ``dsn``.

    :param source_var: The ``var`` folder holding ``filestorage/Data.fs`` and
        ``blobstorage``; the source is opened read-only.
    :param folder: Where to write the zodbconvert configuration and the blob
        cache of the destination.
    :raises ClusterError: If zodbconvert fails.
    """
    source_var = Path(source_var).resolve()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    conf = folder / "zodbconvert.conf"
    conf.write_text(
        f"""%import relstorage
<filestorage source>
    path {source_var / "filestorage" / "Data.fs"}
    blob-dir {source_var / "blobstorage"}
    read-only true
</filestorage>
<relstorage destination>
    keep-history false
    shared-blob-dir false
    blob-dir {folder / "convert-blobcache"}
    <postgresql>
        dsn {dsn}
    </postgresql>
</relstorage>
""",
        encoding="utf-8",
    )
    result = subprocess.run(
        [str(BIN / "zodbconvert"), "--clear", str(conf)],
        capture_output=True,
        text=True,
    )
    shutil.rmtree(folder / "convert-blobcache", ignore_errors=True)
    if result.returncode:
        raise ClusterError(f"zodbconvert failed:\n{result.stdout}{result.stderr}")
    return result.stdout + result.stderr


def set_caching_proxy(instance, proxy_url):
    """Turn purging on in the site, towards the caching proxy ``proxy_url``."""
    return instance.zconsole(
        ROOT / "scripts" / "caching_proxy.py", CACHING_PROXY=proxy_url
    )


def postgres(folder=CLUSTER, port=PG_PORT):
    """Return the cluster's PostgreSQL server (not started)."""
    return Postgres(Path(folder) / "postgres", port)


def start(count=2, front=8080, folder=CLUSTER, threads=4, pg_port=PG_PORT):
    """Start the whole cluster and record every process id in ``folder/run``."""
    folder = Path(folder)
    run = folder / "run"
    run.mkdir(parents=True, exist_ok=True)
    # The database may already run (make start STORAGE=relstorage starts it).
    running = [
        p.stem for p in run.glob("*.pid") if p.stem != "postgres" and alive(read_pid(p))
    ]
    if running:
        raise ClusterError(
            f"already running: {', '.join(sorted(running))}; "
            "run 'make cluster-stop' first"
        )
    layout = ports(front)
    database = postgres(folder, pg_port)
    database.start()
    (run / "postgres.pid").write_text(f"{database.pid()}\n")
    database.create_database()
    instances = [
        Instance(
            folder / f"instance{number}",
            layout["instances"] + number - 1,
            dsn=database.dsn(),
            threads=threads,
        )
        for number in range(1, count + 1)
    ]
    for instance in instances:
        instance.write()
    print("creating the site if it does not exist", flush=True)
    print(instances[0].create_site().strip(), flush=True)
    set_caching_proxy(instances[0], f"http://127.0.0.1:{front}")
    for number, instance in enumerate(instances, 1):
        instance.start(pidfile=run / f"instance{number}.pid", wait=False)
    for instance in instances:
        instance.wait()
        instance.warm_up()
    start_nginx(
        folder / "nginx",
        layout["nginx"],
        [instance.port for instance in instances],
        pidfile=run / "nginx.pid",
    )
    start_varnish(
        folder / "varnish", front, layout["nginx"], pidfile=run / "varnish.pid"
    )
    print(f"PostgreSQL   127.0.0.1:{database.port}  ({database.dsn()})")
    for instance in instances:
        print(f"instance     {instance.url}")
    print(f"nginx        http://127.0.0.1:{layout['nginx']}/")
    print(f"Varnish      http://localhost:{front}/   <- the hall")


def stop(folder=CLUSTER):
    """Stop every process recorded in ``folder/run``, the database last."""
    run = Path(folder) / "run"
    order = ["varnish", "nginx"]
    names = sorted(p.stem for p in run.glob("*.pid"))
    order += [name for name in names if name.startswith("instance")]
    order.append("postgres")
    for name in order:
        pidfile = run / f"{name}.pid"
        pid = read_pid(pidfile)
        if pid and alive(pid):
            print(f"stopping {name} ({pid})", flush=True)
            end_process(pid, signal.SIGINT if name == "postgres" else signal.SIGTERM)
        pidfile.unlink(missing_ok=True)


def status(folder=CLUSTER):
    """Print each recorded process and whether it runs."""
    run = Path(folder) / "run"
    for pidfile in sorted(run.glob("*.pid")):
        pid = read_pid(pidfile)
        print(f"{pidfile.stem:12} {pid}  {'running' if alive(pid) else 'stopped'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "command", choices=("start", "stop", "status", "postgres", "convert")
    )
    parser.add_argument("--instances", type=int, default=2)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--pg-port", type=int, default=PG_PORT)
    parser.add_argument(
        "--from",
        dest="source",
        default=str(ROOT / "instance" / "var"),
        help="the var folder of the FileStorage to convert",
    )
    args = parser.parse_args()
    try:
        if args.command == "start":
            start(args.instances, args.port, threads=args.threads, pg_port=args.pg_port)
        elif args.command == "stop":
            stop()
        elif args.command == "status":
            status()
        elif args.command in ("postgres", "convert"):
            database = postgres(port=args.pg_port)
            database.start()
            database.create_database()
            run = CLUSTER / "run"
            run.mkdir(parents=True, exist_ok=True)
            (run / "postgres.pid").write_text(f"{database.pid()}\n")
            if args.command == "convert":
                print(convert(args.source, database.dsn(), CLUSTER / "convert"))
            else:
                print(database.dsn())
    except (ClusterError, subprocess.CalledProcessError) as error:
        sys.exit(f"cluster: {error}")


if __name__ == "__main__":
    main()
