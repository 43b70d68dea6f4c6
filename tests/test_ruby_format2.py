"""The constructs of spec format 2 in the generated Ruby gem, on a spec other than OpenAI's, through real
HTTP to the loopback mock server: header parameters (named from the header), a per-method timeout, `any`
values passed through, an array of files in a multipart body, a page style with its own field names
(items, has_more, cursor parameter and cursor field); and the gem stays `ruby -w`, rbs and RuboCop clean.
"""

from __future__ import annotations

import os
import subprocess
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conformance.drivers.ruby import RBS_LIBRARIES, rbs_command, render_spec, require_tool, run_ruby
from conformance.mock_server import MockServer

SPEC = """
format: 2
api:
  name: Vault
  title: Vault API
  version: "1"
  base_url: https://api.vault.test/v1
  auth: {type: bearer, env: VAULT_API_KEY}
  pagination:
    keyset: {kind: cursor, items: items, has_more: more, cursor_param: starting_after, cursor_field: key}
  packages:
    python: {name: vault, version: 1.0.0}
    ruby: {name: vault, version: 1.0.0}
    typescript: {name: vault, version: 1.0.0}
models:
  Entry:
    description: One entry.
    properties:
      key: {type: string, required: true}
      payload: {type: any}
resources:
  entries:
    methods:
      put:
        http: POST /entries
        encoding: multipart
        timeout: 0.3
        params:
          Vault-Beta: {in: header, type: string}
          attachments: {in: body, type: array, items: {type: file}, required: true}
          meta: {in: body, type: object, properties: {tag: {type: string}}}
          note: {in: body, type: any}
        returns: {ref: Entry}
      list:
        http: GET /entries
        paginated: keyset
        params:
          starting_after: {in: query, type: string}
          X-Trace: {in: header, type: string, required: true}
          size: {in: query, type: integer, default: 10}
        returns: {ref: Entry}
"""


@pytest.fixture(scope="module")
def gem(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_tool("ruby")
    folder = tmp_path_factory.mktemp("vault")
    (folder / "vault.yaml").write_text(SPEC, encoding="utf-8")
    return render_spec(str(folder / "vault.yaml"), folder / "gem")


def test_the_gem_is_clean(gem: Path) -> None:
    result = subprocess.run([*rbs_command(), *RBS_LIBRARIES, "-I", "sig", "validate"], cwd=gem,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    require_tool("rubocop")
    result = subprocess.run(["rubocop", "--format", "simple", "--no-color", "--cache", "false"], cwd=gem,
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    assert "no offenses detected" in result.stdout, result.stdout[-3000:]
    surface = (gem / "api-surface.txt").read_text(encoding="utf-8")
    assert ("Vault::Resources::Entries#list: (x_trace: ::String, ?starting_after: ::String?, ?size: ::Integer?) "
            "-> ::Vault::Internal::KeysetPage[::Vault::Models::Entry]") in surface
    assert "Vault::Models::Entry#payload: untyped" in surface


def test_headers_any_values_files_in_an_array_and_a_page_style_of_its_own(gem: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("first", encoding="utf-8")
    source = r"""
    require 'vault'
    require 'json'
    client = Vault::Client.new(api_key: 'k', base_url: ARGV[0])
    entry = client.entries.put(
      attachments: [Pathname(ARGV[1]), StringIO.new('second'), 'third',
                    Vault::FilePart.new('fourth', filename: 'd.csv', content_type: 'text/csv'), File.open(ARGV[1])],
      vault_beta: 'v2', meta: {tag: :x}, note: {'deep' => [1, nil, true]}
    )
    keys = []
    page = client.entries.list(x_trace: 't-1', size: 2)
    page.auto_paging_each { |item| keys << [item.key, item.payload] }
    puts JSON.generate('entry' => [entry.key, entry.payload], 'keys' => keys,
                       'page' => [page.class.name, page.items.size, page.more])
    """
    with MockServer() as server:
        server.play([
            {"body": {"key": "e1", "payload": {"any": ["thing", 1]}}},
            {"body": {"items": [{"key": "k1", "payload": 1}, {"key": "k2"}], "more": True}},
            {"body": {"items": [{"key": "k3", "payload": "s"}], "more": False}},
        ])
        out = run_ruby(gem, source, args=[f"{server.url}/v1", str(tmp_path / "a.txt")])
        requests = server.requests
    assert out == {"entry": ["e1", {"any": ["thing", 1]}], "keys": [["k1", 1], ["k2", None], ["k3", "s"]],
                   "page": ["Vault::Internal::KeysetPage", 2, True]}
    put = requests[0]
    assert put.headers["vault-beta"] == "v2"
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {put.headers['content-type']}\r\n\r\n".encode() + put.body)
    parts = [(p.get_param("name", header="content-disposition"), p.get_filename(), p.get_content_type(),
              p.get_payload(decode=True).decode()) for p in message.iter_parts()]
    assert parts == [
        ("attachments", "a.txt", "application/octet-stream", "first"),
        ("attachments", "upload", "application/octet-stream", "second"),
        ("attachments", "upload", "application/octet-stream", "third"),
        ("attachments", "d.csv", "text/csv", "fourth"),
        ("attachments", "a.txt", "application/octet-stream", "first"),  # an open File: its name, its bytes
        ("meta[tag]", None, "text/plain", "x"),
        ("note[deep]", None, "text/plain", "1"),
        ("note[deep]", None, "text/plain", "true"),
    ]
    assert put.body.count(b"Content-Type: text/plain\r\n") == 3  # each text part says so, as openai-ruby's do
    lists = [(urlsplit(r.path).path, parse_qs(urlsplit(r.path).query), r.headers["x-trace"]) for r in requests[1:]]
    assert lists == [("/v1/entries", {"size": ["2"]}, "t-1"),
                     ("/v1/entries", {"size": ["2"], "starting_after": ["k2"]}, "t-1")]


def test_a_method_timeout_replaces_the_clients_and_a_call_option_replaces_it(gem: Path) -> None:
    source = r"""
    require 'vault'
    require 'json'
    client = Vault::Client.new(api_key: 'k', base_url: ARGV[0], max_retries: 0, timeout: 30.0)
    outcome = lambda do |options|
      started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
      client.entries.put(attachments: ['x'], request_options: options)
      ['ok', Process.clock_gettime(Process::CLOCK_MONOTONIC) - started]
    rescue Vault::Errors::APITimeoutError
      ['timeout', Process.clock_gettime(Process::CLOCK_MONOTONIC) - started]
    end
    puts JSON.generate([outcome.call({}), outcome.call(timeout: 2.0)])
    """
    with MockServer() as server:
        server.play([{"body": {"key": "late"}, "delay": 1.0}, {"body": {"key": "late"}, "delay": 1.0}])
        (first, second) = run_ruby(gem, source, args=[f"{server.url}/v1"])
    assert first[0] == "timeout" and 0.25 <= first[1] < 0.9  # the method's 0.3 s, not the client's 30 s
    assert second[0] == "ok" and second[1] >= 0.9  # request_options' 2 s wins over the method's


def test_a_params_object_splats_with_its_headers_named_as_the_arguments(gem: Path) -> None:
    source = r"""
    require 'vault'
    require 'json'
    client = Vault::Client.new(api_key: 'k', base_url: ARGV[0])
    params = Vault::Models::EntryListParams.new('X-Trace' => 't-9', size: 3)
    page = client.entries.list(**params)
    puts JSON.generate([params.x_trace, params.to_hash, page.items.map(&:key)])
    """
    with MockServer() as server:
        server.play([{"body": {"items": [{"key": "k1"}], "more": False}}])
        out = run_ruby(gem, source, args=[f"{server.url}/v1"])
        (request,) = server.requests
    assert out == ["t-9", {"x_trace": "t-9", "size": 3}, ["k1"]]
    assert request.headers["x-trace"] == "t-9"
    assert parse_qs(urlsplit(request.path).query) == {"size": ["3"]}


def test_paging_stops_without_a_cursor_or_on_an_empty_page(gem: Path) -> None:
    """`more: true` is not enough: the next request needs the last item's cursor, and an empty page ends it."""
    source = r"""
    require 'vault'
    require 'json'
    client = Vault::Client.new(api_key: 'k', base_url: ARGV[0])
    no_cursor = client.entries.list(x_trace: 't')
    empty = client.entries.list(x_trace: 't')
    seen = []
    empty.auto_paging_each { |item| seen << item }
    error = begin
      empty.next_page
    rescue RuntimeError => e
      e.message
    end
    puts JSON.generate([no_cursor.next_page?, no_cursor.items.size, empty.next_page?, seen, error])
    """
    with MockServer() as server:
        server.play([{"body": {"items": [{"payload": 1}], "more": True}}, {"body": {"items": [], "more": True}}])
        out = run_ruby(gem, source, args=[f"{server.url}/v1"])
        assert len(server.requests) == 2
    assert out == [False, 1, False, [], "No more pages: check #next_page? before calling #next_page"]
