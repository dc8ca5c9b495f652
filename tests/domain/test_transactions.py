"""Committing numbered submissions: threads of one process take turns."""

from persistent.mapping import PersistentMapping
from ZODB.FileStorage import FileStorage
from zyzwfw.numbering import last_sequence
from zyzwfw.numbering import next_number
from zyzwfw.transactions import commit_with_retries

import threading
import time
import transaction
import ZODB


THREADS = 6
SUBMISSIONS = 5


def test_threads_of_one_process_never_starve(tmp_path):
    """Slow and quick submissions in six threads all commit at the first try.

    The slow ones take twenty times as long as the quick ones: without
    turns, the quick threads would commit while a slow one works, again and
    again, and the slow one would run out of attempts.
    """
    db = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    with db.transaction() as connection:
        connection.root()["applications"] = PersistentMapping()
    numbers = []
    runs = []
    failures = []

    def submit(slow):
        connection = db.open()
        try:
            container = connection.root()["applications"]
            for _n in range(SUBMISSIONS):

                def work():
                    runs.append(1)
                    number = next_number(container, 2026)
                    time.sleep(0.02 if slow else 0.001)
                    container[number] = slow
                    return number

                numbers.append(commit_with_retries(work, attempts=1))
        except Exception as error:  # reported by the assertion below
            failures.append(error)
        finally:
            transaction.abort()
            connection.close()

    threads = [
        threading.Thread(target=submit, args=(index % 2 == 0,))
        for index in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert len(runs) == THREADS * SUBMISSIONS  # nothing ran twice
    expected = [f"ZY2026{n:06d}" for n in range(1, THREADS * SUBMISSIONS + 1)]
    assert sorted(numbers) == expected
    with db.transaction() as connection:
        container = connection.root()["applications"]
        assert last_sequence(container, 2026) == THREADS * SUBMISSIONS
        assert sorted(key for key in container if key.startswith("ZY")) == expected
    db.close()
