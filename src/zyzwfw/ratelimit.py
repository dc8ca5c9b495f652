"""Counting failed attempts per client, to slow down guessing.

The progress look-up answers anyone who knows an application's number and
query code. A client that keeps guessing codes must be stopped: after a few
wrong pairs within a time window it has to wait until the oldest of them
leaves the window.

The counts live in the memory of the process, not in the database: writing
the database on each wrong guess would let anyone make the site write as fast
as they can send requests. Behind several instances each counts on its own,
so a client may try ``instances × limit`` pairs per window; the load
balancer's own request limit is the place for a hard cap across instances.
"""

from collections import OrderedDict

import threading
import time


#: Clients remembered at most; the least recently seen are forgotten first,
#: so that a flood of addresses cannot fill the memory.
MAX_CLIENTS = 10000


class FailureCounter:
    """Failed attempts per key, within a sliding time window."""

    def __init__(self, max_keys=MAX_CLIENTS, clock=time.monotonic):
        self._failures = OrderedDict()
        self._lock = threading.Lock()
        self._max_keys = max_keys
        self._clock = clock

    def wait_time(self, key, limit, window):
        """Return how long ``key`` must wait before it may try again.

        :param key: Who is trying, for example a client address.
        :type key: str
        :param limit: Failed attempts allowed within ``window``.
        :type limit: int
        :param window: The length of the window, in seconds.
        :type window: float
        :returns: Seconds to wait, ``0`` if ``key`` may try now.
        :rtype: int
        """
        now = self._clock()
        with self._lock:
            failures = self._recent(key, now, window)
            if len(failures) < limit:
                return 0
            oldest = failures[len(failures) - limit]
        return max(int(oldest + window - now) + 1, 1)

    def fail(self, key, window):
        """Count a failed attempt of ``key``.

        :param key: Who failed.
        :type key: str
        :param window: The length of the window, in seconds; older failures
            are forgotten.
        :type window: float
        :returns: The failures of ``key`` within the window, this one included.
        :rtype: int
        """
        now = self._clock()
        with self._lock:
            failures = self._recent(key, now, window)
            failures.append(now)
            self._failures[key] = failures
            self._failures.move_to_end(key)
            while len(self._failures) > self._max_keys:
                self._failures.popitem(last=False)
            return len(failures)

    def reset(self, key=None):
        """Forget the failures of ``key``, or of every key.

        :param key: Whose failures to forget; ``None`` for everybody.
        :type key: str
        """
        with self._lock:
            if key is None:
                self._failures.clear()
            else:
                self._failures.pop(key, None)

    def _recent(self, key, now, window):
        """Return the failures of ``key`` still within the window."""
        return [t for t in self._failures.get(key, ()) if t > now - window]
