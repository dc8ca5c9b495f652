"""Building and serving the hall with zc.buildout, as Plone integrators do.

versions.cfg must be what scripts/pins.py writes from constraints.txt. The
slow tests build one buildout in a temporary directory from the repository's
``buildout.cfg``, create the site in it and serve it, then ask it for the
hall. The eggs are kept in the user's cache between runs, the way buildout's
own shared eggs directory is used: the first run downloads and installs every
release (a few minutes), later runs take well under a minute. Remove
``~/.cache/zyzwfw/buildout-eggs`` to build from nothing again.
"""

from pathlib import Path

import importlib.util
import json
import os
import pytest
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request


REPO = Path(__file__).resolve().parents[2]
PYTHON = "python3.11"
SITE_ID = "zyzwfw"
TITLE = "资阳市电子政务大厅"
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
EGGS = CACHE / "zyzwfw" / "buildout-eggs"
BUILD_TIMEOUT = 1800
STARTUP_TIMEOUT = 180
STOP_TIMEOUT = 30


def environment(**extra):
    """Return this process's environment without what ties it to ``.venv``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")
    }
    env.update(extra)
    return env


def tail(log, lines=60):
    """Return the last ``lines`` lines of the file ``log``."""
    text = log.read_text(encoding="utf-8", errors="replace")
    return "\n".join(text.splitlines()[-lines:])


def run(args, cwd, log, timeout=600, **extra_env):
    """Run a command with its output in ``log``; fail the test if it fails."""
    args = [str(arg) for arg in args]
    with log.open("ab") as out:
        out.write(f"$ {' '.join(args)}\n".encode())
        out.flush()
        try:
            result = subprocess.run(
                args,
                cwd=cwd,
                env=environment(**extra_env),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            pytest.fail(
                f"{' '.join(args)} took more than {timeout} s; the end of "
                f"{log}:\n{tail(log)}"
            )
    if result.returncode != 0:
        pytest.fail(
            f"{' '.join(args)} exited with {result.returncode}; the end of "
            f"{log}:\n{tail(log)}"
        )


def free_port():
    """Return a TCP port on the loopback interface that nothing listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, accept="text/html"):
    """GET ``url`` without following redirects.

    :returns: a tuple ``(status, headers, body)``, the body as text.
    """
    opener = urllib.request.build_opener(_KeepRedirects)
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def wait_until_answers(process, url, log):
    """Wait until the server at ``url`` answers HTTP; fail if it never does."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"bin/instance fg exited with {process.returncode}; the end of "
                f"{log}:\n{tail(log)}"
            )
        try:
            fetch(url)
        except (OSError, urllib.error.URLError):
            time.sleep(1)
        else:
            return
    pytest.fail(
        f"{url} did not answer within {STARTUP_TIMEOUT} s; the end of "
        f"{log}:\n{tail(log)}"
    )


def stop(process):
    """End the process group of ``process``, however it responds."""
    group = process.pid
    try:
        os.killpg(group, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + STOP_TIMEOUT
    while time.monotonic() < deadline:
        # Reaping the leader lets the group disappear once its last member
        # has exited; a zombie would keep it alive.
        process.poll()
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    try:
        os.killpg(group, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


# tests/conftest.py sets up the in-process Plone layers for every test through
# these autouse fixtures of pytest-plone; this module runs its own Zope in
# subprocesses and needs neither, so it does not wait for them.
@pytest.fixture(scope="session")
def _keep_functional_session():
    """Leave the functional layer alone here."""


@pytest.fixture(scope="session")
def _keep_integration_session():
    """Leave the integration layer alone here."""


@pytest.fixture(scope="module")
def port():
    """The port the instance listens on."""
    return free_port()


@pytest.fixture(scope="module")
def buildout_dir(tmp_path_factory, port):
    """A buildout of the hall, built once in a temporary directory."""
    python = shutil.which(PYTHON)
    if python is None:
        pytest.fail(f"{PYTHON} is not on PATH: the buildout needs Python 3.11")
    directory = tmp_path_factory.mktemp("buildout")
    venv = tmp_path_factory.mktemp("buildout-venv")
    log = directory / "build.log"
    EGGS.mkdir(parents=True, exist_ok=True)

    run([python, "-m", "venv", "--clear", venv], directory, log)
    run(
        [
            venv / "bin" / "python",
            "-m",
            "pip",
            "install",
            "--quiet",
            "-c",
            REPO / "constraints.txt",
            "zc.buildout",
        ],
        directory,
        log,
    )
    # buildout:develop names the checkout because a relative develop path
    # is taken from buildout:directory, which is elsewhere here.
    run(
        [
            venv / "bin" / "buildout",
            "-c",
            REPO / "buildout.cfg",
            f"buildout:directory={directory}",
            f"buildout:develop={REPO}",
            f"buildout:eggs-directory={EGGS}",
            f"instance:http-address=127.0.0.1:{port}",
        ],
        directory,
        log,
        timeout=BUILD_TIMEOUT,
    )
    return directory


@pytest.fixture(scope="module")
def site(buildout_dir):
    """The hall's site, created in the buildout's database."""
    run(
        [buildout_dir / "bin" / "instance", "run", REPO / "scripts/create_site.py"],
        buildout_dir,
        buildout_dir / "create-site.log",
        SITE_ID=SITE_ID,
        DEMO_CONTENT="0",
    )
    return SITE_ID


@pytest.fixture(scope="module")
def server(buildout_dir, site, port):
    """The URL of the buildout's instance, running in the foreground."""
    log = buildout_dir / "instance.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(buildout_dir / "bin" / "instance"), "fg"],
            cwd=buildout_dir,
            env=environment(),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_answers(process, f"{url}/{site}", log)
            yield url
        finally:
            stop(process)


def load_pins():
    """Import ``scripts/pins.py``, which is a script, not a module."""
    spec = importlib.util.spec_from_file_location("pins", REPO / "scripts/pins.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_versions_cfg_is_written_from_constraints():
    """versions.cfg is exactly what scripts/pins.py makes of constraints.txt."""
    pins = load_pins()
    expected = pins.versions_cfg(pins.read_pins(REPO / "constraints.txt"))
    assert (REPO / "versions.cfg").read_text(encoding="utf-8") == expected


@pytest.mark.slow
class TestBuildout:
    def test_database_in_buildout_var(self, buildout_dir, site):
        """The FileStorage lives under var/ of the buildout directory."""
        assert (buildout_dir / "var" / "filestorage" / "Data.fs").is_file()
        assert (buildout_dir / "var" / "blobstorage").is_dir()

    def test_hall_answers(self, server):
        """The hall's home page answers with its title."""
        status, headers, body = fetch(f"{server}/{SITE_ID}")
        assert status == 200
        assert headers.get_content_type() == "text/html"
        assert TITLE in body

    def test_api_answers_json(self, server):
        """The REST API of the site answers JSON."""
        status, headers, body = fetch(f"{server}/{SITE_ID}/++api++", "*/*")
        assert status == 200
        assert headers.get_content_type() == "application/json"
        data = json.loads(body)
        assert data["@id"] == f"{server}/{SITE_ID}"
        assert data["title"] == TITLE

    def test_root_redirects_to_hall(self, server):
        """The server's root URL sends a visitor on to the hall."""
        status, headers, _ = fetch(f"{server}/")
        assert status == 302
        assert headers["Location"].endswith(f"/{SITE_ID}")
