"""The static HTML reference, in headless Chromium: it loads cleanly and behaves.

Chromium (Debian's package, installed by tests/toolchains/chromium.sh) is driven over the DevTools
protocol on a pipe (`--remote-debugging-pipe`: fd 3 carries commands in, fd 4 carries replies and
events out, each message NUL-terminated JSON), so no driver library is needed. Clicks are real
mouse events at the element's position, not `element.click()`. Screenshots go to test-artifacts/
(git-ignored).
"""

from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from generator.build import generate, load_api
from generator.writer import MANIFEST
from snapshots import ALL_SPECS, BUNDLED_SPEC, ROOT

ARTIFACTS = ROOT / "test-artifacts"
HTML = ROOT / "generated" / "docs" / "html"
STEP_TIMEOUT = 15.0  # seconds for one protocol command or one page load


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is missing: tests/toolchains/chromium.sh should have installed it")
    pytest.skip("chromium is not installed (run tests/toolchains/chromium.sh)")


def _stderr_sink() -> Any:
    # Chromium's own log (dbus noise and the like) is kept for debugging, not shown.
    ARTIFACTS.mkdir(exist_ok=True)
    return open(ARTIFACTS / "chromium.log", "ab")


class Browser:
    """One headless Chromium with one page, spoken to over the DevTools pipe."""

    def __init__(self, executable: str, profile: Path) -> None:
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def wire_pipes() -> None:
            # Runs in the child before exec: the pipe ends become fds 3 and 4 (copied first, as
            # either may already sit on 3 or 4). pass_fds=(3, 4) keeps them open through exec.
            commands, replies = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(commands, 3)
            os.dup2(replies, 4)

        self.process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
             f"--user-data-dir={profile}", "--remote-debugging-pipe", "--window-size=1280,900", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=_stderr_sink(),
            pass_fds=(3, 4), preexec_fn=wire_pipes,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session = ""
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 session=False)["sessionId"]
        for domain in ("Runtime", "Log", "Page"):
            self.send(f"{domain}.enable")

    def _read(self) -> None:
        buffer = b""
        while True:
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                self._messages.put(None)
                return
            buffer += chunk
            while b"\0" in buffer:
                message, buffer = buffer.split(b"\0", 1)
                self._messages.put(json.loads(message))

    def _receive(self, deadline: float) -> dict[str, Any]:
        try:
            message = self._messages.get(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            raise TimeoutError("no message from chromium in time") from None
        if message is None:
            raise RuntimeError("chromium closed the DevTools pipe")
        return message

    def send(self, method: str, params: dict[str, Any] | None = None, session: bool = True) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + STEP_TIMEOUT
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for_event(self, method: str, since: int) -> dict[str, Any]:
        deadline = time.monotonic() + STEP_TIMEOUT
        while True:
            for event in self.events[since:]:
                if event.get("method") == method:
                    return event
            self.events.append(self._receive(deadline))

    def open(self, url: str) -> None:
        mark = len(self.events)
        self.send("Page.navigate", {"url": url})
        self.wait_for_event("Page.loadEventFired", mark)

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector: str) -> None:
        """A real mouse click at the centre of the first visible element matching `selector`."""
        box = self.evaluate(f"""(() => {{
            const el = [...document.querySelectorAll({json.dumps(selector)})].find(e => e.checkVisibility());
            if (!el) return null;
            el.scrollIntoView({{block: "center"}});
            const r = el.getBoundingClientRect();
            return {{x: r.left + r.width / 2, y: r.top + r.height / 2}};
        }})()""")
        assert box is not None, f"no visible element matches {selector}"
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box["x"], "y": box["y"], "button": "left",
                                                   "clickCount": 1})

    def screenshot(self, path: Path) -> None:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def problems_since(self, mark: int) -> list[str]:
        """Console errors and warnings, uncaught exceptions, failed loads and dialogs after event `mark`."""
        found = []
        for event in self.events[mark:]:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
                found.append(f"console.{params['type']}: {params.get('args')}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params.get('exceptionDetails')}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
                found.append(f"log: {params['entry'].get('text')} {params['entry'].get('url', '')}")
            elif method == "Page.javascriptDialogOpening":
                found.append(f"dialog: {params.get('message')}")
        return found

    def close(self) -> None:
        try:
            self.send("Browser.close", session=False)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    with tempfile.TemporaryDirectory(prefix="docs-chromium-") as profile:
        instance = Browser(executable, Path(profile))
        try:
            yield instance
        finally:
            instance.close()


def visible_text(browser: Browser, selector: str) -> str:
    return browser.evaluate(f"""[...document.querySelectorAll({json.dumps(selector)})]
        .filter(e => e.checkVisibility()).map(e => e.innerText).join("\\n---\\n")""")


def test_resource_page_switches_language_remembers_it_and_expands(browser: Browser) -> None:
    page = (HTML / "batches.html").as_uri()
    mark = len(browser.events)
    browser.open(page)
    browser.evaluate("localStorage.clear()")
    browser.open(page)

    python_example = visible_text(browser, ".example pre code")
    assert 'batch = client.batches.cancel("batch_id")' in python_example
    assert "openai.batches.cancel" not in python_example

    browser.click('[data-set-lang="ruby"]')
    assert browser.evaluate("document.documentElement.dataset.lang") == "ruby"
    ruby_example = visible_text(browser, ".example pre code")
    assert 'batch = openai.batches.cancel("batch_id")' in ruby_example
    assert "client.batches.cancel" not in ruby_example
    assert "batch_id: String" in visible_text(browser, ".fields")

    # "19 more" in the signature line expands to the remaining property names.
    signature = "#batches-cancel .signature"
    assert "endpoint" not in visible_text(browser, signature)
    browser.click("#batches-cancel button.more")
    expanded = visible_text(browser, signature)
    assert "endpoint" in expanded and "usage" in expanded and "19 more" not in expanded

    # The rest of the returned properties are collapsed until asked for.
    assert "input_file_id: String" not in visible_text(browser, "#batches-cancel .fields")
    browser.click("#batches-cancel details.more-fields > summary")
    assert "input_file_id: String" in visible_text(browser, "#batches-cancel .fields")

    # Record what reaches the clipboard, by whichever path the page takes (the async clipboard API in a
    # secure context, else a selection and execCommand), then let the real call go ahead.
    browser.evaluate("""(() => {
        window.__copied = [];
        if (navigator.clipboard) {
            const write = navigator.clipboard.writeText.bind(navigator.clipboard);
            navigator.clipboard.writeText = text => { window.__copied.push(text); return write(text); };
        }
        const exec = document.execCommand.bind(document);
        document.execCommand = command => {
            if (command === "copy") window.__copied.push(String(window.getSelection()) ||
                document.activeElement.value);
            return exec(command);
        };
    })()""")
    browser.click("#batches-cancel .example button.copy")
    assert browser.evaluate("""new Promise(resolve => {
        const button = [...document.querySelectorAll('#batches-cancel .example button.copy')]
            .find(b => b.checkVisibility());
        const started = Date.now();
        (function poll() {
            const result = button.getAttribute('data-copy-result');
            if (result || Date.now() - started > 5000) resolve(result);
            else setTimeout(poll, 20);
        })();
    })""") == "copied"
    copied = browser.evaluate("window.__copied")
    assert copied and copied[-1] == 'require "openai"\n\nopenai = OpenAI::Client.new(api_key: "My API Key")\n\n' \
        'batch = openai.batches.cancel("batch_id")\n\nputs(batch)\n'

    ARTIFACTS.mkdir(exist_ok=True)
    browser.screenshot(ARTIFACTS / "docs-html-batches-ruby.png")

    # The choice survives navigation: the index and the page again open in Ruby.
    browser.open((HTML / "index.html").as_uri())
    assert browser.evaluate("document.documentElement.dataset.lang") == "ruby"
    assert "batches.cancel(batch_id) -> Batch" in visible_text(browser, ".index-method")
    browser.open(page)
    assert 'openai.batches.cancel("batch_id")' in visible_text(browser, ".example pre code")

    browser.click('[data-set-lang="typescript"]')
    assert "const batch = await client.batches.cancel('batch_id');" in visible_text(browser, ".example pre code")
    browser.screenshot(ARTIFACTS / "docs-html-batches-typescript.png")

    assert browser.problems_since(mark) == []


def write_html(spec: Path, out: Path) -> Path:
    """The HTML reference of a spec, generated and written to `out`."""
    api = load_api(str(spec))
    for path, text in generate(api, ("docs",)).items():
        if path.startswith("docs/html/"):
            target = out / path[len("docs/html/"):]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return out


@pytest.mark.parametrize("spec", ALL_SPECS, ids=lambda s: s.stem)
def test_pages_load_without_console_errors(browser: Browser, spec: Path, tmp_path: Path) -> None:
    # The bundled spec's pages are the committed ones; fixture specs are generated for the test.
    site = HTML if spec == BUNDLED_SPEC else write_html(spec, tmp_path / "site")
    pages = sorted(site.glob("*.html"))
    assert len(pages) >= 2, "no HTML pages generated"
    for path in pages:
        mark = len(browser.events)
        browser.open(path.as_uri())
        assert browser.evaluate("document.querySelectorAll('section.method, section.resource').length") > 0
        for language in ("python", "ruby", "typescript"):
            browser.click(f'[data-set-lang="{language}"]')
            # Every method shows exactly one example: the chosen language's.
            shown = browser.evaluate("[...document.querySelectorAll('.example')].filter(e => e.checkVisibility())"
                                     ".map(e => e.getAttribute('data-lang-block'))")
            methods = browser.evaluate("document.querySelectorAll('section.method').length")
            assert shown == [language] * methods
        new = browser.problems_since(mark)
        assert new == [], f"{path.name}: {new}"
    if spec.stem == "kitchen_sink":
        browser.open((site / "widgets.html").as_uri())
        browser.screenshot(ARTIFACTS / "docs-html-kitchen-sink-widgets.png")


HOSTILE = """\
format: 1
api:
  name: Hostile
  title: "Hostile <script>window.__pwned = 1</script> API"
  version: "1.0"
  description: "<img src=x onerror='window.__pwned=2'> and `</code><script>window.__pwned=3</script>`"
  base_url: https://hostile.example.test
  auth: {type: bearer, env: HOSTILE_KEY}
  timeout: 5
  max_retries: 0
  packages:
    python: {name: hostile, version: 0.0.1}
    ruby: {name: hostile, version: 0.0.1}
    typescript: {name: hostile, version: 0.0.1}
models:
  Thing:
    description: "</details></ul><script>window.__pwned = 4</script>"
    properties:
      kind:
        type: enum
        values: ["</code><img src=y onerror=window.__pwned=5>", "```", "a`b"]
        required: true
        description: "<style>body{display:none}</style>"
      label: {type: const, value: "\\"'><svg onload=window.__pwned=6>"}
resources:
  things:
    description: "<iframe src=javascript:window.__pwned=7></iframe>"
    methods:
      get:
        summary: "<b onmouseover=window.__pwned=8>Get</b>"
        description: "<script>window.__pwned = 9</script>"
        http: GET /things/{thing_id}
        params:
          thing_id: {in: path, type: string, description: "<a href=javascript:alert(1)>x</a>"}
        returns: {ref: Thing}
"""


def test_spec_text_cannot_inject_markup(browser: Browser, tmp_path: Path) -> None:
    spec = tmp_path / "hostile.yaml"
    spec.write_text(HOSTILE, encoding="utf-8")
    out = write_html(spec, tmp_path / "site")
    assert not (out / MANIFEST).exists()
    for page in ("index.html", "things.html"):
        mark = len(browser.events)
        browser.open((out / page).as_uri())
        assert browser.evaluate("typeof window.__pwned") == "undefined"
        assert browser.evaluate("document.querySelectorAll('img, iframe, svg, style, b').length") == 0
        assert browser.evaluate("document.querySelectorAll('script').length") == 1  # ours, with src
        assert browser.problems_since(mark) == []
    # The text is shown, as text.
    assert "<script>window.__pwned = 9</script>" in visible_text(browser, ".description")
    browser.click('[data-set-lang="python"]')
    assert "</code><img src=y onerror=window.__pwned=5>" in visible_text(browser, "#things-get .fields")


HOSTILE_FIXTURES = sorted((ROOT / "tests" / "specs" / "hostile").glob("*.yaml"))


@pytest.mark.parametrize("spec", HOSTILE_FIXTURES, ids=lambda s: s.stem)
def test_hostile_fixture_specs_render_inert_pages(browser: Browser, spec: Path, tmp_path: Path) -> None:
    """The committed hostile specs (text that breaks out of every context; names reserved somewhere):
    every page loads without errors, holds only the generator's own elements, and switches language."""
    site = write_html(spec, tmp_path / "site")
    pages = sorted(site.glob("*.html"))
    assert len(pages) >= 2
    for path in pages:
        mark = len(browser.events)
        browser.open(path.as_uri())
        assert browser.evaluate("document.querySelectorAll('img, iframe, svg, style, b, object, embed').length") == 0
        assert browser.evaluate("document.querySelectorAll('script').length") == 1  # ours, with src
        assert browser.evaluate("[...document.querySelectorAll('a[href^=\"javascript:\"]')].length") == 0
        for language in ("python", "ruby", "typescript"):
            browser.click(f'[data-set-lang="{language}"]')
        assert browser.problems_since(mark) == [], path.name
    if spec.stem == "hostile_text":
        browser.open((site / "things.html").as_uri())
        text = visible_text(browser, ".description")
        assert "<iframe src=//evil>" in text and "# Heading injection" in text
        browser.click('[data-set-lang="python"]')
        fields = visible_text(browser, "#things-fetch .fields")
        assert "</script>" in fields and "'; DROP TABLE things; --" in visible_text(browser, "#things-fetch")
        browser.screenshot(ARTIFACTS / "docs-html-hostile-text-things.png")
    else:
        browser.open((site / "class.html").as_uri())
        browser.click('[data-set-lang="python"]')
        assert "class_.new(" in visible_text(browser, "#class-new")
