"""Parameter defaults (spec format 2) on the reference pages: shown once, as the wire value, escaped."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from generator.build import generate, load_api

SPEC = """\
format: 2
api:
  name: Acme
  title: Acme API
  version: "1"
  base_url: https://acme.example.test
  auth: {type: bearer, env: ACME_KEY}
  packages:
    python: {name: acme, version: 1.0.0}
    ruby: {name: acme, version: 1.0.0}
    typescript: {name: acme, version: 1.0.0}
models:
  Widget:
    properties:
      id: {type: string, required: true}
resources:
  widgets:
    methods:
      search:
        http: GET /widgets
        params:
          limit: {in: query, type: integer, default: 20}
          order: {in: query, type: enum, values: [asc, desc], default: desc}
          tricky: {in: query, type: string, default: "a `b` </code><script>x</script>"}
          name: {in: query, type: string}
        returns: {ref: Widget}
"""


class _Text(HTMLParser):
    """The page's text, as a reader sees it."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def docs(tmp_path: Path) -> dict[str, str]:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    return generate(load_api(spec), ("docs",))


def test_markdown_pages_show_each_default_as_json_in_code(tmp_path: Path) -> None:
    pages = {path: text for path, text in docs(tmp_path).items() if path.endswith("widgets/search.md")}
    assert len(pages) == 3  # one per language
    for text in pages.values():
        assert "(optional, in query, default `20`)" in text
        assert '(optional, in query, default `"desc"`)' in text
        # The untrusted default stays inside its code span: a longer fence than its backticks.
        assert 'default ``"a `b` </code><script>x</script>"``)' in text
        name_line = next(line for line in text.splitlines() if line.startswith("- `name"))
        assert "default" not in name_line


def test_html_pages_show_defaults_escaped(tmp_path: Path) -> None:
    (page,) = [text for path, text in docs(tmp_path).items() if path.endswith("widgets.html")]
    parser = _Text()
    parser.feed(page)
    text = "".join(parser.text)
    assert "default 20" in text and 'default "desc"' in text
    assert 'default "a `b` </code><script>x</script>"' in text
    assert "<script>x</script>" not in page  # escaped, never markup
