"""A PostgreSQL, a demonstration FileStorage and RelStorage instances, per session.

The fixtures start real processes with ``scripts/cluster.py``, the code that
``make cluster`` runs: a PostgreSQL server of its own in a temporary folder
(as the user ``postgres`` when the tests run as root), instances served by
waitress on free ports, and Varnish. The demonstration site is made once on
a FileStorage and copied into PostgreSQL with zodbconvert, the documented
way from one to the other.
"""

from cluster_helpers import cluster
from cluster_helpers import free_port
from pathlib import Path

import pytest
import shutil
import tempfile


@pytest.fixture(scope="session")
def workdir():
    """A folder in /tmp that the user ``postgres`` can reach too."""
    path = Path(tempfile.mkdtemp(prefix="zyzwfw-cluster-", dir="/tmp"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def demo(workdir):
    """An instance on FileStorage holding the demonstration site (not serving)."""
    instance = cluster.Instance(
        workdir / "filestorage", free_port(), storage="filestorage"
    )
    instance.write()
    instance.create_site()
    return instance


@pytest.fixture(scope="session")
def database(workdir):
    """A PostgreSQL server of the tests' own, with an empty database."""
    server = cluster.Postgres(workdir / "postgres" / "data", free_port())
    server.start()
    server.create_database()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def converted(workdir, demo, database):
    """The demonstration FileStorage copied into PostgreSQL by zodbconvert."""
    return cluster.convert(demo.folder / "var", database.dsn(), workdir / "convert")


@pytest.fixture(scope="session")
def instances(workdir, database, converted):
    """Two instances on the RelStorage database, serving."""
    started = [
        cluster.Instance(workdir / f"instance{number}", free_port(), dsn=database.dsn())
        for number in (1, 2)
    ]
    for instance in started:
        instance.write()
        instance.start(wait=False)
    for instance in started:
        instance.wait()
        instance.warm_up()
    yield started
    for instance in started:
        instance.stop()
