"""Back up and restore the hall's data, files included.

    python scripts/backup.py backup  [--storage filestorage] [--var instance/var]
    python scripts/backup.py restore [--storage filestorage] [--var instance/var]
    python scripts/backup.py backup  --storage relstorage [--dsn DSN]
    python scripts/backup.py restore --storage relstorage [--dsn DSN]

Backups go to ``var/backups`` (``--to``); keep that folder on another disk.

FileStorage: ``repozo`` writes a full or incremental backup of ``Data.fs``,
*then* the blob folder is copied into a snapshot named like the backup.
Blobs are never changed once written, so a copy taken after the database
holds every file the backed-up database refers to. ``restore`` rebuilds
``Data.fs`` with repozo (the latest backup, or the one at ``--date``) and
puts the matching blob snapshot back; stop the instance first.

RelStorage: the database holds the blobs too, so ``pg_dump`` in its custom
format is one consistent snapshot; ``restore`` loads it with ``pg_restore
--clean`` in a single transaction. Stop the instances first (``make
cluster-stop``; the cluster's database is started again for the restore):
they cache what they read and would not notice the database going back in
time.
"""

from pathlib import Path

import argparse
import datetime
import os
import shutil
import subprocess
import sys


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from cluster import alive  # noqa: E402
from cluster import CLUSTER  # noqa: E402
from cluster import postgres  # noqa: E402
from cluster import program  # noqa: E402
from cluster import read_pid  # noqa: E402
from write_instance import DSN  # noqa: E402


BIN = Path(sys.executable).parent


class BackupError(Exception):
    """A backup or a restore could not be made."""


def _run(args):
    result = subprocess.run([str(arg) for arg in args], capture_output=True, text=True)
    if result.returncode:
        raise BackupError(
            f"{' '.join(map(str, args))} failed:\n{result.stdout}{result.stderr}"
        )
    return result.stdout


def _dsn_option(dsn, name):
    """Return the value of ``name`` in the libpq connection string ``dsn``."""
    for part in dsn.split():
        key, _, value = part.partition("=")
        if key == name:
            return value
    return None


def _pg_args(dsn):
    """Return the connection options of pg_dump and pg_restore for ``dsn``."""
    args = []
    for key, option in (("host", "-h"), ("port", "-p"), ("user", "-U")):
        value = _dsn_option(dsn, key)
        if value:
            args += [option, value]
    return args


def backup_filestorage(var, target):
    """Back up ``var/filestorage/Data.fs`` and then ``var/blobstorage``.

    :param var: The instance's ``var`` folder.
    :param target: The backup folder; ``filestorage/`` gets repozo's files,
        ``blobstorage/<stamp>/`` the blob snapshot of this backup.
    :returns: The stamp of the backup (repozo's, ``YYYY-MM-DD-hh-mm-ss``).
    :raises BackupError: If repozo fails or there is no database.
    """
    var, target = Path(var), Path(target)
    data = var / "filestorage" / "Data.fs"
    if not data.exists():
        raise BackupError(f"{data} does not exist")
    repository = target / "filestorage"
    repository.mkdir(parents=True, exist_ok=True)
    _run([BIN / "repozo", "--backup", "--gzip", "-r", repository, "-f", data])
    stamp = _latest_stamp(repository)
    # After the database: every blob the backed-up Data.fs names is there.
    snapshot = target / "blobstorage" / stamp
    if snapshot.exists():
        shutil.rmtree(snapshot)
    shutil.copytree(var / "blobstorage", snapshot, symlinks=True)
    return stamp


def _latest_stamp(repository):
    """Return the stamp of the newest repozo file in ``repository``."""
    stamps = sorted(
        path.name.split(".")[0]
        for path in Path(repository).iterdir()
        if path.suffix in (".fs", ".fsz", ".deltafs", ".deltafsz")
    )
    if not stamps:
        raise BackupError(f"no backup in {repository}")
    return stamps[-1]


def restore_filestorage(var, target, date=None):
    """Restore ``Data.fs`` and its blobs from the backups in ``target``.

    :param date: ``YYYY-MM-DD-hh-mm-ss``: the state at that time; the
        latest backup if None.
    :returns: The stamp of the blob snapshot put back.
    :raises BackupError: If there is no backup or no blob snapshot for it.
    """
    var, target = Path(var), Path(target)
    repository = target / "filestorage"
    data = var / "filestorage" / "Data.fs"
    data.parent.mkdir(parents=True, exist_ok=True)
    restored = data.with_name("Data.fs.restored")
    args = [BIN / "repozo", "--recover", "-r", repository, "-o", restored]
    if date:
        args += ["-D", date]
    _run(args)
    snapshots = sorted(
        path.name
        for path in (target / "blobstorage").iterdir()
        if not date or path.name <= date
    )
    if not snapshots:
        raise BackupError(f"no blob snapshot in {target / 'blobstorage'}")
    stamp = snapshots[-1]
    for suffix in (".index", ".lock", ".tmp"):
        data.with_name(data.name + suffix).unlink(missing_ok=True)
    os.replace(restored, data)
    blobs = var / "blobstorage"
    if blobs.exists():
        shutil.rmtree(blobs)
    shutil.copytree(target / "blobstorage" / stamp, blobs, symlinks=True)
    blobs.chmod(0o700)
    return stamp


def backup_relstorage(dsn, target):
    """Dump the RelStorage database ``dsn``, blobs included, into ``target``.

    :returns: The path of the dump.
    :raises BackupError: If pg_dump fails.
    """
    folder = Path(target) / "relstorage"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d-%H-%M-%S")
    dump = folder / f"{stamp}.dump"
    _run(
        [
            program("pg_dump"),
            *_pg_args(dsn),
            "--format=custom",
            "-f",
            dump,
            _dsn_option(dsn, "dbname"),
        ]
    )
    return dump


def restore_relstorage(dsn, target, dump=None):
    """Load a dump into the database ``dsn``, replacing what it holds.

    :param dump: The dump file; the newest in ``target/relstorage`` if None.
    :returns: The path of the dump loaded.
    :raises BackupError: If there is no dump or pg_restore fails.
    """
    if dump is None:
        dumps = sorted((Path(target) / "relstorage").glob("*.dump"))
        if not dumps:
            raise BackupError(f"no dump in {Path(target) / 'relstorage'}")
        dump = dumps[-1]
    _run(
        [
            program("pg_restore"),
            *_pg_args(dsn),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "-d",
            _dsn_option(dsn, "dbname"),
            dump,
        ]
    )
    return dump


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("backup", "restore"))
    parser.add_argument(
        "--storage", default="filestorage", choices=("filestorage", "relstorage")
    )
    parser.add_argument("--var", default=str(ROOT / "instance" / "var"))
    parser.add_argument("--dsn", default=DSN)
    parser.add_argument("--to", default=str(ROOT / "var" / "backups"))
    parser.add_argument("--date", help="restore the state at YYYY-MM-DD-hh-mm-ss")
    parser.add_argument("--dump", help="the pg_dump file to restore")
    args = parser.parse_args()
    try:
        if args.storage == "relstorage" and args.dsn == DSN:
            # The cluster's own database: start it if make cluster-stop ended it.
            database = postgres()
            database.start()
            (CLUSTER / "run").mkdir(parents=True, exist_ok=True)
            (CLUSTER / "run" / "postgres.pid").write_text(f"{database.pid()}\n")
        if args.storage == "filestorage" and args.command == "backup":
            stamp = backup_filestorage(args.var, args.to)
            print(f"backup {stamp} in {args.to}")
        elif args.storage == "filestorage":
            stamp = restore_filestorage(args.var, args.to, args.date)
            print(f"restored {stamp} into {args.var}")
        elif args.command == "backup":
            print(f"backup {backup_relstorage(args.dsn, args.to)}")
        else:
            running = [
                pidfile.stem
                for pidfile in (CLUSTER / "run").glob("instance*.pid")
                if alive(read_pid(pidfile))
            ]
            if running:
                raise BackupError(
                    f"stop the instances first ({', '.join(sorted(running))} "
                    "running): make cluster-stop, then make restore, then make cluster"
                )
            print(f"restored {restore_relstorage(args.dsn, args.to, args.dump)}")
    except BackupError as error:
        sys.exit(f"backup: {error}")


if __name__ == "__main__":
    main()
