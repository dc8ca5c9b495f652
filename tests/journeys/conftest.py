"""A real hall in a real browser, for the journeys of its visitors and staff.

The session writes an instance configuration into a temporary directory,
creates the site with its demonstration content with the project's own
``scripts/create_site.py``, serves it with ``runwsgi`` on a free port and
stops it at the end. Debian's Chromium (``/usr/bin/chromium``) is driven
through Playwright; no browser is downloaded. Screenshots of the key pages of
every journey go to ``test-artifacts/journeys/``, which CI keeps.

``HALL_URL=http://127.0.0.1:8081/zyzwfw`` runs the journeys against a hall
that is already serving (with the demonstration content) instead, which is
quicker while writing a journey.
"""

from pathlib import Path
from playwright.sync_api import expect
from playwright.sync_api import sync_playwright

import os
import pytest
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SITE_ID = "zyzwfw"
ADMIN_PASSWORD = "journeys-Adm1n"
PASSWORD = "Zyzwfw@2026"
ARTIFACTS = REPO / "test-artifacts" / "journeys"
AXE_DIR = Path(__file__).resolve().parent
AXE_SCRIPT = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 390, "height": 844},
}
STARTUP_TIMEOUT = 180
CREATE_TIMEOUT = 600
STOP_TIMEOUT = 30
# A journey's single step may wait this long for the hall (in milliseconds):
# two cores shared with the rest of the suite make some pages slow.
STEP_TIMEOUT = 30_000


# tests/conftest.py sets the in-process Plone layers up for every test through
# autouse fixtures of pytest-plone; the journeys talk to a served instance and
# need neither.
@pytest.fixture(scope="session")
def _keep_functional_session():
    """Leave the functional layer alone here."""


@pytest.fixture(scope="session")
def _keep_integration_session():
    """Leave the integration layer alone here."""


def free_port():
    """Return a TCP port on the loopback interface that nothing listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tail(log, lines=60):
    """Return the last ``lines`` lines of the file ``log``."""
    text = log.read_text(encoding="utf-8", errors="replace")
    return "\n".join(text.splitlines()[-lines:])


def _run(args, log, timeout, env):
    """Run a command with its output in ``log``; fail the session if it fails."""
    with log.open("ab") as out:
        try:
            result = subprocess.run(
                [str(arg) for arg in args],
                cwd=REPO,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"{args[0]} took more than {timeout} s:\n{tail(log)}")
    if result.returncode != 0:
        pytest.fail(f"{args[0]} exited with {result.returncode}:\n{tail(log)}")


def _answers(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


def _stop(process):
    """End the process group of ``process``, however it responds."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="session")
def hall_url(tmp_path_factory):
    """The URL of a freshly created hall with its demonstration content."""
    if os.environ.get("HALL_URL"):
        yield os.environ["HALL_URL"].rstrip("/")
        return

    instance = tmp_path_factory.mktemp("journeys-instance")
    port = free_port()
    log = instance / "instance.log"
    env = dict(os.environ, SITE_ID=SITE_ID, ADMIN_PASSWORD=ADMIN_PASSWORD)
    env.pop("DELETE_EXISTING", None)
    env.pop("DEMO_CONTENT", None)

    _run(
        [
            BIN / "python",
            REPO / "scripts" / "write_instance.py",
            "--instance",
            instance,
            "--port",
            port,
            "--threads",
            "4",
            "--site-id",
            SITE_ID,
        ],
        log,
        60,
        env,
    )
    (instance / "var" / "cache").mkdir(exist_ok=True)
    _run(
        [
            BIN / "zconsole",
            "run",
            instance / "etc" / "zope.conf",
            REPO / "scripts" / "create_site.py",
        ],
        log,
        CREATE_TIMEOUT,
        env,
    )

    with log.open("ab") as out:
        process = subprocess.Popen(
            [str(BIN / "runwsgi"), str(instance / "etc" / "zope.ini")],
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    # plone.app.theming leaves 127.0.0.1 unthemed by default; people use names.
    url = f"http://localhost:{port}/{SITE_ID}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not _answers(url):
            if process.poll() is not None:
                pytest.fail(f"runwsgi exited with {process.returncode}:\n{tail(log)}")
            if time.monotonic() > deadline:
                pytest.fail(f"{url} did not answer in {STARTUP_TIMEOUT} s")
            time.sleep(1)
        yield url
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, headless, for the whole session."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: apt-get install chromium fonts-noto-cjk "
            "(.ci/run does)"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    """The name of the viewport a journey runs at: ``desktop`` or ``phone``."""
    return request.param


class Visitor:
    """One person at one browser: their pages, downloads and screenshots."""

    def __init__(self, browser, hall_url, viewport, journey):
        self.hall = hall_url
        self.viewport = viewport
        self.journey = journey
        self.context = browser.new_context(
            viewport=VIEWPORTS[viewport],
            locale="zh-CN",
            timezone_id="Asia/Shanghai",
            accept_downloads=True,
            device_scale_factor=1,
            is_mobile=viewport == "phone",
            has_touch=viewport == "phone",
        )
        self.context.set_default_timeout(STEP_TIMEOUT)
        self.page = self.context.new_page()
        self.shots = 0

    def open(self, path=""):
        """Open a page of the hall by its path (what a bookmark would do)."""
        self.page.goto(f"{self.hall}{path}")
        return self.page

    def navigate(self, section):
        """Follow a link of the main navigation, opening it first on a phone."""
        page = self.page
        toggle = page.locator("button.navbar-toggler")
        if toggle.is_visible():
            toggle.click()
            navigation = page.locator("#offcanvasNavbar")
            expect(navigation).to_be_visible()
        else:
            navigation = page.locator("#portal-globalnav")
        navigation.get_by_role("link", name=section, exact=True).first.click()
        page.wait_for_load_state()
        return page

    def user_menu(self, name):
        """Follow a link of the user menu: in the header, or in the toolbar of
        those who have one (editors and the centre)."""
        page = self.page
        header_menu = page.locator("#portal-membertools")
        if header_menu.count():
            menu, toggle = header_menu, header_menu.locator("summary")
        else:
            menu = page.locator("#collapse-personaltools")
            toggle = page.locator("#personaltools-menulink")
        link = menu.get_by_role("link", name=name)
        if not link.is_visible():
            toggle.click()
        link.click()
        page.wait_for_load_state()
        return page

    def workflow(self, transition, unless_state=None):
        """Change the state of the current page's content with the toolbar.

        :param transition: the id of the transition.
        :param unless_state: the title of a state in which nothing is done
            (a journey that stopped half-way may have left it there).
        """
        page = self.page
        menu = page.locator("#plone-contentmenu-workflow > a")
        if unless_state and unless_state in menu.inner_text():
            return page
        menu.click()
        page.locator(f"#workflow-transition-{transition}").click()
        page.wait_for_load_state()
        return page

    def shoot(self, name):
        """Save a full-page screenshot of the current page as a key page."""
        self.shots += 1
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{self.journey}-{self.viewport}-{self.shots:02d}-{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def log_in(self, login, password=PASSWORD):
        """Log in through the hall's login form, as a person types it."""
        page = self.open("/login")
        page.get_by_role("textbox", name=re.compile("手机号码")).fill(login)
        page.get_by_role("textbox", name=re.compile("^密码")).fill(password)
        page.get_by_role("button", name="登录", exact=True).click()
        page.wait_for_load_state()
        assert page.locator("#personaltools-logout, a[href$='/logout']").count(), (
            f"{login} could not log in"
        )

    def close(self):
        self.context.close()


@pytest.fixture
def visitors(chromium, hall_url, viewport, request):
    """Make browser sessions for the people of a journey; close them after it.

    Call the fixture with a name (``visitors("citizen")``) for each person.
    """
    made = []
    journey = request.node.originalname.removeprefix("test_")

    def make(role):
        visitor = Visitor(chromium, hall_url, viewport, f"{journey}-{role}")
        made.append(visitor)
        return visitor

    yield make
    report = getattr(request.node, "journey_report", None)
    for visitor in made:
        if report is not None and report.failed:
            visitor.shoot("failed")
        visitor.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep the outcome of a journey's call, so its pages are shot on failure."""
    report = yield
    if report.when == "call":
        item.journey_report = report
    return report


def _install_axe():
    """Install the pinned axe-core with npm when node_modules lacks it."""
    if AXE_SCRIPT.exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is missing: apt-get install npm (.ci/run has it)")
    subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--silent"],
        cwd=AXE_DIR,
        check=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def axe_source():
    """The source of axe-core, installed from the npm registry on first use."""
    _install_axe()
    return AXE_SCRIPT.read_text(encoding="utf-8")
