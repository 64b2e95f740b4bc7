"""The review screen's server: 127.0.0.1 only, a token on every request, no other Host, and
saving writes the consultant's decisions into the review CSV. No browser here (see
test_web_browser.py)."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import process_document
from anonymiser.review.decisions import load_review
from anonymiser.review_log.writers import read_csv_rows
from anonymiser.settings import Settings
from anonymiser.web.server import TOKEN_HEADER, ReviewServer

# Everyone here is fictional (the sample case file's family and social worker, and a
# neighbour nobody listed).
DRAFT = (
    "1. INTRODUCTION\n\n"
    "Kian Marsh lived with his mother, Kayleigh Marsh, in Harrowfold.\n\n"
    "Jane Hill visited on 14 April 2019. A witness from next door, Bunty Pudding, was present.\n"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, case_settings: Settings, detector: Detector) -> Iterator[ReviewServer]:
    root = tmp_path_factory.mktemp("web")
    draft = root / "visit.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    process_document(draft, root / "out", case_settings, detector)
    app = ReviewServer(root / "out", [root])
    app.start()
    yield app
    app.close()


def _request(
    server: ReviewServer,
    path: str,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
    host: str | None = None,
) -> tuple[int, bytes, dict[str, str]]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.putrequest(method, path, skip_host=True)
        connection.putheader("Host", host or f"127.0.0.1:{server.port}")
        for key, value in (headers or {}).items():
            connection.putheader(key, value)
        if body is not None:
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        connection.close()


def _token(server: ReviewServer) -> dict[str, str]:
    return {TOKEN_HEADER: server.token}


def test_it_listens_on_this_computer_only(server: ReviewServer) -> None:
    assert server.httpd.server_address[0] == "127.0.0.1"
    assert server.url.startswith(f"http://127.0.0.1:{server.port}/?token=")
    assert len(server.token) >= 32


@pytest.mark.parametrize("path", ["/", "/static/app.js", "/static/app.css", "/api/logs", "/api/log/visit", "/nowhere"])
@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_every_request_needs_the_token(server: ReviewServer, path: str, token: str | None) -> None:
    query = f"{'&' if '?' in path else '?'}token={token}" if token else ""
    status, body, _ = _request(server, path + query)
    assert status == 403
    assert b"Marsh" not in body


@pytest.mark.parametrize("host", ["evil.example.org", "evil.example.org:{port}", "127.0.0.1:1", "localhost", "[::1]:{port}"])
def test_other_host_headers_are_refused(server: ReviewServer, host: str) -> None:
    status, _, _ = _request(server, "/api/logs", headers=_token(server), host=host.format(port=server.port))
    assert status == 403


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}"])
def test_the_token_in_the_query_or_header_is_accepted(server: ReviewServer, host: str) -> None:
    status, body, headers = _request(server, f"/?token={server.token}", host=host.format(port=server.port))
    assert status == 200 and b"app.js" in body
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert headers["Cache-Control"] == "no-store"
    status, body, _ = _request(server, "/api/logs", headers=_token(server))
    assert status == 200 and json.loads(body) == {"logs": ["visit"]}


def test_nothing_is_loaded_from_outside(server: ReviewServer) -> None:
    for path in ("/", "/static/app.js", "/static/app.css"):
        status, body, _ = _request(server, f"{path}?token={server.token}")
        assert status == 200
        assert b"http://" not in body and b"https://" not in body and b"//cdn" not in body


def test_the_document_view(server: ReviewServer) -> None:
    status, body, _ = _request(server, "/api/log/visit", headers=_token(server))
    assert status == 200
    view = json.loads(body)
    assert view["problem"] == ""
    units = {u["uid"]: u["text"] for u in view["units"]}
    people = {e["text"]: e for e in view["entities"] if e["category"] == "PERSON"}
    assert {"Kian Marsh", "Kayleigh Marsh", "Jane Hill"} <= set(people)
    for entity in view["entities"]:
        for uid, start, end in entity["spans"]:
            assert units[uid][start:end]  # every highlight is inside its paragraph
    jane = people["Jane Hill"]
    assert [units[u][s:e] for u, s, e in jane["spans"]] == ["Jane Hill"]
    assert [s["heading"] for s in view["sections"]] == ["1. INTRODUCTION"]


def test_saving_writes_decisions_to_the_csv(server: ReviewServer) -> None:
    _, body, _ = _request(server, "/api/log/visit", headers=_token(server))
    view = json.loads(body)
    jane = next(e for e in view["entities"] if e["text"] == "Jane Hill")
    kian = next(e for e in view["entities"] if e["text"] == "Kian Marsh")
    changes = {
        "entities": [
            {"id": jane["id"], "decision": "keep", "replacement": jane["replacement"]},
            {"id": kian["id"], "decision": "", "replacement": "the child"},
        ],
        "added": [{"text": "Bunty  Pudding", "category": "person", "replacement": "Neighbour"}],
        "sections": [{"id": "S001", "decision": "drop"}],
    }
    headers = {**_token(server), "Content-Type": "application/json"}
    status, body, _ = _request(server, "/api/log/visit", method="POST", headers=headers, body=json.dumps(changes).encode())
    assert status == 200, body
    assert json.loads(body)["saved"] >= 4
    csv_path = server.folder / "visit.review.csv"
    rows = {r["text"]: r for r in read_csv_rows(csv_path)}
    assert rows["Jane Hill"]["decision"] == "keep"
    assert rows["Kian Marsh"]["replacement"] == "the child"
    added = rows["Bunty Pudding"]
    assert (added["id"], added["category"], added["decision"], added["replacement"]) == ("A001", "PERSON", "redact", "Neighbour")
    assert added["occurrences"] == "1" and "[[Bunty Pudding]]" in added["context"]
    assert rows["1. INTRODUCTION"]["decision"] == "drop"
    # The saved CSV reads back as the decisions apply will use.
    kinds = {r.text: r.kind for r in load_review(csv_path).entities}
    assert kinds["Jane Hill"] == "keep" and kinds["Kian Marsh"] == "replace" and kinds["Bunty Pudding"] == "add"
    # Saving again with the added row gone removes it.
    status, _, _ = _request(server, "/api/log/visit", method="POST", headers=headers, body=json.dumps({"added": []}).encode())
    assert status == 200
    assert "Bunty Pudding" not in {r["text"] for r in read_csv_rows(csv_path)}


@pytest.mark.parametrize(
    ("headers", "body", "status"),
    [
        ({"Content-Type": "application/json"}, b"{}", 403),  # token only in the query: not enough to save
        ({TOKEN_HEADER: "{token}", "Content-Type": "application/json", "Origin": "https://evil.example.org"}, b"{}", 403),
        ({TOKEN_HEADER: "{token}", "Content-Type": "text/plain"}, b"{}", 415),
        ({TOKEN_HEADER: "{token}", "Content-Type": "application/json"}, b"not json", 400),
        ({TOKEN_HEADER: "{token}", "Content-Type": "application/json"},
         json.dumps({"entities": [{"id": "E001", "decision": "maybe"}]}).encode(), 422),
        ({TOKEN_HEADER: "{token}", "Content-Type": "application/json"},
         json.dumps({"added": [{"text": "x", "category": "not a category"}]}).encode(), 422),
    ],
)
def test_bad_saves_are_refused_and_change_nothing(server: ReviewServer, headers: dict[str, str], body: bytes, status: int) -> None:
    csv_path = server.folder / "visit.review.csv"
    before = csv_path.read_bytes()
    filled = {k: v.format(token=server.token) for k, v in headers.items()}
    got, _, _ = _request(server, f"/api/log/visit?token={server.token}", method="POST", headers=filled, body=body)
    assert got == status
    assert csv_path.read_bytes() == before


def test_an_unknown_log_is_not_found(server: ReviewServer) -> None:
    status, _, _ = _request(server, "/api/log/..%2F..%2Fetc", headers=_token(server))
    assert status == 404
