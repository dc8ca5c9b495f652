"""Application numbers: unique and gapless per year, under concurrent commits."""

from Acquisition import Implicit
from BTrees.Length import Length
from persistent import Persistent
from persistent.mapping import PersistentMapping
from ZODB.FileStorage import FileStorage
from ZODB.MappingStorage import MappingStorage
from ZODB.POSException import ConflictError
from zyzwfw.numbering import COUNTERS_ATTRIBUTE
from zyzwfw.numbering import format_number
from zyzwfw.numbering import last_sequence
from zyzwfw.numbering import next_number
from zyzwfw.numbering import YearCounter

import pytest
import random
import threading
import time
import transaction
import ZODB


THREADS = 50
NUMBERS_PER_THREAD = 3
MAX_ATTEMPTS = 500


class Folder(Implicit, Persistent):
    """A persistent object that acquires, as Plone content does."""


@pytest.fixture(params=["MappingStorage", "FileStorage"])
def db(request, tmp_path):
    """A database holding an empty container at ``root["applications"]``."""
    if request.param == "FileStorage":
        storage = FileStorage(str(tmp_path / "Data.fs"))
    else:
        storage = MappingStorage()
    database = ZODB.DB(storage)
    with database.transaction() as connection:
        connection.root()["applications"] = PersistentMapping()
    yield database
    database.close()


def open_connection(db):
    """Return a new connection to ``db`` with its own transaction manager."""
    manager = transaction.TransactionManager()
    return db.open(transaction_manager=manager), manager


def sequence(number):
    """Return the sequence part of an application number."""
    return int(number[-6:])


class TestFormatNumber:
    @pytest.mark.parametrize(
        "year,seq,prefix,number",
        [
            (2026, 1, "ZY", "ZY2026000001"),
            (2026, 123, "ZY", "ZY2026000123"),
            (2026, 999999, "ZY", "ZY2026999999"),
            (2026, 1000000, "ZY", "ZY20261000000"),
            (2027, 42, "ZYSP", "ZYSP2027000042"),
            (2027, 42, "", "2027000042"),
        ],
    )
    def test_format(self, year, seq, prefix, number):
        """Prefix, four-digit year, sequence padded to six digits."""
        assert format_number(year, seq, prefix) == number

    @pytest.mark.parametrize("year,seq", [(26, 1), (20260, 1), (2026, 0), (2026, -1)])
    def test_refuses_nonsense(self, year, seq):
        """Years have four digits; sequences start at 1."""
        with pytest.raises(ValueError):
            format_number(year, seq)


class TestNextNumber:
    def test_sequential(self):
        """Numbers of one year follow each other from 1."""
        container = PersistentMapping()
        numbers = [next_number(container, 2026) for _ in range(5)]
        assert numbers == [f"ZY2026{i:06d}" for i in range(1, 6)]

    def test_years_are_independent(self):
        """Each year starts again at 1."""
        container = PersistentMapping()
        assert next_number(container, 2026) == "ZY2026000001"
        assert next_number(container, 2026) == "ZY2026000002"
        assert next_number(container, 2027) == "ZY2027000001"
        assert next_number(container, 2026) == "ZY2026000003"

    def test_prefix(self):
        """The prefix only changes the text, not the sequence."""
        container = PersistentMapping()
        assert next_number(container, 2026, prefix="ZYSP") == "ZYSP2026000001"
        assert next_number(container, 2026) == "ZY2026000002"

    def test_series_count_apart(self):
        """A series of its own leaves no gap in the main sequence."""
        container = PersistentMapping()
        assert next_number(container, 2026) == "ZY2026000001"
        assert next_number(container, 2026, "ZYLX", series="practice") == (
            "ZYLX2026000001"
        )
        assert next_number(container, 2026, "ZYLX", series="practice") == (
            "ZYLX2026000002"
        )
        assert next_number(container, 2026) == "ZY2026000002"
        assert last_sequence(container, 2026) == 2
        assert last_sequence(container, 2026, series="practice") == 2

    def test_last_sequence(self):
        """The last sequence is read without taking a number."""
        container = PersistentMapping()
        assert last_sequence(container, 2026) == 0
        next_number(container, 2026)
        next_number(container, 2026)
        assert last_sequence(container, 2026) == 2
        assert last_sequence(container, 2026) == 2
        assert last_sequence(container, 2025) == 0

    def test_last_sequence_stores_nothing(self):
        """Reading the last sequence leaves the container untouched."""
        container = PersistentMapping()
        last_sequence(container, 2026)
        assert not hasattr(container, COUNTERS_ATTRIBUTE)

    def test_refuses_nonsense_year(self):
        """The year must have four digits."""
        with pytest.raises(ValueError):
            next_number(PersistentMapping(), 26)
        with pytest.raises(TypeError):
            next_number(PersistentMapping(), "2026")

    def test_counters_not_acquired(self):
        """Counters on a parent are not used through an acquisition wrapper."""
        parent = Folder()
        child = Folder()
        next_number(parent, 2026)
        next_number(parent, 2026)

        wrapped = child.__of__(parent)
        assert next_number(wrapped, 2026) == "ZY2026000001"
        assert last_sequence(parent, 2026) == 2
        assert last_sequence(child, 2026) == 1

    def test_counter_does_not_resolve_conflicts(self):
        """The counter has no conflict resolution that could merge increments."""
        assert not hasattr(YearCounter, "_p_resolveConflict")


class TestNextNumberStored:
    def test_survives_reopening(self, tmp_path):
        """Counters are persistent: a restarted instance continues the sequence."""
        path = str(tmp_path / "Data.fs")
        database = ZODB.DB(FileStorage(path))
        with database.transaction() as connection:
            connection.root()["applications"] = container = PersistentMapping()
            next_number(container, 2026)
            next_number(container, 2026)
        database.close()

        database = ZODB.DB(FileStorage(path))
        with database.transaction() as connection:
            number = next_number(connection.root()["applications"], 2026)
        database.close()
        assert number == "ZY2026000003"

    def test_aborted_transaction_gives_its_number_back(self, db):
        """A number taken in a failed transaction is taken again: no gap."""
        connection, manager = open_connection(db)
        manager.begin()
        assert next_number(connection.root()["applications"], 2026) == "ZY2026000001"
        manager.abort()

        manager.begin()
        assert next_number(connection.root()["applications"], 2026) == "ZY2026000001"
        manager.commit()
        connection.close()

    def test_concurrent_increments_conflict(self, db):
        """Two transactions taking a number at once: the second must retry."""
        with db.transaction() as connection:
            next_number(connection.root()["applications"], 2026)  # the counter exists

        first, first_manager = open_connection(db)
        second, second_manager = open_connection(db)
        first_manager.begin()
        second_manager.begin()
        assert next_number(first.root()["applications"], 2026) == "ZY2026000002"
        assert next_number(second.root()["applications"], 2026) == "ZY2026000002"
        first_manager.commit()

        with pytest.raises(ConflictError):
            second_manager.commit()
        second_manager.abort()

        second_manager.begin()
        assert next_number(second.root()["applications"], 2026) == "ZY2026000003"
        second_manager.commit()
        first.close()
        second.close()

    def test_concurrent_first_numbers_of_a_year_conflict(self, db):
        """Two transactions creating the same year's counter conflict too."""
        with db.transaction() as connection:
            next_number(connection.root()["applications"], 2025)  # the tree exists

        first, first_manager = open_connection(db)
        second, second_manager = open_connection(db)
        first_manager.begin()
        second_manager.begin()
        assert next_number(first.root()["applications"], 2026) == "ZY2026000001"
        assert next_number(second.root()["applications"], 2026) == "ZY2026000001"
        first_manager.commit()

        with pytest.raises(ConflictError):
            second_manager.commit()
        second_manager.abort()
        first.close()
        second.close()

    def test_concurrent_first_numbers_ever_conflict(self, db):
        """Two transactions creating the tree of counters conflict too."""
        first, first_manager = open_connection(db)
        second, second_manager = open_connection(db)
        first_manager.begin()
        second_manager.begin()
        next_number(first.root()["applications"], 2026)
        next_number(second.root()["applications"], 2026)
        first_manager.commit()

        with pytest.raises(ConflictError):
            second_manager.commit()
        second_manager.abort()
        first.close()
        second.close()

    def test_length_would_hand_out_duplicates(self, tmp_path):
        """Why not BTrees.Length: its resolution merges two equal numbers."""
        database = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
        with database.transaction() as connection:
            connection.root()["length"] = Length()

        first, first_manager = open_connection(database)
        second, second_manager = open_connection(database)
        numbers = []
        for connection, manager in ((first, first_manager), (second, second_manager)):
            manager.begin()
            length = connection.root()["length"]
            length.change(1)
            numbers.append(length())
        first_manager.commit()
        second_manager.commit()  # no conflict: the increments were merged

        assert numbers == [1, 1]
        first.close()
        second.close()
        database.close()


class TestConcurrentSubmissions:
    def test_unique_and_gapless(self, db):
        """Fifty threads, each with its own connection, take numbers at once."""
        numbers = []
        failures = []
        conflicts = []
        lock = threading.Lock()
        start = threading.Barrier(THREADS)

        def submit():
            connection, manager = open_connection(db)
            try:
                start.wait()
                for _ in range(NUMBERS_PER_THREAD):
                    number, retries = take_with_retries(connection, manager)
                    with lock:
                        numbers.append(number)
                        conflicts.append(retries)
            except Exception as error:  # reported by the main thread
                with lock:
                    failures.append(error)
            finally:
                connection.close()

        threads = [threading.Thread(target=submit) for _ in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)

        assert failures == []
        assert not any(thread.is_alive() for thread in threads)
        total = THREADS * NUMBERS_PER_THREAD
        assert len(numbers) == total
        assert len(set(numbers)) == total
        assert sorted(sequence(number) for number in numbers) == list(
            range(1, total + 1)
        )
        assert all(number.startswith("ZY2026") for number in numbers)
        assert sum(conflicts) > 0  # the threads really did collide

        with db.transaction() as connection:
            assert last_sequence(connection.root()["applications"], 2026) == total


def take_with_retries(connection, manager):
    """Take a number and commit, retrying on conflicts as Zope's publisher does.

    Returns the number and how many conflicts it took.
    """
    for attempt in range(MAX_ATTEMPTS):
        manager.begin()
        try:
            number = next_number(connection.root()["applications"], 2026)
            time.sleep(0.001)  # the rest of the request: storing the application
            manager.commit()
        except ConflictError:
            manager.abort()
            time.sleep(random.uniform(0, 0.002 * min(attempt + 1, 10)))
            continue
        return number, attempt
    raise AssertionError(f"No number after {MAX_ATTEMPTS} attempts.")
