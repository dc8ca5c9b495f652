"""Exit with a clear message if the port the hall should listen on is taken.

Usage: python scripts/check_port.py HOST PORT
"""

import socket
import sys


def port_is_free(host, port):
    """Return ``True`` if a server could listen on ``host``:``port`` now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    if port_is_free(host, port):
        return 0
    print(
        f"端口 {port} 已被占用：请先停止占用它的程序，或换一个端口，"
        f"例如 make start PORT=8081\n"
        f"Port {port} on {host} is already in use: stop the program using it "
        f"or choose another port, for example: make start PORT=8081",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
