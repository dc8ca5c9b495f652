"""Fixtures for the tests of the domain modules."""

from pathlib import Path
from zope.i18n import interpolate

import ast
import pytest


ROOT = Path(__file__).parents[2]

# The catalogue the hall's messages are translated in.
CATALOGUES = (
    ROOT / "src" / "zyzwfw" / "locales" / "zh_CN" / "LC_MESSAGES" / "zyzwfw.po",
)


def read_po(text):
    """Return the msgid → msgstr pairs of a .po file's text."""
    entries = {}
    fields = {}
    current = None

    def close():
        msgid = "".join(fields.get("msgid", []))
        if msgid:
            entries[msgid] = "".join(fields.get("msgstr", []))

    for line in text.splitlines():
        line = line.strip()
        if line.startswith("msgid "):
            close()
            fields = {"msgid": [ast.literal_eval(line[6:])]}
            current = "msgid"
        elif line.startswith("msgstr "):
            fields["msgstr"] = [ast.literal_eval(line[7:])]
            current = "msgstr"
        elif line.startswith('"') and current:
            fields[current].append(ast.literal_eval(line))
        else:
            current = None
    close()
    return entries


# The domain modules need no Plone site. These override, for this folder only,
# the autouse fixtures of the root conftest that set up the Plone test layers
# for every test, so these tests run in a second and do not depend on the
# package's ZCML.
@pytest.fixture(autouse=True, scope="session")
def _keep_functional_session():
    """Set up no functional layer."""


@pytest.fixture(autouse=True, scope="session")
def _keep_integration_session():
    """Set up no integration layer."""


@pytest.fixture(scope="session")
def zh_catalogue():
    """The Simplified Chinese translations the domain messages can use."""
    catalogue = {}
    for path in reversed(CATALOGUES):
        if path.exists():
            found = read_po(path.read_text(encoding="utf-8"))
            catalogue.update({k: v for k, v in found.items() if v})
    return catalogue


@pytest.fixture
def zh(zh_catalogue):
    """Render a message in Simplified Chinese, as the zh-cn site would."""

    def render(message):
        return interpolate(zh_catalogue[str(message)], message.mapping)

    return render
