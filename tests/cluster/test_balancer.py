"""nginx in front of the instances: every request, submissions included,
goes to the instance with the fewest in progress; a submission that reached
an instance is never sent to another.

The instances here are small HTTP servers that answer with their own name
and count the POSTs they received, so that the test sees where nginx sent
each request.
"""

from cluster_helpers import cluster
from cluster_helpers import free_port
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer

import pytest
import requests
import threading


class Named(BaseHTTPRequestHandler):
    """Answers every GET and POST with the name of its server; a server with
    ``hang_up`` set receives POSTs and closes the connection unanswered, as
    an instance killed in the middle of a submission."""

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        if self.command == "POST":
            with self.server.lock:
                self.server.posts += 1
            if self.server.hang_up:
                self.close_connection = True
                return
        body = self.server.name.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = answer

    def log_message(self, *args):
        pass


@pytest.fixture
def backends():
    servers = []
    for name in ("first", "second"):
        server = ThreadingHTTPServer(("127.0.0.1", free_port()), Named)
        server.name = name
        server.posts = 0
        server.hang_up = False
        server.lock = threading.Lock()
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    yield servers
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def balancer(backends, tmp_path):
    port = free_port()
    process = cluster.start_nginx(
        tmp_path / "nginx", port, [server.server_port for server in backends]
    )
    yield f"http://127.0.0.1:{port}"
    cluster.end_process(process.pid)


SUBMISSIONS = (
    "zyzwfw/departments/rsj/social-security-card/@apply",
    "zyzwfw/apply",
    "zyzwfw/applications/2026/12/abc/@@application-form",
    "zyzwfw/@consult",
    "zyzwfw/departments/rsj/social-security-card/consult",
    "zyzwfw/@@complain",
    "zyzwfw/applications/2026/12/abc/@evaluate",
)


def test_submissions_are_shared(balancer, backends):
    answers = [
        requests.post(f"{balancer}/{path}", data=b"{}", timeout=10).text
        for path in SUBMISSIONS
        for _n in range(4)
    ]
    assert set(answers) == {"first", "second"}
    # Each nginx worker alternates between the two; together they share.
    posts = [server.posts for server in backends]
    assert sum(posts) == len(answers)
    assert min(posts) >= len(answers) / 3


def test_other_requests_are_shared(balancer):
    seen = {
        requests.get(f"{balancer}/zyzwfw/guide", timeout=10).text for _n in range(20)
    }
    assert seen == {"first", "second"}


def test_a_submission_that_reached_an_instance_is_not_sent_again(balancer, backends):
    backends[0].hang_up = True
    replies = [
        requests.post(f"{balancer}/{SUBMISSIONS[0]}", data=b"{}", timeout=10)
        for _n in range(6)
    ]
    answered = [reply for reply in replies if reply.status_code == 200]
    assert {reply.text for reply in answered} == {"second"}
    assert len(answered) < len(replies)
    assert {reply.status_code for reply in replies} == {200, 502}
    # Each submission reached one instance, once.
    assert backends[0].posts + backends[1].posts == len(replies)
    assert backends[1].posts == len(answered)


def test_submissions_go_to_the_other_when_one_is_down(balancer, backends):
    backends[0].shutdown()
    backends[0].server_close()
    for _n in range(4):
        reply = requests.post(f"{balancer}/{SUBMISSIONS[0]}", data=b"{}", timeout=10)
        assert reply.status_code == 200
        assert reply.text == "second"
