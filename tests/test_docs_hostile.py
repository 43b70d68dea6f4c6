"""The docs of the hostile fixture specs (tests/specs/hostile/): spec text lands in Markdown prose,
code spans, code blocks and HTML, and must inject nothing (no element, heading, list or link of its
own) while still reading as written; Python examples use the SDK's escaped names and compile."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.build import generate, load_api
from generator.targets import all_targets
from snapshots import ROOT

HOSTILE = ROOT / "tests" / "specs" / "hostile"
SPECS = ("hostile_text", "hostile_names")


def _docs(stem: str) -> dict[str, str]:
    docs = {"docs": all_targets()["docs"]}
    files = generate(load_api(HOSTILE / f"{stem}.yaml", docs), ("docs",), targets=docs)
    return {key.split("/", 1)[1]: text for key, text in files.items()}


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("stem", SPECS)
def test_html_pages_hold_no_injected_elements(stem: str) -> None:
    pages = {path: text for path, text in _docs(stem).items() if path.endswith(".html")}
    assert len(pages) >= 2
    for path, text in pages.items():
        parser = _Elements()
        parser.feed(text)
        tags = {tag for tag, _ in parser.tags}
        assert not tags & {"iframe", "img", "b", "object", "embed"}, path
        scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
        assert scripts == [{"src": "assets/reference.js", "defer": None}], path
        for _, attrs in parser.tags:
            assert not any(name.startswith("on") for name in attrs), path
            assert not any(
                "javascript:" in (value or "") for name, value in attrs.items() if name == "href"
            ), path


def test_hostile_text_reads_as_written_in_html() -> None:
    spec = yaml.safe_load((HOSTILE / "hostile_text.yaml").read_text(encoding="utf-8"))
    page = _docs("hostile_text")["html/things.html"]
    parser = _Elements()
    parser.feed(page)
    shown = "".join(parser.text)
    method = spec["resources"]["things"]["methods"]["fetch"]
    assert method["summary"] in shown
    assert "<iframe src=//evil>" in shown and "# Heading injection" in shown
    assert spec["models"]["Thing"]["properties"]["id"]["description"] in shown


@pytest.mark.parametrize("stem", SPECS)
def test_markdown_pages_inject_no_markup(stem: str) -> None:
    pages = {path: text for path, text in _docs(stem).items() if path.endswith(".md")}
    headings = {"## Parameters", "## Returns", "## Example", "## Response example", "## Resources"}
    for path, text in pages.items():
        prose = re.sub(r"(?ms)^(`{3,}).*?^\1", "", text)  # code blocks show text literally
        prose = re.sub(r"(`+).*?\1", "", prose)  # and so do code spans
        assert not re.search(r"<(script|iframe|img|b)\b", prose), path
        assert not re.search(r"(?<!\\)\]\(javascript:", prose), path  # an escaped \] makes no link
        lines = prose.splitlines()
        assert lines[0].startswith("# "), path
        for line in lines[1:]:
            assert not line.startswith("#") or line in headings or line.startswith("## "), (path, line)
            assert not re.match(r"\s*(>|={3,}|-{3,})", line), (path, line)
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text), path


def test_markdown_prose_shows_the_text() -> None:
    page = _docs("hostile_text")["python/things/fetch.md"]
    assert "\\# Heading injection" in page and "&lt;iframe src=//evil&gt;" in page
    assert html.unescape('Fetch \\*/ a """ thing &lt;script&gt;') in html.unescape(page)


def test_python_examples_use_the_escaped_names_and_compile() -> None:
    pages = _docs("hostile_names")
    example = pages["python/class/new.md"]
    assert "client.class_.new(" in example and "function=" in example
    assert "client.with_raw_response_.send(" in pages["python/with_raw_response/send.md"]
    for path, text in pages.items():
        if path.startswith("python/") and path.endswith(".md") and "index" not in path:
            for block in re.findall(r"```python\n(.*?)```", text, flags=re.S):
                compile(block, path, "exec")


def test_ruby_and_typescript_examples_use_the_sdks_names() -> None:
    """Names as generator/targets/ruby.py and typescript.py declare them (checked without toolchains;
    tests/test_docs_examples.py runs the programs): escaped members and parameters, the client class."""
    pages = _docs("hostile_names")
    assert "names_sdk.class_.def_(\"end\")" in pages["ruby/class/def.md"]
    assert "`class_.def_(end_, **params)" in pages["ruby/class/def.md"]
    assert "- `n_2_fa_enabled: Boolean, nil` (optional, in body)" in pages["ruby/class/new.md"]
    assert "names_sdk.with_raw_response.send_" in pages["ruby/with_raw_response/send.md"]
    assert "`class.def(end, query?) -> Object_ {" in pages["typescript/class/def.md"]
    assert "- `'2fa_enabled'?: boolean` (optional, in body)" in pages["typescript/class/new.md"]
    assert "- `constructor?: string | Object['constructor']` (optional, in body)" in pages["typescript/class/new.md"]
    assert "client.withRawResponse.send()" in pages["typescript/with_raw_response/send.md"]


def test_a_gem_named_like_a_standard_library_requires_its_escaped_name(tmp_path: Path) -> None:
    spec = yaml.safe_load((HOSTILE / "hostile_names.yaml").read_text(encoding="utf-8"))
    spec["api"]["name"] = "JSON"
    spec["api"]["packages"] = {lang: {"name": "json", "version": "1.0.0"} for lang in ("python", "ruby", "typescript")}
    path = tmp_path / "json.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    files = generate(load_api(path), ("docs",))
    ruby = files["docs/ruby/class/def.md"]
    assert 'require "json_sdk"' in ruby and "json_sdk = JSONApi::Client.new(" in ruby
    typescript = files["docs/typescript/class/def.md"]
    assert "import JSON_ from 'json';" in typescript and "new JSON_({" in typescript
