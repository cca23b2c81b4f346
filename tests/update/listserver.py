"""A local HTTP server on 127.0.0.1 that misbehaves on request, for testing ``lists fetch``.

Tests must never reach the real publishers, and the failures worth testing (a connection
dropped mid-body, an HTML error page with status 200, a stalled server) are hard to get from a
real one. Each path maps to a :class:`Route`; tests change routes between fetches.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

#: The server refuses to answer more than this many requests: a runaway loop fails fast.
MAX_REQUESTS = 200

REPO = Path(__file__).resolve().parents[2]
#: The shared official samples, read in place (never copied into the repository).
OFFICIAL = REPO.parent / "shared" / "fixtures" / "official"

HTML_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Service unavailable</title></head>"
    b"<body><h1>Sorry, the list is being updated. Try again later.</h1></body></html>\n"
)


@dataclass
class Route:
    """What to answer on one path.

    ``mode`` is ``"ok"`` (status 200 and ``body``), ``"status"`` (``status`` with a short
    body), ``"truncate"`` (announce the full length, send ``cut`` bytes, close) or ``"stall"``
    (send nothing until the server stops).
    """

    body: bytes = b""
    mode: str = "ok"
    status: int = 200
    cut: int = 0


class ListServer:
    """Serves :attr:`routes` from a background thread; use :func:`serve` to start and stop it."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        self._release = threading.Event()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            timeout = 5

            def do_GET(self) -> None:
                server.requests.append(self.path)
                route = server.routes.get(self.path)
                if len(server.requests) > MAX_REQUESTS or route is None:
                    self.send_error(404)
                    return
                if route.mode == "status":
                    self.send_error(route.status)
                    return
                if route.mode == "stall":
                    server._release.wait(5)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                if route.mode == "truncate":
                    self.wfile.write(route.body[: route.cut])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(route.body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}{path}"

    def serve_file(self, path: str, file: Path) -> str:
        """Serve ``file``'s bytes on ``path``; return the URL."""
        self.routes[path] = Route(body=file.read_bytes())
        return self.url(path)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._release.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


@contextmanager
def serve() -> Iterator[ListServer]:
    """A running :class:`ListServer`, stopped on exit whatever happens."""
    server = ListServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def write_sources(path: Path, sources: dict[str, dict[str, object]]) -> Path:
    """Write a TOML sources file holding only ``sources`` (``include_defaults = false``)."""
    lines = ["include_defaults = false", ""]
    for name, table in sources.items():
        lines.append(f"[sources.{name}]")
        for key, value in table.items():
            if key == "files":
                assert isinstance(value, list)
                items = ", ".join(
                    "{ " + ", ".join(f'{k} = "{v}"' for k, v in f.items()) + " }" for f in value
                )
                lines.append(f"files = [{items}]")
            else:
                lines.append(f'{key} = "{value}"')
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
