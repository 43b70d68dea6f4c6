"""Unions, integer enums, aliases and auth schemes in the generated Ruby gem (the zoo_unions fixture), through
real HTTP to the loopback mock server: a discriminated union loads as the model its discriminator names (an
unknown one is kept as the Hash sent), an undiscriminated one as the first variant its JSON shape fits, open
enums keep unknown strings, integer enums go and come as integers, the Metadata alias is the map it stands
for; the admin method sends the admin key (not the API key) and fails before sending without one. The gem
is `ruby -w`, rbs and RuboCop clean, and its signatures spell the unions.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conformance.drivers.ruby import RBS_LIBRARIES, rbs_command, render_spec, require_tool, run_ruby
from conformance.mock_server import MockServer

SPEC = Path(__file__).parent / "specs" / "fixtures" / "zoo_unions.yaml"

CAT = {"kind": "cat", "name": "Tom", "lives": 9, "diet": "carnivore"}
PARROT = {"kind": "parrot", "name": "Polly", "words": ["hello", "cracker"]}
ENCLOSURE = {"id": "enc_1", "object": "enclosure", "residents": [CAT, PARROT], "keeper": "Ann",
             "favorite": PARROT, "capacity": "small", "priority": 2, "metadata": {"wing": "north"}}

# What each loaded value is, as the test programs print it: the class and, for a model, its fields.
DESCRIBE = r"""
require 'zoo'
require 'json'
describe = lambda do |value|
  case value
  when Zoo::Internal::BaseModel then [value.class.name, value.to_h]
  when Symbol then ['Symbol', value.to_s]
  else [value.class.name, value]
  end
end
"""


@pytest.fixture(scope="module")
def gem(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_tool("ruby")
    return render_spec(str(SPEC), tmp_path_factory.mktemp("zoo") / "gem")


def run(gem: Path, body: str, responses: list[dict[str, object]], env: dict[str, str] | None = None,
        ) -> tuple[object, list[object]]:
    with MockServer() as server:
        server.play(responses)
        out = run_ruby(gem, DESCRIBE + body, args=[f"{server.url}/v1"], env=env)
        return out, server.requests


def test_the_gem_is_clean_and_its_signatures_spell_the_unions(gem: Path) -> None:
    result = subprocess.run([*rbs_command(), *RBS_LIBRARIES, "-I", "sig", "validate"], cwd=gem,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    require_tool("rubocop")
    result = subprocess.run(["rubocop", "--format", "simple", "--no-color", "--cache", "false"], cwd=gem,
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    assert "no offenses detected" in result.stdout, result.stdout[-3000:]
    surface = (gem / "api-surface.txt").read_text(encoding="utf-8")
    for line in [
        "Zoo::Models::Enclosure#residents: ::Array[(::Zoo::Models::Cat | ::Zoo::Models::Parrot)]",
        "Zoo::Models::Enclosure#keeper: (::String | ::Array[::String])?",
        "Zoo::Models::Enclosure#favorite: (::Zoo::Models::Cat | ::Zoo::Models::Parrot)?",
        "Zoo::Models::Enclosure#capacity: (::Integer | :small | :large | ::String)?",
        "Zoo::Models::Enclosure#priority: (1 | 2 | 3)?",
        "Zoo::Models::Enclosure#metadata: ::Hash[::Symbol, ::String]?",  # the alias, spelled in place
        "Zoo::Models::Cat#lives: (1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9)",
        "Zoo::Models::Cat#diet: (::Zoo::Models::Cat::Diet::value | ::String)?",  # an open enum
        "Zoo::Resources::Enclosures#star: (::String enclosure_id, ?size: (1 | 2 | 4)?) "
        "-> (::Zoo::Models::Cat | ::Zoo::Models::Parrot)",
        "Zoo::Client#initialize: ?admin_api_key: String?",
        "env ZOO_ADMIN_KEY -> Zoo::Client.new(admin_api_key:)",
    ]:
        assert line in surface
    assert "Metadata" not in surface and "Animal" not in surface  # openai-ruby has no aliases
    create = next(line for line in surface.splitlines() if line.startswith("Zoo::Resources::Enclosures#create:"))
    assert "resident: (::Zoo::Models::Cat | ::Zoo::Models::Parrot | ::Hash[::Symbol, untyped])" in create


def test_a_discriminated_union_loads_as_the_variant_its_discriminator_names(gem: Path) -> None:
    body = r"""
    client = Zoo::Client.new(api_key: 'k', base_url: ARGV[0])
    enclosure = client.enclosures.retrieve('enc_1')
    star = client.enclosures.star('enc_1')
    other = client.enclosures.star('enc_1', size: 4)
    puts JSON.generate([enclosure.residents.map(&describe), describe.(enclosure.favorite),
                        describe.(star), describe.(other), star.lives, other.words])
    """
    out, requests = run(gem, body, [{"body": ENCLOSURE}, {"body": CAT}, {"body": PARROT}])
    cat = ["Zoo::Models::Cat", {**CAT, "kind": "cat", "diet": "carnivore"}]
    parrot = ["Zoo::Models::Parrot", PARROT]
    assert out == [[cat, parrot], parrot, cat, parrot, 9, ["hello", "cracker"]]
    assert [r.path for r in requests] == ["/v1/enclosures/enc_1", "/v1/enclosures/enc_1/star",
                                          "/v1/enclosures/enc_1/star?size=4"]


def test_an_unknown_variant_or_shape_is_kept_as_sent(gem: Path) -> None:
    dog = {"kind": "dog", "name": "Rex"}
    body = r"""
    client = Zoo::Client.new(api_key: 'k', base_url: ARGV[0])
    enclosure = client.enclosures.retrieve('enc_1')
    star = client.enclosures.star('enc_1')
    puts JSON.generate([enclosure.residents.map(&describe), describe.(enclosure.favorite), describe.(star),
                        describe.(enclosure.capacity), describe.(enclosure.keeper)])
    """
    out, _ = run(gem, body, [{"body": {**ENCLOSURE, "residents": [dog, "odd", CAT], "favorite": dog,
                                       "capacity": "huge", "keeper": 7}},
                             {"body": dog}])
    assert out == [[["Hash", dog], ["String", "odd"], ["Zoo::Models::Cat", CAT]], ["Hash", dog], ["Hash", dog],
                   ["String", "huge"], ["Integer", 7]]


def test_open_enums_keep_unknown_strings_and_known_values_are_symbols(gem: Path) -> None:
    body = r"""
    client = Zoo::Client.new(api_key: 'k', base_url: ARGV[0])
    known = client.enclosures.star('enc_1')
    unknown = client.enclosures.star('enc_1')
    task = client.tasks.create(priority: 1)
    puts JSON.generate([describe.(known.diet), describe.(unknown.diet), task.labels.map(&describe),
                        known.diet == Zoo::Models::Cat::Diet::CARNIVORE])
    """
    out, _ = run(gem, body, [{"body": CAT}, {"body": {**CAT, "diet": "insectivore"}},
                             {"body": {"id": "t1", "priority": 1, "labels": ["herbivore", "fruitarian"]}}],
                 env={"ZOO_ADMIN_KEY": "admin"})
    assert out == [["Symbol", "carnivore"], ["String", "insectivore"],
                   [["Symbol", "herbivore"], ["String", "fruitarian"]], True]


def test_scalar_and_array_forms_of_keeper_and_capacity(gem: Path) -> None:
    body = r"""
    client = Zoo::Client.new(api_key: 'k', base_url: ARGV[0])
    one = client.enclosures.retrieve('enc_1')
    shift = client.enclosures.retrieve('enc_1')
    puts JSON.generate([describe.(one.keeper), describe.(shift.keeper), describe.(one.capacity),
                        describe.(shift.capacity)])
    """
    out, _ = run(gem, body, [{"body": ENCLOSURE},
                             {"body": {**ENCLOSURE, "keeper": ["Ann", "Bob"], "capacity": 12}}])
    assert out == [["String", "Ann"], ["Array", ["Ann", "Bob"]], ["Symbol", "small"], ["Integer", 12]]


def test_union_integer_enum_and_alias_parameters_are_sent_as_given(gem: Path) -> None:
    # Official-style calls: a model or a Hash for the union, a String or an Array for keeper, a Symbol for
    # the open enum, an Integer for the integer enum, a Hash for Metadata.
    body = r"""
    client = Zoo::Client.new(api_key: 'k', base_url: ARGV[0])
    cat = Zoo::Models::Cat.new(kind: 'cat', name: 'Tom', lives: 9)
    first = client.enclosures.create(resident: cat, keeper: 'Ann', diet: :herbivore, priority: 3,
                                     metadata: {wing: 'north'})
    client.enclosures.create(resident: {kind: 'parrot', name: 'Polly', words: []}, keeper: %w[Ann Bob],
                             diet: 'fruitarian', metadata: nil)
    puts JSON.generate([first.class.name, first.priority, first.metadata])
    """
    out, requests = run(gem, body, [{"body": ENCLOSURE}, {"body": ENCLOSURE}])
    assert out == ["Zoo::Models::Enclosure", 2, {"wing": "north"}]
    assert requests[0].json() == {"resident": {"kind": "cat", "name": "Tom", "lives": 9}, "keeper": "Ann",
                                  "diet": "herbivore", "priority": 3, "metadata": {"wing": "north"}}
    assert requests[1].json() == {"resident": {"kind": "parrot", "name": "Polly", "words": []},
                                  "keeper": ["Ann", "Bob"], "diet": "fruitarian", "metadata": None}


def test_the_admin_method_sends_the_admin_key_and_not_the_api_key(gem: Path) -> None:
    body = r"""
    client = Zoo::Client.new(api_key: 'api-key', admin_api_key: 'admin-key', base_url: ARGV[0])
    task = client.tasks.create(priority: 2, labels: [:herbivore, 'fruitarian'])
    copy = client.with_options(max_retries: 0)
    copy.tasks.create(priority: 3)
    copy.enclosures.star('enc_1')
    puts JSON.generate([task.class.name, task.priority])
    """
    out, requests = run(gem, body, [{"body": {"id": "t1", "priority": 2}}, {"body": {"id": "t2", "priority": 3}},
                                     {"body": CAT}])
    assert out == ["Zoo::Models::Task", 2]
    assert [r.headers["authorization"] for r in requests] == ["Bearer admin-key", "Bearer admin-key",
                                                              "Bearer api-key"]
    assert requests[0].json() == {"priority": 2, "labels": ["herbivore", "fruitarian"]}


def test_the_admin_key_comes_from_its_environment_variable(gem: Path) -> None:
    body = r"""
    client = Zoo::Client.new(base_url: ARGV[0])
    client.tasks.create(priority: 1)
    error = begin
      client.enclosures.star('enc_1')
    rescue ArgumentError => e
      e.message
    end
    puts JSON.generate([error])
    """
    out, requests = run(gem, body, [{"body": {"id": "t1", "priority": 1}}], env={"ZOO_ADMIN_KEY": "from-env"})
    assert [r.headers["authorization"] for r in requests] == ["Bearer from-env"]
    # A client with only the admin key is built; a call that needs the API key fails before sending.
    assert out == ["The api_key client option must be set either by passing api_key to the client "
                   "or by setting the ZOO_API_KEY environment variable"]


def test_a_missing_admin_key_fails_before_any_request_and_no_key_at_all_fails_to_build(gem: Path) -> None:
    body = r"""
    client = Zoo::Client.new(api_key: 'k', base_url: ARGV[0])
    missing = begin
      client.tasks.create(priority: 1)
    rescue ArgumentError => e
      e.message
    end
    none = begin
      Zoo::Client.new(base_url: ARGV[0])
    rescue ArgumentError => e
      e.message
    end
    puts JSON.generate([missing, none])
    """
    out, requests = run(gem, body, [])
    assert requests == []
    missing, none = out
    assert missing == ("The admin_api_key client option must be set either by passing admin_api_key to the client "
                       "or by setting the ZOO_ADMIN_KEY environment variable")
    assert "api_key" in none and "admin_api_key" in none and "ZOO_API_KEY" in none and "ZOO_ADMIN_KEY" in none


def test_a_scheme_named_like_a_client_setting_is_escaped(tmp_path: Path) -> None:
    """A scheme named `timeout` cannot take the client's own `timeout:`: its keyword is `timeout_:`."""
    text = SPEC.read_text(encoding="utf-8")
    spec = tmp_path / "zoo.yaml"
    spec.write_text(text.replace("    admin_api_key:\n      type: bearer", "    timeout:\n      type: bearer")
                    .replace("auth: admin_api_key", "auth: timeout"), encoding="utf-8")
    gem = render_spec(str(spec), tmp_path / "gem")
    body = r"""
    client = Zoo::Client.new(timeout_: 'admin-key', timeout: 5.0, base_url: ARGV[0])
    task = client.tasks.create(priority: 1)
    missing = begin
      Zoo::Client.new(api_key: 'k', base_url: ARGV[0]).tasks.create(priority: 1)
    rescue ArgumentError => e
      e.message
    end
    puts JSON.generate([task.id, client.timeout, missing])
    """
    out, requests = run(gem, body, [{"body": {"id": "t1", "priority": 1}}])
    assert out == ["t1", 5.0, "The timeout_ client option must be set either by passing timeout_ to the client "
                              "or by setting the ZOO_ADMIN_KEY environment variable"]
    assert [r.headers["authorization"] for r in requests] == ["Bearer admin-key"]


def test_the_docs_adapter_spells_unions_integer_enums_and_aliases_as_the_gem() -> None:
    from generator.build import load_api
    from generator.ir import calls
    from generator.targets.ruby import RubyTarget
    from generator.targets.ruby.docs import Ruby

    api = load_api(str(SPEC), {"ruby": RubyTarget()})
    by_name = {(c.resources[0].name, c.method.name): c for c in calls(api)}
    docs = Ruby().bind(api)
    create = by_name[("enclosures", "create")]
    assert [(f.name, f.type) for f in docs.parameters(create)] == [
        ("resident", "Cat, Parrot, Hash{Symbol=>Object}"), ("keeper", "String, Array<String>, nil"),
        ("diet", "Symbol, String, nil"), ("priority", "Integer, nil"), ("metadata", "Hash{Symbol=>String}, nil")]
    assert docs.signature(api, by_name[("enclosures", "star")]).returns == "Cat, Parrot"
    fields = {f.name: f.type for f in docs.returns(api, create)}
    assert fields["residents"] == "Array<Cat, Parrot>" and fields["metadata"] == "Hash{Symbol=>String}, nil"
    assert fields["capacity"] == "Integer, Symbol, String, nil"
