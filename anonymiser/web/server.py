"""``anonymiser review DIR``: the review screen, a small web app on this computer only.

Standard library only (``http.server``), one page of vanilla JavaScript served from the
package, nothing loaded from anywhere else. The logs hold a draft's original text, so:

- it listens on 127.0.0.1 only;
- every request must carry the random token from the printed address (``?token=`` or the
  ``X-Review-Token`` header), else 403;
- a Host header other than 127.0.0.1:PORT or localhost:PORT is refused (DNS rebinding);
- saving needs the token in the header and a JSON body, which a page on another site
  cannot send without the token; a foreign Origin is refused;
- responses forbid caching, framing, sniffing, referrers and any outside resource (CSP).
"""

from __future__ import annotations

import hmac
import json
import secrets
import threading
from collections.abc import Sequence
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from anonymiser.errors import AnonymiserError
from anonymiser.read.limits import InputLimits
from anonymiser.web.data import LogFiles, document_view, find_logs, save_changes

MAX_BODY = 5 * 1024 * 1024
TOKEN_HEADER = "X-Review-Token"
_STATIC = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
_SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
}


def _static(name: str) -> bytes:
    return resources.files("anonymiser.web").joinpath("static", name).read_bytes()


class ReviewServer:
    """The review screen for the logs in ``folder``. ``drafts`` are folders to look for the
    drafts in (besides ``folder``, its parent and the current folder)."""

    def __init__(
        self,
        folder: Path,
        drafts: Sequence[Path] = (),
        *,
        port: int = 0,
        token: str | None = None,
        limits: InputLimits | None = None,
    ) -> None:
        if not folder.is_dir():
            raise AnonymiserError(f"{folder}: not a folder")
        self.folder = folder
        self.search = [*drafts, folder, folder.parent, Path.cwd()]
        self.token = token or secrets.token_urlsafe(24)
        self.limits = limits
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.app = self  # type: ignore[attr-defined]
        self.port = int(self.httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?token={self.token}"

    @property
    def allowed_hosts(self) -> frozenset[str]:
        return frozenset({f"127.0.0.1:{self.port}", f"localhost:{self.port}"})

    def logs(self) -> dict[str, LogFiles]:
        return {entry.stem: entry for entry in find_logs(self.folder)}

    def serve_forever(self) -> None:
        self.httpd.serve_forever()

    def start(self) -> threading.Thread:
        """Serve in a background thread (for tests and embedding)."""
        thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        thread.start()
        return thread

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(BaseHTTPRequestHandler):
    server_version = "anonymiser-review"
    sys_version = ""
    # One request per connection: a refused request never leaves an unread body behind.
    protocol_version = "HTTP/1.0"

    @property
    def app(self) -> ReviewServer:
        return self.server.app  # type: ignore[attr-defined,no-any-return]

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        return None  # request lines carry the token: never print them

    # -- checks ---------------------------------------------------------------

    def _allowed(self, *, header_only: bool = False) -> bool:
        host = self.headers.get("Host", "")
        if host not in self.app.allowed_hosts:
            self._send_text(HTTPStatus.FORBIDDEN, "forbidden: unexpected Host header")
            return False
        origin = self.headers.get("Origin")
        if origin is not None and origin not in {f"http://{h}" for h in self.app.allowed_hosts}:
            self._send_text(HTTPStatus.FORBIDDEN, "forbidden: request from another site")
            return False
        given = self.headers.get(TOKEN_HEADER, "")
        if not given and not header_only:
            given = (parse_qs(urlsplit(self.path).query).get("token") or [""])[0]
        if not given or not hmac.compare_digest(given.encode(), self.app.token.encode()):
            self._send_text(HTTPStatus.FORBIDDEN, "forbidden: open the address printed by `anonymiser review`")
            return False
        return True

    # -- responses ------------------------------------------------------------

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in _SECURITY_HEADERS.items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_text(self, status: int, text: str) -> None:
        self._send(status, (text + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _send_json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    # -- routes ---------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802
        if not self._allowed():
            return
        path = urlsplit(self.path).path
        if path == "/":
            page = _static("index.html").decode("utf-8").replace("{{TOKEN}}", self.app.token)
            self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8")
        elif path.startswith("/static/") and path[len("/static/") :] in _STATIC:
            name = path[len("/static/") :]
            self._send(HTTPStatus.OK, _static(name), _STATIC[name])
        elif path == "/api/logs":
            self._send_json(HTTPStatus.OK, {"logs": sorted(self.app.logs())})
        elif path.startswith("/api/log/"):
            entry = self.app.logs().get(path[len("/api/log/") :])
            if entry is None:
                self._send_json(HTTPStatus.NOT_FOUND, {"error": "no such review log"})
                return
            try:
                with self.app.lock:
                    view = document_view(entry, self.app.search, self.app.limits)
            except AnonymiserError as exc:
                self._send_json(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(exc)})
                return
            self._send_json(HTTPStatus.OK, view)
        else:
            self._send_text(HTTPStatus.NOT_FOUND, "not found")

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_POST(self) -> None:  # noqa: N802
        if not self._allowed(header_only=True):
            return
        path = urlsplit(self.path).path
        entry = self.app.logs().get(path[len("/api/log/") :]) if path.startswith("/api/log/") else None
        if entry is None:
            self._send_json(HTTPStatus.NOT_FOUND, {"error": "no such review log"})
            return
        if not self.headers.get("Content-Type", "").startswith("application/json"):
            self._send_json(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, {"error": "send JSON"})
            return
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if not 0 < length <= MAX_BODY:
            self._send_json(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": "the request is empty or too large"})
            return
        try:
            changes = json.loads(self.rfile.read(length).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            self._send_json(HTTPStatus.BAD_REQUEST, {"error": "not valid JSON"})
            return
        try:
            with self.app.lock:
                changed = save_changes(entry, changes, self.app.search, self.app.limits)
                view = document_view(entry, self.app.search, self.app.limits)
        except AnonymiserError as exc:
            self._send_json(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(exc)})
            return
        view["saved"] = changed
        self._send_json(HTTPStatus.OK, view)
