"""The gems of the hostile specs (tests/specs/hostile/) talk to the conformance mock server: every
hostile name is sent under its exact wire name (path, query, JSON body) and read back through its
escaped Ruby reader; every hostile text (enum values, a const, a header name, descriptions) reads
back exactly, in values and in the YARD docstrings.

The load under `ruby -w`, `rbs validate`, the signature check, RuboCop and YARD coverage of these
gems run in tests/test_ruby_gem.py, which renders every spec of the Ruby driver, these two included.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
import yaml

from conformance.drivers.ruby import SPECS, render_gem, require_tool, run_ruby
from conformance.mock_server import MockServer
from generator.targets.ruby.names import identifier


def spec(stem: str) -> dict:
    return yaml.safe_load(SPECS[stem].read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def names_gem(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_tool("ruby")
    return render_gem("hostile_names", tmp_path_factory.mktemp("hostile_names"))


@pytest.fixture(scope="module")
def text_gem(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_tool("ruby")
    return render_gem("hostile_text", tmp_path_factory.mktemp("hostile_text"))


# ---------------------------------------------------------------- hostile names


def test_readers_follow_the_documented_escaping_rule() -> None:
    """The rule of the README (`Names` section), name by name."""
    expected = {
        "class": "class_", "end": "end_", "self": "self_", "nil": "nil_", "None": "none", "True": "true_",
        "yield": "yield_", "then": "then_", "hash": "hash_", "send": "send_", "method": "method_",
        "class_eval": "class_eval_", "initialize": "initialize_", "to_h": "to_h_", "2fa_enabled": "n_2_fa_enabled",
        "content-type": "content_type", "a.b.c": "a_b_c", "café": "cafe", "naïve-ünïcode": "naive_unicode",
        "__proto__": "proto", "with_raw_response": "with_raw_response", "client": "client", "new": "new",
    }
    assert {name: identifier(name) for name in expected} == expected


NAMES_CALLS = r"""
require 'json'
require 'names_sdk'
base_url, readers_json = ARGV
readers = JSON.parse(readers_json)
client = Names::Client.new(api_key: 'k', base_url: base_url, max_retries: 0)

object = client.class_.def_('e/1', yield_: 'y', then_: 3)
created = client.class_.new(function: 'f', content_type: 'ct', n_2_fa_enabled: true, proto: 'p',
                            constructor: 'c')
deleted = client.class_.delete('s')
sent = client.with_raw_response.send_(options: 'o', client: 'c')
puts JSON.generate(
  'read' => readers.to_h { |wire, reader| [wire, object.public_send(reader)] },
  'keys' => object.to_h.keys.map(&:to_s),
  'indexed' => readers.keys.to_h { |wire| [wire, object[wire]] },
  'created' => [created.class.name, created.default.class_, created.self_.default.send_],
  'deleted' => [deleted.class.name, deleted.value],
  'sent' => [sent.class.name, sent.options, sent.client, sent.with_raw_response]
)
"""


def test_every_hostile_name_goes_out_and_comes_back_under_its_wire_name(names_gem: Path) -> None:
    properties = spec("hostile_names")["models"]["Object"]["properties"]
    values = {name: (name == "True") if prop["type"] == "boolean" else f"value of {name}"
              for name, prop in properties.items()}
    values["2fa_enabled"] = True
    readers = {name: identifier(name) for name in properties}
    with MockServer() as server:
        server.play([
            {"body": values},
            {"body": {"default": {"class": "inner"}, "self": {"default": {"class": "x", "send": "deep"}}}},
            {"body": {"value": 7}},
            {"body": {"class": "c", "options": "o2", "client": "c2", "with_raw_response": "w"}},
        ])
        out = run_ruby(names_gem, NAMES_CALLS, args=[server.url, json.dumps(readers)])
        get, post, delete, send = server.requests

    assert out["read"] == values  # every reader returns the value sent under the wire name
    assert out["indexed"] == values
    assert out["keys"] == list(values)
    assert out["created"] == ["Names::Models::Type", "inner", "deep"]
    assert out["deleted"] == ["Names::Models::Default", 7]
    assert out["sent"] == ["Names::Models::Object", "o2", "c2", "w"]

    assert get.method == "GET" and urlsplit(get.path).path == "/class/e%2F1"
    assert parse_qsl(urlsplit(get.path).query) == [("yield", "y"), ("then", "3")]
    assert (post.method, post.path) == ("POST", "/class")
    assert post.json() == {"function": "f", "content-type": "ct", "2fa_enabled": True, "__proto__": "p",
                           "constructor": "c"}
    assert (delete.method, delete.path) == ("DELETE", "/class/s")
    assert (send.method, send.path, send.json()) == ("POST", "/send", {"options": "o", "client": "c"})


# ---------------------------------------------------------------- hostile text


TEXT_CALLS = r"""
require 'json'
require 'hostile'
base_url, thing_id, filter, count = ARGV
client = Hostile::Client.new(api_key: 'k', base_url: base_url, max_retries: 0, tenant: 'acme')
things = Array.new(Integer(count)) { client.things.fetch(thing_id, filter: filter) }
mood = Hostile::Models::Thing::Mood
puts JSON.generate({
  'values' => mood.values.map(&:to_s),
  'constants' => mood.constants.sort.map { |c| [c.to_s, mood.const_get(c).to_s] },
  'moods' => things.map { |t| [t.mood.class.name, t.mood.to_s, mood.values.include?(t.mood)] },
  'markers' => things.map { |t| t.marker.to_s },
  'notes' => things.map(&:note),
  'ids' => things.map(&:id),
  'base_url' => Hostile::Client::DEFAULT_BASE_URL
}, ascii_only: true) # one line for run_ruby, even with U+2028 in the values
"""


def test_hostile_values_round_trip_through_the_sdk(text_gem: Path) -> None:
    document = spec("hostile_text")
    thing = document["models"]["Thing"]["properties"]
    moods, marker, note = thing["mood"]["values"], thing["marker"]["value"], thing["note"]["description"]
    thing_id = 'id """ */ #{x} \u2028 /../'
    hostile_filter = document["resources"]["things"]["methods"]["fetch"]["params"]["filter"]["description"]
    with MockServer() as server:
        server.play([{"body": {"id": f"{mood}!", "mood": mood, "marker": marker, "note": note}} for mood in moods])
        out = run_ruby(text_gem, TEXT_CALLS, args=[server.url, thing_id, hostile_filter, str(len(moods))])
        requests = server.requests

    assert out["values"] == moods
    assert sorted(value for _, value in out["constants"]) == sorted(moods)
    # Each value the API sends comes back as the enum's own Symbol.
    assert out["moods"] == [["Symbol", mood, True] for mood in moods]
    assert out["markers"] == [marker] * len(moods)
    assert out["notes"] == [note] * len(moods)
    assert out["ids"] == [f"{mood}!" for mood in moods]
    assert out["base_url"] == document["api"]["base_url"]
    for request in requests:
        target = urlsplit(request.path)
        # One path segment, whatever the id holds: its `/` and `..` are percent-encoded.
        segment = target.path.removeprefix("/things/")
        assert "/" not in segment and unquote(segment) == thing_id
        assert dict(parse_qsl(target.query)) == {"filter": hostile_filter}
        # The header name with backticks is sent as the spec wrote it.
        assert request.headers["x-tenant-`id`"] == "acme"


def normalized(text: str) -> str:
    """What a comment can show of a text: characters that end or hide a line become spaces, and
    whitespace runs collapse (comments are wrapped)."""
    shown = "".join(" " if not ch.isprintable() else ch for ch in text)
    return " ".join(shown.split())


YARD_DOCS = r"""
require 'json'
require 'yard'
YARD::Registry.clear
YARD.parse(Dir[File.join(ARGV[0], 'lib', '**', '*.rb')].sort)
docs = JSON.parse(ARGV[1]).to_h { |path| [path, YARD::Registry.at(path)&.docstring.to_s] }
puts JSON.generate(docs, ascii_only: true)
"""


def test_descriptions_read_back_from_the_yard_docstrings(text_gem: Path) -> None:
    require_tool("yard")
    document = spec("hostile_text")
    thing = document["models"]["Thing"]
    fetch = document["resources"]["things"]["methods"]["fetch"]
    expected = {
        "Hostile::Models::Thing": thing["description"],
        "Hostile::Models::Thing#id": thing["properties"]["id"]["description"],
        "Hostile::Models::Thing#marker": thing["properties"]["marker"]["description"],
        "Hostile::Models::Thing#note": thing["properties"]["note"]["description"],
        "Hostile::Models::Thing::Mood": thing["properties"]["mood"]["description"],
        "Hostile::Resources::Things": document["resources"]["things"]["description"],
        "Hostile::Resources::Things#fetch": fetch["summary"] + "\n\n" + fetch["description"],
    }
    result = subprocess.run(["ruby", "-e", YARD_DOCS, str(text_gem), json.dumps(list(expected))],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    docs = json.loads(result.stdout.strip().splitlines()[-1])
    for path, description in expected.items():
        assert normalized(docs[path]) == normalized(description), path
    # Every line of the generated Ruby outside string literals is code or a whole comment: no
    # description line starts a `=begin` block or ends the file early with `__END__`.
    for source in (text_gem / "lib").rglob("*.rb"):
        lines = source.read_text(encoding="utf-8").splitlines()
        assert not any(line.startswith(("=begin", "=end", "__END__")) for line in lines), source


def test_readme_injects_no_markup(text_gem: Path) -> None:
    text = (text_gem / "README.md").read_text(encoding="utf-8")
    prose = re.sub(r"(?ms)^(`{3,}).*?^\1", "", text)  # code blocks show text literally
    prose = re.sub(r"(`+).*?\1", "", prose)  # and so do code spans
    assert not re.search(r"<(script|iframe|img|b)\b|<!--", prose)
    assert not re.search(r"(?<!\\)\]\(javascript:", prose)  # an escaped \] makes no link
    for line in prose.splitlines():
        assert not re.match(r"(#+ )?(Heading injection|=end|import os)", line), line
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]", text)
    assert text.startswith("# Hostile \"\"\" ''' \\*/ /\\* &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; Ruby")
    # The header name with a backtick stays one code span, and the table keeps its columns.
    assert "Sent as the `` X-Tenant-`Id` `` header when set. |" in text
