"""The Ruby reference page of `batches.cancel` matches the seed page, part by part.

The seed (tests/golden/cancel-batch-ruby-reference.txt) is a text capture of the official Ruby
reference page: no Markdown, no blank lines, and the two JSON blocks glued to the text before them.
Both sides are taken apart into the same pieces and compared piece by piece, the JSON as parsed JSON
with its key order.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.ir import ModelRef
from generator.ir.examples import example_value
from snapshots import BUNDLED_SPEC, ROOT, generated

SEED = ROOT / "tests" / "golden" / "cancel-batch-ruby-reference.txt"


@dataclass(frozen=True)
class Page:
    title: str
    signature: str
    http: str  # "POST /batches/{batch_id}/cancel"
    description: str
    first_parameter: str  # "batch_id: String"
    example: list[str]  # the program's non-blank lines
    response: Any  # parsed JSON, keys as ordered pairs


def ordered(text: str) -> Any:
    """JSON with every object as a list of (key, value) pairs, so that key order is compared too."""
    return json.loads(text, object_pairs_hook=lambda pairs: [(k, v) for k, v in pairs])


def parse_seed(text: str) -> tuple[Page, Any]:
    lines = text.splitlines()
    assert lines[4] == "Parameters" and lines[6] == "Returns", "unexpected seed layout"
    verb, path = re.fullmatch(r"(GET|POST|PUT|PATCH|DELETE)(/.*)", lines[2]).groups()
    start = lines.index("Returns") + 2  # after the example's title
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("puts("))
    last = lines[end]
    call, first_json_start = last[: last.index(")") + 1], last[last.index(")") + 1:]
    example = lines[start:end] + [call]
    # The example's output (glued after `puts(...)`) runs up to "Returns Examples".
    rest = "\n".join([first_json_start] + lines[end + 1:])
    printed, response = rest.split("Returns Examples", 1)
    page = Page(lines[0], lines[1], f"{verb} {path}", lines[3], lines[5], example, ordered(response))
    return page, ordered(printed)


def parse_markdown(text: str) -> Page:
    sections = re.split(r"^## ", text, flags=re.M)
    head = [block.strip() for block in sections[0].split("\n\n") if block.strip()]
    by_name = {s.split("\n", 1)[0]: s.split("\n", 1)[1] for s in sections[1:]}

    def code_span(block: str) -> str:
        match = re.fullmatch(r"(`+) ?(.*?) ?\1", block)
        assert match, f"not a code span: {block!r}"
        return match.group(2)

    def code_block(section: str) -> str:
        match = re.search(r"^(`{3,})\w*\n(.*?)^\1$", section, flags=re.M | re.S)
        assert match, f"no code block in {section!r}"
        return match.group(2)

    first_param = re.search(r"^- (`+)(.*?)\1", by_name["Parameters"], flags=re.M).group(2)
    return Page(
        title=head[0].removeprefix("# "),
        signature=code_span(head[1]),
        http=code_span(head[2]),
        description=head[3],
        first_parameter=first_param,
        example=[line for line in code_block(by_name["Example"]).splitlines() if line.strip()],
        response=ordered(code_block(by_name["Response example"])),
    )


@pytest.fixture(scope="module")
def seed() -> tuple[Page, Any]:
    return parse_seed(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page() -> Page:
    return parse_markdown(generated(BUNDLED_SPEC, "docs")["ruby/batches/cancel.md"])


@pytest.mark.parametrize("part", ["title", "signature", "http", "description", "first_parameter", "example"])
def test_ruby_cancel_page_part_matches_seed(seed: tuple[Page, Any], page: Page, part: str) -> None:
    assert getattr(page, part) == getattr(seed[0], part)


def test_ruby_cancel_response_example_is_the_seed_json_with_key_order(seed: tuple[Page, Any], page: Page) -> None:
    assert page.response == seed[0].response
    # The seed shows the same JSON twice (as the example's output and as "Returns Examples").
    assert seed[1] == seed[0].response


def test_example_builder_gives_the_seed_json_for_batch(seed: tuple[Page, Any]) -> None:
    from generator.build import load_api

    api = load_api(BUNDLED_SPEC.relative_to(ROOT).as_posix())
    built = example_value(api, ModelRef("Batch"))
    assert ordered(json.dumps(built)) == seed[0].response


def test_committed_ruby_cancel_page_is_the_generated_one() -> None:
    committed = (ROOT / "generated" / "docs" / "ruby" / "batches" / "cancel.md").read_text(encoding="utf-8")
    assert committed == generated(BUNDLED_SPEC, "docs")["ruby/batches/cancel.md"]


@pytest.mark.parametrize(("language", "signature"), [
    ("python", "batches.cancel(batch_id) -> Batch { id, completion_window, created_at, 19 more }"),
    ("ruby", "batches.cancel(batch_id) -> Batch { id, completion_window, created_at, 19 more }"),
    ("typescript", "batches.cancel(batchID) -> Batch { id, completion_window, created_at, 19 more }"),
])
def test_signature_line_per_language(language: str, signature: str) -> None:
    text = generated(BUNDLED_SPEC, "docs")[f"{language}/batches/cancel.md"]
    assert parse_markdown(text).signature == signature


def test_seed_fixture_is_the_shared_seed() -> None:
    # The golden copy must not drift from the seed it was taken from, when the seed is at hand.
    shared = ROOT.parent / "shared" / "seed" / SEED.name
    if not shared.exists():
        pytest.skip("the shared seed folder is not beside this checkout")
    assert Path(shared).read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")
