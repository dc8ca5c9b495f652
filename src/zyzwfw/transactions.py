"""Committing a request's work early, retrying it when it conflicts.

Submissions of applications all take the next number from one counter (see
:mod:`zyzwfw.numbering`), so two at the same moment always conflict, and
one of them must run again. Zope's publisher retries a conflicting request
three times, with a random pause of up to one, two and four seconds; a burst
of submissions on a busy instance can lose all three rounds and answer 500.

:func:`commit_with_retries` runs the request's work and commits it on the
spot, and on a conflict aborts, waits a short random time and runs it again,
up to :data:`ATTEMPTS` times, before letting the publisher's own retries take
over. Each attempt starts from the database as it is then, so the retry reads
the number the other submission took.

Within one process the attempts take turns: a lock lets one thread at a time
run its work and commit, after starting a fresh transaction that sees what
the others committed. Retrying alone is not enough under a rush: with four
threads submitting, the others commit while one works, and the slowest can
lose every attempt. Between processes (several instances on RelStorage) the
retries still settle it, between far fewer contenders.

Use it only for the last step of a request that changes nothing before it:
each attempt starts a new transaction, which forgets what the request did so
far.
"""

from transaction.interfaces import TransientError

import random
import threading
import time
import transaction


#: Attempts before the conflict is left to the publisher.
ATTEMPTS = 12

#: The longest pause between two attempts, in seconds.
MAX_PAUSE = 0.5

#: One committing attempt at a time in this process.
_turns = threading.Lock()


def commit_with_retries(work, attempts=ATTEMPTS):
    """Run ``work`` and commit, again in a fresh transaction after a conflict.

    :param work: A callable without arguments that does the request's
        changes; it may run several times, so it must not have effects
        outside the database.
    :type work: callable
    :param attempts: How many times to try.
    :type attempts: int
    :returns: What the successful run of ``work`` returned.
    :raises TransientError: If the last attempt conflicted too.
    :raises Exception: Whatever ``work`` raised; the transaction is then
        left to the caller, uncommitted.
    """
    for attempt in range(1, attempts + 1):
        with _turns:
            # Read the database as the threads that went before left it.
            transaction.begin()
            try:
                result = work()
                transaction.commit()
            except TransientError:
                transaction.abort()
                if attempt == attempts:
                    raise
            else:
                return result
        # Another process committed first. Spread the retries, so that the
        # conflicting requests do not meet again at once.
        time.sleep(random.uniform(0, min(0.02 * 2**attempt, MAX_PAUSE)))
