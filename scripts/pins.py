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

# uv writes normalised names (products-cmfplone), which buildout matches
# against [versions] as PEP 503 says, except for these two: it looks them up
# by their dotted names and, not finding them, puts a bare minimum version in
# place of the pin.
BUILDOUT_SPELLING = {
    "zc-buildout": "zc.buildout",
    "zc-recipe-egg": "zc.recipe.egg",
}

# What bin/buildout installs itself and the recipe with: without a pin for
# each, buildout picks a release and `allow-picked-versions = false` fails.
BUILDOUT_NEEDS = (
    "pip",
    "plone-recipe-zope2instance",
    "setuptools",
    "wheel",
    "zc-buildout",
    "zc-recipe-egg",
)


def canonical(name):
    """Return the normalised form of a project name (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(constraints):
    """Return ``(name, version)`` pairs from a constraints file, sorted.

    :param constraints: path of a pip constraints file with ``name==version``
        lines.
    :returns: the pins, by normalised name, the project itself left out.
    """
    pins = {}
    for line in constraints.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match and canonical(match.group(1)) not in OWN:
            pins[canonical(match.group(1))] = match.group(3)
    return sorted(pins.items())


def missing_for_buildout(pins):
    """Return the names buildout needs pinned that ``pins`` lacks."""
    pinned = {name for name, _ in pins}
    return [name for name in BUILDOUT_NEEDS if name not in pinned]


def versions_cfg(pins):
    """Return the text of a buildout ``[versions]`` section for ``pins``."""
    lines = [
        "# Written by scripts/pins.py from constraints.txt: run `make pins`,",
        "# never edit by hand.",
        "[versions]",
    ]
    lines += [
        f"{BUILDOUT_SPELLING.get(name, name)} = {version}" for name, version in pins
    ]
    return "\n".join(lines) + "\n"


def main():
    constraints, versions = Path(sys.argv[1]), Path(sys.argv[2])
    pins = read_pins(constraints)
    missing = missing_for_buildout(pins)
    if missing:
        sys.exit(
            f"{constraints} pins none of {', '.join(missing)}, which buildout "
            "needs: is the `buildout` extra still in pyproject.toml?"
        )
    versions.write_text(versions_cfg(pins), encoding="utf-8")


if __name__ == "__main__":
    main()
