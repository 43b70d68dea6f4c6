"""The Python SDK of the zoo fixture (tests/specs/fixtures/zoo_unions.yaml), against the loopback server:
discriminated unions become the variant their discriminator names (an unknown one is kept as sent),
open enums and scalar/array unions keep the value, integer enums go and come as integers, the aliases
are declared once in types.shared / types.shared_params (as openai-python's `Metadata`), and the admin
methods send the admin key, failing before any request when it is missing. Official-style calls
type-check under mypy --strict."""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, Iterator

import pytest

from conformance.drivers.python import generate_package
from conformance.mock_server import MockServer
from snapshots import ROOT

SPEC = ROOT / "tests" / "specs" / "fixtures" / "zoo_unions.yaml"
CAT = {"kind": "cat", "name": "Tom", "lives": 9, "diet": "carnivore"}
PARROT = {"kind": "parrot", "name": "Polly", "words": ["hello", "cracker"]}
ENCLOSURE = {
    "id": "enc_1",
    "object": "enclosure",
    "residents": [CAT, PARROT, {"kind": "dragon", "name": "Smaug", "hoard": 1000}],
    "keeper": ["Ann", "Bob"],
    "favorite": PARROT,
    "capacity": "medium",
    "priority": 2,
    "metadata": {"zone": "north"},
}


@pytest.fixture(scope="module")
def sdk_src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_package(SPEC, tmp_path_factory.mktemp("zoo") / "sdk")


@pytest.fixture(scope="module")
def zoo(sdk_src: Path) -> Iterator[Any]:
    sys.path.insert(0, str(sdk_src))
    try:
        yield importlib.import_module("zoo_sdk")
    finally:
        sys.path.remove(str(sdk_src))


@pytest.fixture
def server() -> Iterator[MockServer]:
    with MockServer() as mock:
        yield mock


@pytest.fixture(autouse=True)
def no_keys_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ZOO_API_KEY", "ZOO_ADMIN_KEY", "ZOO_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


def client(zoo: Any, server: MockServer, **options: Any) -> Any:
    return zoo.Zoo(base_url=f"{server.url}/v1", max_retries=0, **{"api_key": "sk-zoo", **options})


# ---------------------------------------------------------------- responses


def test_a_discriminated_union_becomes_the_variant_its_discriminator_names(zoo: Any, server: MockServer) -> None:
    from zoo_sdk.types import Cat, Parrot

    server.play([{"body": ENCLOSURE}])
    with client(zoo, server) as c:
        enclosure = c.enclosures.retrieve("enc_1")
    tom, polly, dragon = enclosure.residents
    assert isinstance(tom, Cat) and (tom.name, tom.lives, tom.diet) == ("Tom", 9, "carnivore")
    assert isinstance(polly, Parrot) and polly.words == ["hello", "cracker"]
    # A variant this version does not know is kept as sent, never raising.
    assert dragon == {"kind": "dragon", "name": "Smaug", "hoard": 1000}
    # The inline discriminated union (nullable) too.
    assert isinstance(enclosure.favorite, Parrot) and enclosure.favorite.name == "Polly"
    assert enclosure.to_dict()["residents"][2] == {"kind": "dragon", "name": "Smaug", "hoard": 1000}


def test_a_method_returning_a_discriminated_union_returns_each_variant(zoo: Any, server: MockServer) -> None:
    from zoo_sdk.types import Cat, Parrot

    server.play(
        [{"body": CAT, "headers": {"x-request-id": "req_1"}}, {"body": PARROT}, {"body": {"kind": "fish"}}]
    )
    with client(zoo, server) as c:
        cat = c.enclosures.star("enc_1")
        parrot = c.enclosures.star("enc_1", size=4)
        fish = c.enclosures.star("enc_1")
    assert isinstance(cat, Cat) and cat.lives == 9 and cat._request_id == "req_1"
    assert isinstance(parrot, Parrot) and parrot.words == ["hello", "cracker"]
    assert fish == {"kind": "fish"}
    # The integer enum goes as an integer.
    assert [r.path for r in server.requests] == [
        "/v1/enclosures/enc_1/star",
        "/v1/enclosures/enc_1/star?size=4",
        "/v1/enclosures/enc_1/star",
    ]


def test_open_enums_scalar_array_unions_and_integer_enums_keep_their_values(zoo: Any, server: MockServer) -> None:
    server.play(
        [
            {"body": ENCLOSURE},
            {"body": {**ENCLOSURE, "keeper": "Ann", "capacity": 12, "residents": [{**CAT, "diet": "insectivore"}]}},
        ]
    )
    with client(zoo, server) as c:
        first = c.enclosures.retrieve("enc_1")
        second = c.enclosures.retrieve("enc_1")
    assert first.keeper == ["Ann", "Bob"] and second.keeper == "Ann"
    assert first.capacity == "medium" and second.capacity == 12  # "medium" is no known size: kept
    assert second.residents[0].diet == "insectivore"  # an open enum's new value
    assert first.priority == 2 and first.metadata == {"zone": "north"}


def test_the_async_client_builds_the_same_variants(zoo: Any, server: MockServer) -> None:
    from zoo_sdk.types import Cat, Parrot

    async def scenario() -> tuple[Any, Any]:
        async with zoo.AsyncZoo(api_key="sk-zoo", base_url=f"{server.url}/v1") as c:
            return await c.enclosures.star("enc_1"), await c.enclosures.retrieve("enc_1")

    server.play([{"body": PARROT}, {"body": ENCLOSURE}])
    star, enclosure = asyncio.run(scenario())
    assert isinstance(star, Parrot)
    assert [type(r) for r in enclosure.residents] == [Cat, Parrot, dict]


# ---------------------------------------------------------------- requests


def test_union_alias_and_integer_enum_parameters_are_sent_as_given(zoo: Any, server: MockServer) -> None:
    from zoo_sdk.types import Cat

    server.play([{"body": ENCLOSURE}, {"body": ENCLOSURE}])
    with client(zoo, server) as c:
        c.enclosures.create(
            resident={"kind": "cat", "name": "Tom", "lives": 9},
            keeper=["Ann", "Bob"],
            diet="omnivore",
            priority=1,
            metadata={"zone": "north"},
        )
        tom = Cat.construct_from({"kind": "cat", "name": "Tom", "lives": 3})
        c.enclosures.create(resident=tom, keeper="Ann", diet="frugivore", metadata=None)
    first, second = (json.loads(r.body) for r in server.requests)
    assert first == {
        "resident": {"kind": "cat", "name": "Tom", "lives": 9},
        "keeper": ["Ann", "Bob"],
        "diet": "omnivore",
        "priority": 1,
        "metadata": {"zone": "north"},
    }
    assert second == {
        "resident": {"kind": "cat", "name": "Tom", "lives": 3},
        "keeper": "Ann",
        "diet": "frugivore",
        "metadata": None,
    }


def test_the_aliases_are_declared_once_and_reexported(zoo: Any) -> None:
    from zoo_sdk import types
    from zoo_sdk.types import Metadata, shared, shared_params
    from zoo_sdk.types.shared import Animal, Diet, Priority
    from zoo_sdk.types.shared_params import Metadata as MetadataParam

    assert Metadata is shared.Metadata and MetadataParam is shared_params.Metadata
    assert str(Metadata) == str(MetadataParam) == "typing.Dict[str, str]"
    assert types.Animal is Animal and types.Diet is Diet and types.Priority is Priority
    assert "Metadata" in types.__all__ and shared.animal.__all__ == ["Animal"]
    assert str(Priority) == "typing.Literal[1, 2, 3]"


# ---------------------------------------------------------------- auth


def test_an_admin_method_sends_the_admin_key_and_not_the_api_key(zoo: Any, server: MockServer) -> None:
    task = {"id": "task_1", "priority": 1, "labels": ["herbivore", "vegan"]}
    server.play([{"body": task}, {"body": ENCLOSURE}, {"body": task}])
    with client(zoo, server, admin_api_key="sk-admin") as c:
        created = c.tasks.create(priority=1, labels=["herbivore", "vegan"])
        c.enclosures.retrieve("enc_1")
        c.with_options(timeout=5.0).tasks.create(priority=3)
    admin, regular, copied = server.requests
    assert admin.headers["authorization"] == "Bearer sk-admin"
    assert regular.headers["authorization"] == "Bearer sk-zoo"
    assert copied.headers["authorization"] == "Bearer sk-admin"  # with_options keeps the key
    assert json.loads(admin.body) == {"priority": 1, "labels": ["herbivore", "vegan"]}
    assert created.priority == 1 and created.labels == ["herbivore", "vegan"]


def test_the_admin_key_is_read_from_its_environment_variable(
    zoo: Any, server: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZOO_ADMIN_KEY", "sk-admin-env")
    server.play([{"body": {"id": "t", "priority": 2}}])
    with client(zoo, server) as c:
        assert c.admin_api_key == "sk-admin-env"
        c.tasks.create(priority=2)
    assert server.requests[0].headers["authorization"] == "Bearer sk-admin-env"


def test_a_missing_admin_key_fails_before_any_request(zoo: Any, server: MockServer) -> None:
    with client(zoo, server) as c:
        with pytest.raises(zoo.ZooError) as raised:
            c.tasks.create(priority=1)

    async def scenario() -> None:
        async with zoo.AsyncZoo(api_key="sk-zoo", base_url=f"{server.url}/v1") as ac:
            await ac.tasks.create(priority=1)

    with pytest.raises(zoo.ZooError):
        asyncio.run(scenario())
    assert "admin_api_key" in str(raised.value) and "ZOO_ADMIN_KEY" in str(raised.value)
    assert server.requests == []


def test_a_client_with_only_the_admin_key_can_be_built_and_needs_the_api_key_elsewhere(
    zoo: Any, server: MockServer
) -> None:
    server.play([{"body": {"id": "t", "priority": 1}}])
    with zoo.Zoo(admin_api_key="sk-admin", base_url=f"{server.url}/v1") as c:
        c.tasks.create(priority=1)
        with pytest.raises(zoo.ZooError) as raised:
            c.enclosures.retrieve("enc_1")
    assert "api_key" in str(raised.value) and "ZOO_API_KEY" in str(raised.value)
    assert [r.headers["authorization"] for r in server.requests] == ["Bearer sk-admin"]


def test_a_client_without_any_key_names_every_option_and_variable(zoo: Any) -> None:
    with pytest.raises(zoo.ZooError) as raised:
        zoo.Zoo()
    assert str(raised.value) == (
        "Missing credentials. Please pass an `api_key`, `admin_api_key`, or set the `ZOO_API_KEY` or "
        "`ZOO_ADMIN_KEY` environment variable."
    )


def test_an_authorization_header_given_by_the_caller_needs_no_key(zoo: Any, server: MockServer) -> None:
    server.play([{"body": {"id": "t", "priority": 1}}])
    with client(zoo, server) as c:
        c.tasks.create(priority=1, extra_headers={"Authorization": "Bearer from-caller"})
    assert server.requests[0].headers["authorization"] == "Bearer from-caller"


# ---------------------------------------------------------------- static checks

USAGE = """
from typing import List, Optional, Union

from zoo_sdk import AsyncZoo, Zoo
from zoo_sdk.types import Cat, Enclosure, Metadata, Parrot, Task
from zoo_sdk.types.shared import Animal, Diet, Priority
from zoo_sdk.types.shared_params import Metadata as MetadataParam


def sync_usage() -> str:
    client = Zoo(api_key="sk", admin_api_key="sk-admin")
    metadata: MetadataParam = {"zone": "north"}
    enclosure: Enclosure = client.enclosures.create(
        resident={"kind": "cat", "name": "Tom", "lives": 9},
        keeper=["Ann", "Bob"],
        diet="herbivore",
        priority=1,
        metadata=metadata,
    )
    client.enclosures.create(resident={"kind": "parrot", "name": "Polly", "words": []}, keeper="Ann", metadata=None)
    names: List[str] = []
    for resident in enclosure.residents:
        if isinstance(resident, Cat):
            lives: int = resident.lives
        elif isinstance(resident, Parrot):
            names += resident.words
    star: Animal = client.enclosures.star("enc_1", size=2)
    if isinstance(star, Cat):
        diet: Optional[Diet] = star.diet
    keeper: Optional[Union[str, List[str]]] = enclosure.keeper
    kept: Optional[Metadata] = enclosure.metadata
    task: Task = client.with_options(admin_api_key="other").tasks.create(priority=3, labels=["omnivore", "new"])
    level: Priority = task.priority
    return star.name + str(level)


async def async_usage() -> Animal:
    async with AsyncZoo(admin_api_key="sk-admin") as client:
        await client.tasks.create(priority=2)
        return await client.enclosures.star("enc_1")
"""


def test_official_style_calls_type_check_under_mypy_strict(sdk_src: Path, tmp_path: Path) -> None:
    usage = tmp_path / "usage.py"
    usage.write_text(textwrap.dedent(USAGE), encoding="utf-8")
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from zoo_sdk import Zoo\n\nZoo().enclosures.create(resident={}, priority=7)\n", encoding="utf-8"
    )
    env = {**os.environ, "MYPYPATH": str(sdk_src)}
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / ".mypy")]
    checked = subprocess.run([*command, str(usage)], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # An integer outside the enum is refused: the checks are not vacuous.
    refused = subprocess.run([*command, str(bad)], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert refused.returncode == 1 and 'Literal[1, 2, 3]' in refused.stdout, refused.stdout


def test_the_package_is_black_stable_and_mypy_strict_clean(sdk_src: Path, tmp_path: Path) -> None:
    from generator.build import load_api
    from generator.formatting import format_python
    from generator.render import render_target
    from generator.targets.python import PythonTarget

    # Loaded with the python target's checks only: the other targets' are their own tests' business.
    python = PythonTarget()
    rendered = render_target(python, load_api(SPEC.relative_to(ROOT).as_posix(), {"python": python}))
    assert [p for p, text in rendered.items() if p.endswith(".py") and format_python(text) != text] == []
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / ".mypy"), str(sdk_src / "zoo_sdk")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


# ---------------------------------------------------------------- the docs adapter


def test_the_docs_show_plain_unions_and_aliases_and_an_admin_example_that_runs(
    sdk_src: Path, server: MockServer
) -> None:
    from generator.build import load_api
    from generator.ir import calls
    from generator.targets.python import PythonTarget
    from generator.targets.python.docs import Python

    api = load_api(SPEC.relative_to(ROOT).as_posix(), {"python": PythonTarget()})
    docs = Python()
    by_name = {f"{c.resources[-1].name}.{c.method.name}": c for c in calls(api)}
    fields = {f.name: f.type for f in docs.model_fields(api, "Enclosure")}
    assert fields["favorite"] == "Optional[Union[Cat, Parrot]]"  # no runtime Annotated in the docs
    assert fields["residents"] == "List[Animal]" and fields["metadata"] == "Optional[Metadata]"
    assert docs.signature(api, by_name["enclosures.star"]).returns == "Animal"
    assert [f.type for f in docs.parameters(by_name["enclosures.star"])] == ["str", "Literal[1, 2, 4]"]
    example = docs.example(api, by_name["tasks.create"])
    assert 'Zoo(admin_api_key="My API Key")' in example
    server.play([{"body": {"id": "task_1", "priority": 1}}])
    ran = subprocess.run(
        [sys.executable, "-c", example],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(sdk_src), "ZOO_BASE_URL": f"{server.url}/v1"},
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout == "task_1\n"
    (request,) = server.requests
    assert (request.path, request.headers["authorization"]) == ("/v1/admin/tasks", "Bearer My API Key")


# ---------------------------------------------------------------- aliases that lead back to a model

TREE_SPEC = """
format: 2
api:
  name: Trees
  title: Trees API
  version: 1.0.0
  base_url: https://trees.example.test
  auth: {type: bearer, env: TREES_API_KEY}
  packages:
    python: {name: trees, version: 1.0.0}
    ruby: {name: trees, version: 1.0.0}
    typescript: {name: trees, version: 1.0.0}
aliases:
  Tree:
    type: union
    discriminator: type
    variants: [{ref: Node}, {ref: Leaf}]
  Forest: {type: array, items: {ref: Tree}}
  Counts: {type: map, values: {type: integer}}
models:
  Node:
    properties:
      type: {type: const, value: node, required: true}
      children: {ref: Forest, required: true}
      first: {ref: Tree}
      counts: {ref: Counts}
  Leaf:
    properties:
      type: {type: const, value: leaf, required: true}
      value: {type: integer, required: true}
  SharedParams:
    properties:
      id: {type: string}
resources:
  trees:
    methods:
      get:
        http: GET /tree
        returns: {ref: Tree}
"""


def test_an_alias_leading_back_to_its_model_is_spelled_in_place(tmp_path: Path) -> None:
    """Node's fields name Tree and Forest, whose modules import Node: Node's module spells them in place
    (with Node as a forward reference) instead of importing them, and the package imports, type-checks
    and builds nested variants. A model named like the aliases' packages steps aside (`shared_params_`)."""
    spec = tmp_path / "trees.yaml"
    spec.write_text(TREE_SPEC, encoding="utf-8")
    src = generate_package(spec, tmp_path / "sdk")
    node = (src / "trees" / "types" / "node.py").read_text(encoding="utf-8")
    assert 'List[Annotated[Union["Node", Leaf], PropertyInfo(discriminator="type")]]' in node
    assert "from .shared.counts import Counts" in node and "shared.tree" not in node
    assert (src / "trees" / "types" / "shared_params_.py").exists()
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / ".mypy"), str(src / "trees")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    program = textwrap.dedent(
        """
        from trees._models import construct_type
        from trees.types import Leaf, Node, Tree
        tree = construct_type(Tree, {"type": "node", "children": [
            {"type": "leaf", "value": 1}, {"type": "node", "children": [], "first": {"type": "leaf", "value": 2}},
            {"type": "sapling"}]})
        assert isinstance(tree, Node)
        leaf, inner, unknown = tree.children
        assert isinstance(leaf, Leaf) and leaf.value == 1
        assert isinstance(inner, Node) and isinstance(inner.first, Leaf) and inner.first.value == 2
        assert unknown == {"type": "sapling"}
        print("ok")
        """
    )
    ran = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(src)}
    )
    assert (ran.returncode, ran.stdout) == (0, "ok\n"), ran.stderr
