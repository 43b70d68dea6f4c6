"""Characters HTML forbids (NUL and the other controls, noncharacters) in spec text never reach a docs
page: every HTML page of the specs that carry them parses strictly (only the generator's own elements,
each closed in order, no forbidden character anywhere), the text still reads around them, and the
Markdown pages carry no NUL or other control either. The escapers are checked on their own too."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import pytest
from snapshots import ROOT

from generator.build import generate, load_api
from generator.ir import calls
from generator.ir.examples import example_value
from generator.targets import all_targets
from generator.text.html import html_characters, html_document, html_prose
from generator.text.markdown import markdown_code, markdown_code_cell, markdown_inline, markdown_table_cell
from generator.text.markdown import markdown_text

SPECS = {
    "controls": ROOT / "tests" / "specs" / "fuzz_regressions" / "control_characters_in_text_and_names.yaml",
    "hostile_text": ROOT / "tests" / "specs" / "hostile" / "hostile_text.yaml",
    "hostile_names": ROOT / "tests" / "specs" / "hostile" / "hostile_names.yaml",
}
#: What the HTML standard makes a parse error wherever it appears (raw, or as a character reference):
#: controls other than tab, LF, FF and CR, and noncharacters. Surrogates cannot be in a str written as UTF-8.
FORBIDDEN_IN_HTML = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)) + "]"
)
#: Controls no Markdown page may carry (C0 but tab and LF, DEL, C1). Example programs show what a
#: language's literals write, so they are left out (but may never hold a NUL); JSON examples are not.
CONTROLS_IN_MARKDOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
REFERENCE = re.compile(r"&#(x[0-9a-fA-F]+|[0-9]+);")
VOID = {"meta", "link", "br", "img", "input", "hr"}


def _docs(spec: str) -> dict[str, str]:
    docs = {"docs": all_targets()["docs"]}
    files = generate(load_api(SPECS[spec], docs), ("docs",), targets=docs)
    return {key.split("/", 1)[1]: text for key, text in files.items()}


class StrictParser(HTMLParser):
    """html.parser never fails: this one records what an HTML parser would call an error here (an end
    tag that closes nothing open, an element left open, a declaration other than the doctype, a
    forbidden character in text or an attribute) and the text it read."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.errors: list[str] = []
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            self._check(f"<{tag} {name}>", value or "")
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        self._check("text", data)
        self.text.append(data)

    def handle_decl(self, decl: str) -> None:
        if decl.lower() != "doctype html":
            self.errors.append(f"declaration <!{decl}>")

    def unknown_decl(self, data: str) -> None:
        self.errors.append(f"unknown declaration {data!r}")

    def handle_pi(self, data: str) -> None:
        self.errors.append(f"processing instruction {data!r}")

    def _check(self, where: str, text: str) -> None:
        found = FORBIDDEN_IN_HTML.search(text)
        if found:
            self.errors.append(f"{where}: U+{ord(found.group()):04X}")

    def close(self) -> None:
        super().close()
        if self.open:
            self.errors.append(f"left open: {self.open}")


def strict_errors(page: str) -> list[str]:
    raw = FORBIDDEN_IN_HTML.search(page)
    errors = [f"raw U+{ord(raw.group()):04X} at {raw.start()}"] if raw else []
    for reference in REFERENCE.findall(page):  # `&#0;` is as much an error as a NUL
        code = int(reference[1:], 16) if reference.startswith("x") else int(reference)
        if FORBIDDEN_IN_HTML.match(chr(code)) or code == 0x0D:
            errors.append(f"reference &#{reference};")
    parser = StrictParser()
    parser.feed(page)
    parser.close()
    return errors + parser.errors


@pytest.mark.parametrize("spec", sorted(SPECS))
def test_every_html_page_parses_strictly(spec: str) -> None:
    pages = {path: text for path, text in _docs(spec).items() if path.endswith(".html")}
    assert len(pages) >= 2
    for path, text in pages.items():
        assert strict_errors(text) == [], path


@pytest.mark.parametrize("spec", sorted(SPECS))
def test_markdown_pages_carry_no_control_characters(spec: str) -> None:
    pages = {path: text for path, text in _docs(spec).items() if path.endswith(".md")}
    assert pages
    for path, text in pages.items():
        assert "\x00" not in text, path
        prose = re.sub(r"(?ms)^(`{3,})(?!json).*?^\1", "", text)  # example programs: the language's
        found = CONTROLS_IN_MARKDOWN.search(prose)
        assert found is None, (path, found and hex(ord(found.group())))


def test_the_text_around_the_characters_still_reads() -> None:
    pages = _docs("controls")
    parser = StrictParser()
    parser.feed(pages["html/index.html"])
    shown = "".join(parser.text)
    # Controls become spaces, noncharacters U+FFFD; the rest of the text is as written.
    controls = "NUL   bell   backspace   escape   vertical tab   DEL   NEL   CSI   "
    assert controls + "nonchar \ufffd \ufffd \ufffd \ufffd" in shown
    assert "Controls  API" in shown and "Second paragraph with code span" in shown
    assert '<span class="version">1.0  </span>' in pages["html/index.html"]
    page = _docs("controls")["html/widgets.html"]
    parser = StrictParser()
    parser.feed(page)
    shown = "".join(parser.text)
    assert "Get  a widget" in shown and "nul  in a property" in shown
    assert "a property named with a noncharacter \ufffd" in shown
    markdown = pages["python/widgets/get.md"]
    assert "# Get  a widget" in markdown and "nul  in a property" in markdown


def test_response_examples_escape_what_html_forbids() -> None:
    """JSON leaves DEL, C1 controls and noncharacters raw: the example escapes them, so that the HTML
    page (which may not hold them) and the Markdown pages show the same JSON, which reads back as the
    example value."""
    api = load_api(SPECS["controls"])
    call = next(call for call in calls(api) if call.method.name == "get")
    expected = example_value(api, call.method.returns)
    pages = _docs("controls")
    page = pages["python/widgets/get.md"]
    markdown = page.split("## Response example\n\n```json\n", 1)[1].split("\n```", 1)[0]
    assert json.loads(markdown) == expected and FORBIDDEN_IN_HTML.search(markdown) is None
    assert "\\u0080" in markdown and "\\u009b" in markdown and "\\ufdd0" in markdown
    html_page = pages["html/widgets.html"]
    shown = re.findall(r"<pre><code>(\{.*?)</code></pre>", html_page, flags=re.DOTALL)
    assert html.unescape(shown[0]) == markdown


def test_html_characters() -> None:
    assert html_characters("plain text, tab\t, LF\n, CR\r, FF\f, \u00e9 \U0001F600") == \
        "plain text, tab\t, LF\n, CR\r, FF\f, \u00e9 \U0001F600"
    assert html_characters("a\x00b\x01c\x0bd\x1fe\x7ff\x80g\x9fh") == "a b c d e f g h"
    assert html_characters("\ufdd0\ufdef\ufffe\uffff\U0001fffe\U0010ffff\ud800") == "\ufffd" * 7
    assert html_characters("\ufdcf\ufdf0\ufffd\U0010fffd") == "\ufdcf\ufdf0\ufffd\U0010fffd"
    assert str(html_document("<p>a\x00b</p>")) == "<p>a b</p>"
    assert str(html_prose("a\x00<b>\n\n`c\x07`")) == "<p>a &lt;b&gt;</p>\n<p><code>c </code></p>"


def test_markdown_escapers_drop_controls() -> None:
    assert markdown_text("a\x00b\x1bc\x7fd\x85e\x9bf") == "a b c d e f"
    assert markdown_inline("a\x00\nb") == "a  b"
    assert markdown_code("a\x00b\x9b") == "`a b `"


def test_markdown_table_cell() -> None:
    # One line, every `|` escaped: in prose (as `markdown_text` does) and in code spans, where a table
    # would split the row at a bare one.
    assert markdown_table_cell("a | b\nc `x|y` d") == "a \\| b c `x\\|y` d"
    assert markdown_table_cell("`a\\|b`") == "`a\\\\|b`"
    assert markdown_table_cell("") == ""
    assert markdown_table_cell("# not a heading\n- nor a list") == "\\# not a heading - nor a list"
    assert markdown_code_cell("a|b`c") == "``a\\|b`c``"
    # Without a `|` or a line break, a cell reads as the one-line prose of a list item.
    for text in ("plain", "with `code` and *stars*", "1. first", "unpaired ` tick"):
        assert markdown_table_cell(text) == markdown_inline(text)
