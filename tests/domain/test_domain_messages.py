"""The domain modules' messages: English ids, Chinese translations, same slots."""

from pathlib import Path

import ast
import pytest
import re


ROOT = Path(__file__).parents[2]

MODULES = ("validators", "uploads", "workdays", "numbering")


def module_tree(name):
    """Return the syntax tree of a domain module."""
    path = ROOT / "src" / "zyzwfw" / f"{name}.py"
    return ast.parse(path.read_text(encoding="utf-8"))


def messages():
    """Return (module, msgid, default) for each message the modules create."""
    found = []
    for name in MODULES:
        for node in ast.walk(module_tree(name)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_":
                msgid = node.args[0].value
                default = next(
                    kw.value.value for kw in node.keywords if kw.arg == "default"
                )
                found.append((name, msgid, default))
    return found


def slots(text):
    """Return the ``${name}`` slots of a message text."""
    return set(re.findall(r"\$\{(\w+)\}", text))


MESSAGES = messages()


def test_messages_found():
    """The modules do create messages, each id once."""
    ids = [msgid for _, msgid, _ in MESSAGES]
    assert len(ids) >= 20
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("module,msgid,default", MESSAGES)
class TestMessage:
    def test_id_is_english(self, module, msgid, default):
        """Ids are lower-case English words joined by underscores."""
        assert re.fullmatch(r"error_[a-z0-9_]+", msgid)

    def test_default_is_english(self, module, msgid, default):
        """Defaults are English sentences."""
        assert default.isascii()
        assert default[0].isupper() or default.startswith("${")
        assert default.endswith(".")

    def test_translated(self, module, msgid, default, zh_catalogue):
        """Each id has a Simplified Chinese translation with the same slots."""
        translation = zh_catalogue.get(msgid, "")
        assert re.search(r"[\u4e00-\u9fff]", translation)
        assert slots(translation) == slots(default)


@pytest.mark.parametrize("module", MODULES)
def test_no_views_or_services(module):
    """Domain modules import neither views nor services."""
    imported = set()
    for node in ast.walk(module_tree(module)):
        if isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    assert not {
        name
        for name in imported
        if name.startswith(("zyzwfw.browser", "zyzwfw.services", "Products.Five"))
    }
