"""What the docs target produces, checked without a browser: pages, links, escaping, example rules,
and names that match the SDKs' own public API listings (generated/<sdk>/api-surface.txt)."""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.build import generate, load_api
from generator.ir import Api, Array, Enum, InlineObject, Map, Model, ModelRef, Type
from generator.targets.docs.markdown import markdown_path
from generator.text.markdown import code_fence, markdown_code, markdown_text
from generator.ir.examples import example_value, property_tree
from generator.ir import calls
from generator.targets import all_targets

LANGUAGES = all_targets()["docs"].languages  # type: ignore[attr-defined]
from snapshots import ALL_SPECS, BUNDLED_SPEC, ROOT, generated

KITCHEN_SINK = ROOT / "tests" / "specs" / "fixtures" / "kitchen_sink.yaml"


def api_of(spec: Path) -> Api:
    return load_api(spec.relative_to(ROOT).as_posix())


# ---------------------------------------------------------------- pages and links


@pytest.mark.parametrize("spec", ALL_SPECS, ids=lambda s: s.stem)
def test_a_page_per_method_per_language_and_indexes_link_to_all(spec: Path) -> None:
    files = generated(spec, "docs")
    api = api_of(spec)
    for language in LANGUAGES:
        index = files[f"{language.name}/index.md"]
        links = re.findall(r"\]\(([^)]+)\)", index)
        expected = [markdown_path(language, call)[len(language.name) + 1:] for call in calls(api)]
        assert links == expected
        for link in links:
            assert f"{language.name}/{link}" in files
    top = re.findall(r"\]\(([^)]+)\)", files["index.md"])
    assert all(link in files for link in top), top


@pytest.mark.parametrize("spec", ALL_SPECS, ids=lambda s: s.stem)
def test_every_markdown_link_resolves_to_a_page_and_anchor(spec: Path) -> None:
    files = generated(spec, "docs")
    checked = 0
    for path, text in files.items():
        if not path.endswith(".md"):
            continue
        for url in re.findall(r"\]\(([^)\s]+)\)", text):
            target, _, anchor = url.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert resolved in files, f"{path}: {url} points at nothing"
            if anchor:
                assert f'<a id="{anchor}"></a>' in files[resolved], f"{path}: no #{anchor} in {resolved}"
                checked += 1
    if spec.stem == "kitchen_sink":
        assert checked  # its recursive models are linked to their reference


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src", "action", "srcset", "poster", "data") and value is not None:
                self.urls.append((tag, name, value))


@pytest.mark.parametrize("spec", ALL_SPECS, ids=lambda s: s.stem)
def test_html_is_self_contained_and_every_link_resolves(spec: Path) -> None:
    files = {path[len("html/"):]: text for path, text in generated(spec, "docs").items() if path.startswith("html/")}
    parsed = {}
    for path, text in files.items():
        if path.endswith(".html"):
            parser = _Links()
            parser.feed(text)
            parsed[path] = parser
    assert "index.html" in parsed and len(parsed) >= 2
    for path, parser in parsed.items():
        for tag, attribute, url in parser.urls:
            parts = urlsplit(url)
            assert not parts.scheme and not parts.netloc, f"{path}: external {tag}[{attribute}]={url}"
            target = parts.path or path
            assert target in files, f"{path}: {url} points at nothing"
            if parts.fragment:
                assert parts.fragment in parsed[target].ids, f"{path}: no #{parts.fragment} in {target}"
    css = files["assets/reference.css"]
    assert "@import" not in css and "url(" not in css  # no fonts or images from anywhere


# ---------------------------------------------------------------- escaping


def test_markdown_code_span_holds_any_backticks() -> None:
    for text in ["plain", "a`b", "``", "`start", "end`", "x ``` y"]:
        span = markdown_code(text)
        fence = re.match(r"`+", span).group(0)
        assert span.endswith(fence)
        inner = span[len(fence):-len(fence)]
        assert fence not in inner  # the span cannot close early
        stripped = inner[1:-1] if inner.startswith(" ") and inner.endswith(" ") and inner.strip() else inner
        assert stripped == text


def test_code_fence_is_longer_than_any_backtick_run() -> None:
    assert code_fence("print(1)") == "```"
    assert code_fence('x = "```"') == "````"
    assert code_fence("`````") == "``````"


def test_markdown_prose_escapes_html_and_markup() -> None:
    assert markdown_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert markdown_text("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"
    assert markdown_text("# heading\n* item") == "\\# heading\n\\* item"
    # Paired backticks stay code (shown literally by any Markdown renderer).
    assert markdown_text("always `<b>`") == "always `<b>`"


HOSTILE = """\
format: 1
api:
  name: Hostile
  title: Hostile
  version: "1.0"
  base_url: https://hostile.example.test
  base_url_env: HOSTILE_BASE_URL
  auth: {type: bearer, env: HOSTILE_KEY}
  timeout: 5
  max_retries: 0
  packages:
    python: {name: hostile, version: 0.0.1}
    ruby: {name: hostile, version: 0.0.1}
    typescript: {name: hostile, version: 0.0.1}
models:
  Thing:
    properties:
      kind:
        type: enum
        values: ["```\\n<script>x</script>", "a\\nb"]
        required: true
resources:
  things:
    methods:
      make:
        summary: "Make <img src=x onerror=alert(1)>"
        description: "</code> ``` <script>alert(2)</script>\\n# not a heading"
        http: POST /things
        params:
          kind:
            in: body
            type: enum
            values: ["#{`rm -rf /`}\\"'</script>"]
            required: true
        returns: {ref: Thing}
"""


def test_hostile_spec_text_stays_text_in_markdown_and_examples(tmp_path: Path) -> None:
    spec = tmp_path / "hostile.yaml"
    spec.write_text(HOSTILE, encoding="utf-8")
    files = generate(load_api(str(spec)), ("docs",))
    for language in LANGUAGES:
        page = files[f"docs/{language.name}/things/make.md"]
        # Outside code blocks and spans, no raw tag survives.
        prose = re.sub(r"^(`{3,}).*?^\1$", "", page, flags=re.M | re.S)
        prose = re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", prose)
        assert "<" not in prose, prose
        assert "\n# not a heading" not in page and "\n\\# not a heading" in page  # no heading from spec text
        # Every code block is closed by its own fence: the response JSON parses.
        blocks = re.findall(r"^(`{3,})(\w*)\n(.*?)^\1$", page, flags=re.M | re.S)
        assert [info for _, info, _ in blocks] == [language.fence, "json"]
        assert json.loads(blocks[1][2]) == {"kind": "```\n<script>x</script>"}
    # The string literals of the examples read back as the value, in each language's syntax.
    def example_call(language: str) -> str:
        page = files[f"docs/{language}/things/make.md"]
        block = re.search(r"^## Example\n\n(`{3,})\w*\n(.*?)^\1$", page, flags=re.M | re.S).group(2)
        return re.search(r"\.make\((.*)\)", block).group(1)

    assert example_call("python") == "kind=" + json.dumps("#{`rm -rf /`}\"'</script>")
    assert example_call("ruby") == 'kind: "\\#{`rm -rf /`}\\"\'</script>"'  # `#` escaped: no interpolation
    assert example_call("typescript") == "{ kind: '#{`rm -rf /`}\"\\'\\u003c/script>' }"


# ---------------------------------------------------------------- example rules and the property tree


def test_example_rules_on_every_construct() -> None:
    api = api_of(KITCHEN_SINK)
    widget = example_value(api, ModelRef("Widget"))
    assert list(widget) == [p.name for p in api.model("Widget").properties]  # every property, spec order
    assert widget["id"] == "id" and widget["count"] == 0 and widget["ratio"] == 0 and widget["enabled"] is True
    assert widget["kind"] == "widget" and widget["version"] == 2  # consts
    assert widget["color"] == "red"  # first enum value
    assert widget["tags"] == ["string"]  # one element
    assert widget["scores"] == {"foo": 0} and widget["history"] == {"foo": [0]}  # maps
    assert widget["parts"] == [{"sku": "sku", "quantity": 0}]  # refs inside arrays
    assert widget["dimensions"] == {"width": 0, "height": 0, "depth": {"value": 0}}  # inline objects


def test_self_referencing_models_stay_finite(tmp_path: Path) -> None:
    spec = tmp_path / "tree.yaml"
    spec.write_text(HOSTILE.split("models:")[0] + """models:
  Node:
    properties:
      name: {type: string, required: true}
      children: {type: array, items: {ref: Node}}
      parent: {ref: Node}
resources:
  nodes:
    methods:
      get:
        http: GET /nodes/{node_id}
        params:
          node_id: {in: path, type: string}
        returns: {ref: Node}
""", encoding="utf-8")
    api = load_api(str(spec))
    assert example_value(api, ModelRef("Node")) == {"name": "name", "children": [{}], "parent": {}}
    tree = property_tree(api, ModelRef("Node"))
    assert [n.property.name for n in tree] == ["name", "children", "parent"]
    assert all(not n.children for n in tree)
    assert "docs/python/nodes/get.md" in generate(api, ("docs",))


# ---------------------------------------------------------------- names as the SDKs spell them


def _mentions_no_object(t: Type) -> bool:
    while isinstance(t, (Array, Map)):
        t = t.items if isinstance(t, Array) else t.values
    return not isinstance(t, (ModelRef, InlineObject))


def _surface_patterns(language: str, owner: str, name: str) -> re.Pattern[str]:
    # owner: "Batch" or "Batch.Errors" (the IR path of an inline object, joined with dots).
    if language == "python":
        return re.compile(rf"^(?:\S+\.)?{re.escape(owner)}\.{re.escape(name)}: (?P<type>.*)$", re.M)
    if language == "ruby":
        return re.compile(rf"^(?:\S+::)?{re.escape(owner.replace('.', '::'))}#{re.escape(name)}: (?P<type>.*)$",
                          re.M)
    return re.compile(rf"^{re.escape(owner)}\.{re.escape(name)}(?P<optional>\??): (?P<type>.*)$", re.M)


def _objects(language, model: Model) -> list[tuple[str, tuple]]:
    """(owner as the SDK names it, properties) of a model and of every inline object inside it."""
    from generator.ir import inline_objects

    found = [(language.type_name(ModelRef(model.name)), model.properties)]
    for inline in inline_objects(model):
        found.append((language.type_name(inline), inline.properties))
    return found


#: Specs whose documented names are checked against the SDKs' surfaces: the bundled one (its
#: committed generated/ folders) and the hostile ones, whose names every target escapes its own way.
SURFACE_SPECS = [BUNDLED_SPEC, ROOT / "tests" / "specs" / "hostile" / "hostile_names.yaml",
                 ROOT / "tests" / "specs" / "hostile" / "hostile_text.yaml"]


def _surface(spec: Path, language: str) -> str:
    if spec == BUNDLED_SPEC:
        surface_file = ROOT / "generated" / language / "api-surface.txt"
        if not surface_file.exists():
            pytest.fail(f"{surface_file} is missing: the {language} SDK lists its public API there")
        return surface_file.read_text(encoding="utf-8")
    return generated(spec, language)["api-surface.txt"]


@pytest.mark.parametrize("spec", SURFACE_SPECS, ids=lambda s: s.stem)
@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.name)
def test_property_names_and_types_match_the_sdk_surface(language, spec: Path) -> None:
    surface = _surface(spec, language.name)
    api = api_of(spec)
    checked = 0
    for model in api.models:
        for owner, properties in _objects(language, model):
            for prop in properties:
                name = language.property_name(prop.name)
                match = _surface_patterns(language.name, owner, name).search(surface)
                assert match, f"{language.name}: {owner}.{name} is not in the SDK's surface"
                # Ruby's docs show the gem's YARD types, its surface the RBS of sig/: tests/test_ruby_agreement.py
                # checks each against the gem's own source.
                if _mentions_no_object(prop.type) and language.name != "ruby":
                    marker = match.groupdict().get("optional") or ""
                    documented = language.declaration(name, language.property_type(prop), prop.required)
                    listed = f"{name}{marker}: {match.group('type')}"
                    if documented != listed and language.name == "typescript" and spec != BUNDLED_SPEC:
                        # The surface may list an optional field named like an inherited member
                        # (`constructor`) without the `| Object['constructor']` its interface
                        # declares: then the interface itself must declare what the page shows.
                        assert documented.startswith(listed + " | "), (documented, listed)
                        assert any(f"  {documented};" in text for path, text in
                                   generated(spec, "typescript").items() if path.startswith("src/")), documented
                    else:
                        assert documented == listed
                checked += 1
    assert checked == sum(len(props) for m in api.models for _, props in _objects(language, m))


@pytest.mark.parametrize("spec", SURFACE_SPECS, ids=lambda s: s.stem)
@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.name)
def test_method_and_parameter_names_match_the_sdk_surface(language, spec: Path) -> None:
    surface = _surface(spec, language.name)
    api = api_of(spec)
    for call in calls(api):
        method = language.method_name(call.method)
        params = [language.param_name(p) for p in call.method.path_params]
        # e.g. `Batches.cancel(batchID: string`, `Batches.cancel(batch_id: str`, `Batches#cancel: (String batch_id`
        pattern = rf"[.#]{re.escape(method)}(?::\s*)?\((?P<args>[^)]*)\)"
        found = [m.group("args") for m in re.finditer(pattern, surface)]
        assert found, f"{language.name}: method {method} not in the SDK's surface"
        # Resources may share a method name (`batches.retrieve`, `files.retrieve`): one of them takes these.
        assert any(all(re.search(rf"(?<!\w){re.escape(param)}(?!\w)", args) for param in params)
                   for args in found), (params, found)
