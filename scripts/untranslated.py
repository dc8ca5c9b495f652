"""List the entries of a .po catalogue that have no translation.

Usage: python scripts/untranslated.py path/to/catalogue.po
Exits 1 if any entry is untranslated.
"""

from pathlib import Path

import sys


def untranslated(po_text):
    """Return the msgids of ``po_text`` whose msgstr is empty."""
    missing = []
    msgid = None
    field = None
    values = {"msgid": [], "msgstr": []}

    def close():
        if msgid is not None and msgid != "" and not "".join(values["msgstr"]):
            missing.append(msgid)

    for line in po_text.splitlines() + [""]:
        stripped = line.strip()
        if stripped.startswith("msgid "):
            close()
            values = {"msgid": [stripped[6:].strip('"')], "msgstr": []}
            field = "msgid"
            msgid = None
        elif stripped.startswith("msgstr "):
            values["msgstr"] = [stripped[7:].strip('"')]
            field = "msgstr"
            msgid = "".join(values["msgid"])
        elif stripped.startswith('"') and field:
            values[field].append(stripped.strip('"'))
    close()
    return missing


def main():
    missing = untranslated(Path(sys.argv[1]).read_text(encoding="utf-8"))
    for msgid in missing:
        print(f"untranslated: {msgid}")
    print(f"{len(missing)} untranslated entries in {sys.argv[1]}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
