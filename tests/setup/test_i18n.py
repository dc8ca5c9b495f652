"""The zh_CN catalogue: complete and in use."""

from pathlib import Path
from zope.i18n import translate
from zyzwfw import _

import polib
import pytest
import re
import subprocess
import sys


PACKAGE = Path(__file__).resolve().parents[2] / "src" / "zyzwfw"
PO_ZH = PACKAGE / "locales" / "zh_CN" / "LC_MESSAGES" / "zyzwfw.po"
I18NDUDE = Path(sys.executable).parent / "i18ndude"


@pytest.fixture(scope="module")
def fresh_pot(tmp_path_factory):
    """A pot file rebuilt from the sources as they are now."""
    pot = tmp_path_factory.mktemp("i18n") / "zyzwfw.pot"
    subprocess.run(
        [str(I18NDUDE), "rebuild-pot", "--pot", str(pot), "--create", "zyzwfw"]
        + [str(PACKAGE)],
        check=True,
        capture_output=True,
    )
    # i18ndude heads a new pot with banner lines polib cannot parse.
    text = pot.read_text(encoding="utf-8")
    return polib.pofile(text[text.index('msgid ""') :])


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(PO_ZH))


class TestCatalogue:
    def test_every_message_of_the_sources_is_translated(self, fresh_pot, catalogue):
        """Each message id found in the code has a Chinese translation."""
        translated = {entry.msgid for entry in catalogue if entry.msgstr.strip()}
        missing = sorted(
            entry.msgid for entry in fresh_pot if entry.msgid not in translated
        )
        assert missing == []

    def test_no_entry_is_empty(self, catalogue):
        """The catalogue holds no untranslated entry."""
        assert [entry.msgid for entry in catalogue if not entry.msgstr] == []

    def test_no_entry_is_fuzzy(self, catalogue):
        """No entry is marked fuzzy, which would leave it out of the compiled file."""
        assert [entry.msgid for entry in catalogue if entry.fuzzy] == []

    def test_mappings_are_kept(self, catalogue):
        """A translation keeps every ${variable} of its message."""
        variable = re.compile(r"\$\{(\w+)\}")
        broken = []
        for entry in catalogue.translated_entries():
            # i18ndude wraps a long default over several comment lines.
            comment = " ".join((entry.comment or "").splitlines())
            default = entry.msgid
            if "Default: " in comment:
                default = comment[comment.rindex("Default: ") :]
            if set(variable.findall(default)) != set(variable.findall(entry.msgstr)):
                broken.append(entry.msgid)
        assert broken == []


class TestTranslation:
    @pytest.mark.parametrize(
        "msgid,default,chinese",
        [
            ("section_guide_title", "Service guides", "办事指南"),
            ("item_type_01", "Administrative licensing", "行政许可"),
            ("online_depth_4", "IV Fully online", "四级 全程网办"),
        ],
    )
    def test_translated_to_chinese(self, portal, msgid, default, chinese):
        """A message reads in Chinese for a zh_CN request."""
        message = _(msgid, default=default)
        assert translate(message, target_language="zh_CN") == chinese
