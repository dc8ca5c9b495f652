"""Instances on one PostgreSQL database take turns to submit.

Each :class:`~zyzwfw.transactions.DatabaseTurns` here has its own connection,
as each instance has; the turns are a PostgreSQL advisory lock held by that
connection's session.
"""

from cluster_helpers import free_port
from zyzwfw.transactions import DatabaseTurns
from zyzwfw.transactions import TURN_LOCK
from zyzwfw.transactions import TurnUnavailable

import psycopg2
import pytest
import subprocess
import sys
import threading


HOLDER = """
import sys, time
from zyzwfw.transactions import DatabaseTurns
from zyzwfw.transactions import TURN_LOCK
with DatabaseTurns(sys.argv[1]).turn():
    print("holding", flush=True)
    time.sleep(120)
"""


@pytest.fixture
def holder(database):
    """A process holding the database's turn until it is killed."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, database.dsn()],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "holding"
    yield process
    process.kill()
    process.wait()


def turn_holders(database):
    """Return how many sessions of the database hold the turn now."""
    with psycopg2.connect(database.dsn()) as connection:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_locks"
                " WHERE locktype = 'advisory' AND granted"
                " AND classid = %s AND objid = %s",
                TURN_LOCK,
            )
            return cursor.fetchone()[0]


def test_one_turn_at_a_time(database):
    first, second = DatabaseTurns(database.dsn()), DatabaseTurns(database.dsn())
    inside = threading.Event()
    seen = []

    def hold():
        with first.turn():
            inside.set()
            # The other waits this long before its turn, never overlapping.
            threading.Event().wait(0.3)
            seen.append("first done")

    thread = threading.Thread(target=hold)
    thread.start()
    inside.wait(10)
    with second.turn():
        seen.append("second inside")
        assert turn_holders(database) == 1
    thread.join()
    assert seen == ["first done", "second inside"]
    assert turn_holders(database) == 0


def test_the_turn_is_reused_after_it_is_given_up(database):
    turns = DatabaseTurns(database.dsn())
    for _n in range(3):
        with turns.turn():
            assert turn_holders(database) == 1
    assert turn_holders(database) == 0


def test_the_turn_is_given_up_when_the_block_fails(database):
    turns = DatabaseTurns(database.dsn())
    with pytest.raises(ValueError):
        with turns.turn():
            raise ValueError("the work failed")
    assert turn_holders(database) == 0


def test_a_held_turn_makes_the_others_wait_then_give_up(database, holder):
    turns = DatabaseTurns(database.dsn(), timeout=0.5)
    with pytest.raises(TurnUnavailable):
        with turns.turn():
            pytest.fail("the turn was given twice")
    assert turn_holders(database) == 1


def test_a_killed_holder_gives_up_its_turn(database, holder):
    holder.kill()
    holder.wait()
    turns = DatabaseTurns(database.dsn(), timeout=10)
    with turns.turn():
        assert turn_holders(database) == 1


def test_an_unreachable_database_gives_no_turn():
    turns = DatabaseTurns(f"dbname=zyzwfw host=127.0.0.1 port={free_port()}")
    with pytest.raises(TurnUnavailable):
        with turns.turn():
            pytest.fail("a turn without a database")
