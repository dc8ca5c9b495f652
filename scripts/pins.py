"""Write buildout's versions.cfg from the pip constraints file.

Both files pin the same releases; ``make pins`` writes constraints.txt with
uv and then this script, so that the two never drift apart.

Usage: python scripts/pins.py constraints.txt versions.cfg
"""

from pathlib import Path

import re
import sys


PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^\s;]+)")

# The project itself is a develop egg in buildout, never a pinned release.
OWN = {"zyzwfw"}


def read_pins(constraints):
    """Return ``(name, version)`` pairs from a constraints file, sorted."""
    pins = {}
    for line in constraints.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match and match.group(1).lower() not in OWN:
            pins[match.group(1)] = match.group(3)
    return sorted(pins.items(), key=lambda pin: pin[0].lower())


def versions_cfg(pins):
    """Return the text of a buildout ``[versions]`` section for ``pins``."""
    lines = [
        "# Written by scripts/pins.py from constraints.txt: run `make pins`,",
        "# never edit by hand.",
        "[versions]",
    ]
    lines += [f"{name} = {version}" for name, version in pins]
    return "\n".join(lines) + "\n"


def main():
    constraints, versions = Path(sys.argv[1]), Path(sys.argv[2])
    versions.write_text(versions_cfg(read_pins(constraints)), encoding="utf-8")


if __name__ == "__main__":
    main()
