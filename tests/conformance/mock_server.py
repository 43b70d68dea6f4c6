"""A scripted HTTP server on loopback for conformance tests and doc examples.

Usage::

    with MockServer() as server:
        server.play([{"status": 429, "headers": {"retry-after-ms": "10"}}, {"status": 200, "body": {...}}])
        ...  # point an SDK at server.url
        server.requests  # what the SDK sent, in order

Each response in the played list is used by exactly one request, in order. Keys of a response:
``status`` (default 200), ``headers`` (dict), ``body`` (any JSON value, sent as JSON with
``Content-Type: application/json`` unless ``headers`` sets one) or ``raw`` (text sent as is,
``Content-Type: text/plain`` unless ``headers`` sets one), ``delay`` (seconds to wait before
answering) and ``close`` (true: drop the connection without answering). A request that arrives when
no response is left gets a 418 with a JSON error body: 418 is not retried by the SDKs, and the extra
request shows up in ``server.requests`` so the test that forgot a response fails clearly.

Standard library only (http.server + threading), so every language's test can rely on it.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Mapping


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server received it."""

    method: str
    path: str  # raw request target, percent-encoding intact, query string included
    headers: dict[str, str]  # lower-cased names; repeated headers joined with ", "
    body: bytes
    time: float  # time.monotonic() when the request line was read

    def json(self) -> Any:
        return json.loads(self.body)


class MockServer:
    """A loopback HTTP/1.1 server on an ephemeral port that plays scripted responses."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queue: deque[Mapping[str, Any]] = deque()
        self._requests: list[RecordedRequest] = []
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------------

    def __enter__(self) -> "MockServer":
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def start(self) -> None:
        handler = _make_handler(self)
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        httpd.daemon_threads = True  # a handler still sleeping on a delay must not block exit
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()  # wakes handlers waiting on a delay
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    # -- public interface ----------------------------------------------------------------------

    @property
    def url(self) -> str:
        assert self._httpd is not None, "MockServer is not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def play(self, responses: list[Mapping[str, Any]]) -> None:
        """Replaces the responses still to be served; recorded requests are kept."""
        with self._lock:
            self._queue = deque(responses)

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def clear(self) -> None:
        """Forgets recorded requests and queued responses."""
        with self._lock:
            self._requests.clear()
            self._queue.clear()

    # -- used by the handler -------------------------------------------------------------------

    def _record_and_next(self, request: RecordedRequest) -> Mapping[str, Any] | None:
        with self._lock:
            self._requests.append(request)
            return self._queue.popleft() if self._queue else None


_UNSCRIPTED = {
    "status": 418,
    "body": {"error": {"message": "mock server: no scripted response left", "type": "mock_error"}},
}


def _make_handler(server: MockServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as real APIs do

        def _handle(self) -> None:
            received = time.monotonic()
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers: dict[str, str] = {}
            for name, value in self.headers.items():
                key = name.lower()
                headers[key] = f"{headers[key]}, {value}" if key in headers else value
            request = RecordedRequest(self.command, self.path, headers, body, received)
            response = server._record_and_next(request) or _UNSCRIPTED

            delay = float(response.get("delay") or 0)
            if delay and server._stopping.wait(delay):
                self.close_connection = True
                return
            if response.get("close"):
                self._drop_connection()
                return
            self._answer(response)

        def _drop_connection(self) -> None:
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

        def _answer(self, response: Mapping[str, Any]) -> None:
            extra = {str(k): str(v) for k, v in (response.get("headers") or {}).items()}
            if "raw" in response:
                payload = str(response["raw"]).encode("utf-8")
                default_type = "text/plain; charset=utf-8"
            elif "body" in response:
                payload = json.dumps(response["body"]).encode("utf-8")
                default_type = "application/json"
            else:
                payload, default_type = b"", ""
            try:
                self.send_response(int(response.get("status", 200)))
                if default_type and not any(k.lower() == "content-type" for k in extra):
                    self.send_header("Content-Type", default_type)
                for name, value in extra.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                # The client gave up (a timeout scenario): nothing to answer to.
                self.close_connection = True

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _handle

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
            pass  # keep test output clean

    return Handler


def multipart_parts(request: RecordedRequest) -> dict[str, Any]:
    """The parts of a multipart/form-data body: name -> text, or {filename, content} for a file part."""
    content_type = request.headers.get("content-type", "")
    assert content_type.startswith("multipart/form-data"), content_type
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + request.body
    )
    parts: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        content = part.get_payload(decode=True).decode("utf-8")
        filename = part.get_filename()
        parts[name] = {"filename": filename, "content": content} if filename is not None else content
    return parts
