"""Unions, integer enums, aliases and a second auth scheme through the generated TypeScript SDK.

The zoo fixture (tests/specs/fixtures/zoo_unions.yaml) has every construct: a discriminated union of
models (`Animal`: `Cat | Parrot` by `kind`), an open enum (`Diet`), scalar/array unions (`keeper`), integer
enums (`Priority`, `lives`, the `size` query parameter), the `Metadata` alias, and `tasks.create`, which
sends the admin key (`adminAPIKey`, ZOO_ADMIN_KEY) instead of the API key. The package is generated
from it, compiled, and run on Node against the loopback mock server; the calls are written as a user of
openai-node writes them. Type tests compile official-style code (and misuses, which must fail) with tsc
strict against the same build.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from conformance.drivers import node
from conformance.mock_server import MockServer, RecordedRequest
from generator.build import generate, load_api
from generator.diagnostics import SpecError
from generator.targets.typescript import TypeScriptTarget
from generator.targets.typescript.names import auth_option_name, binding, client_option_name, method_name

ROOT = Path(__file__).resolve().parents[1]
ZOO = ROOT / "tests" / "specs" / "fixtures" / "zoo_unions.yaml"
API_KEY = "zoo-api-key"
ADMIN_KEY = "zoo-admin-key"

CAT = {"kind": "cat", "name": "Tom", "lives": 9, "diet": "insectivore"}  # a diet the enum does not know
PARROT = {"kind": "parrot", "name": "Polly", "words": ["hello", "cracker"]}
DRAGON = {"kind": "dragon", "name": "Smaug", "hoard": 1000}  # a variant the SDK does not know
ENCLOSURE = {"id": "enc_1", "object": "enclosure", "residents": [CAT, PARROT, DRAGON], "keeper": "ann",
             "favorite": PARROT, "capacity": 12, "priority": 2, "metadata": {"zone": "north"}}
SHIFT = {**ENCLOSURE, "id": "enc_2", "keeper": ["ann", "bob"], "capacity": "medium", "favorite": None,
         "metadata": None}
TASK = {"id": "task_1", "priority": 1, "labels": ["herbivore", "fruitarian"]}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    node.ensure_toolchain()
    root = tmp_path_factory.mktemp("ts-unions")
    package = node.generate_package(ZOO, root / "generated")
    return node.build_package(root / "build", package)


def env(server: MockServer, **keys: str) -> dict[str, str]:
    return {"ZOO_BASE_URL": server.url + "/v1", **keys}


def path_and_query(request: RecordedRequest) -> tuple[str, dict[str, str]]:
    parts = urlsplit(request.path)
    return parts.path, dict(parse_qsl(parts.query))


# ---------------------------------------------------------------- responses and requests

RESPONSES_SCRIPT = r"""
import Zoo from 'zoo-sdk';

const client = new Zoo();
const out = {};

// A discriminated union in an array, and nullable in a field: the objects as sent, narrowed by `kind`.
const enclosure = await client.enclosures.retrieve('enc_1');
out.residents = enclosure.residents;
out.kinds = enclosure.residents.map((animal) => {
  switch (animal.kind) {
    case 'cat':
      return `cat with ${animal.lives} lives`;
    case 'parrot':
      return `parrot saying ${animal.words.join(' ')}`;
    default:
      return `unknown ${animal.kind}`;
  }
});
out.favorite = enclosure.favorite;
out.keeper = enclosure.keeper;
out.capacity = enclosure.capacity;
out.priority = enclosure.priority;
out.metadata = enclosure.metadata;
out.requestID = enclosure._request_id;

const shift = await client.enclosures.retrieve('enc_2');
out.shift = { keeper: shift.keeper, capacity: shift.capacity, favorite: shift.favorite, metadata: shift.metadata };

// A method returning the union itself: each variant, an unknown one, and a value no variant fits.
out.stars = [];
for (const size of [1, 2, 4, undefined]) {
  const star = await client.enclosures.star('enc_1', size === undefined ? undefined : { size });
  out.stars.push(star);
}
out.starIsCat = out.stars[0].kind === 'cat' && out.stars[0].lives === 9;

// Requests: a union member, the array form of `keeper`, an unknown diet, an integer enum, the alias.
const created = await client.enclosures.create({
  resident: { kind: 'parrot', name: 'Polly', words: ['hi'] },
  keeper: ['ann', 'bob'],
  diet: 'fruitarian',
  priority: 3,
  metadata: { zone: 'north' },
});
out.created = created.id;
await client.enclosures.create({ resident: { kind: 'cat', name: 'Tom', lives: 1 }, keeper: 'ann', metadata: null });

// The admin method: the admin key, from ZOO_ADMIN_KEY; kept by withOptions.
const task = await client.tasks.create({ priority: 1, labels: ['herbivore', 'fruitarian'] });
out.task = task;
await client.withOptions({ timeout: 5000 }).tasks.create({ priority: 2 });
await client.withOptions({ adminAPIKey: 'other-admin-key' }).tasks.create({ priority: 3 });

process.stdout.write(JSON.stringify(out) + '\n');
"""


@pytest.fixture(scope="module")
def responses_run(app: Path) -> tuple[dict[str, Any], list[RecordedRequest]]:
    answers = [{"status": 200, "body": ENCLOSURE, "headers": {"x-request-id": "req_1"}},
               {"status": 200, "body": SHIFT},
               {"status": 200, "body": CAT}, {"status": 200, "body": PARROT}, {"status": 200, "body": DRAGON},
               {"status": 200, "body": "a star without a kind"},
               {"status": 200, "body": ENCLOSURE}, {"status": 200, "body": SHIFT},
               {"status": 200, "body": TASK}, {"status": 200, "body": TASK}, {"status": 200, "body": TASK}]
    with MockServer() as server:
        server.play(answers)
        out = node.run_script(app, "responses.mjs", RESPONSES_SCRIPT,
                              env=env(server, ZOO_API_KEY=API_KEY, ZOO_ADMIN_KEY=ADMIN_KEY))
        return out, server.requests


def test_a_discriminated_union_is_each_variant_as_sent(responses_run: tuple[dict[str, Any], list[Any]]) -> None:
    out, _ = responses_run
    assert out["residents"] == [CAT, PARROT, DRAGON]  # the unknown `dragon` kept, whole
    assert out["kinds"] == ["cat with 9 lives", "parrot saying hello cracker", "unknown dragon"]
    assert out["favorite"] == PARROT
    assert out["shift"]["favorite"] is None
    assert out["requestID"] == "req_1"


def test_a_method_returning_a_union_gives_every_variant_and_keeps_the_rest(
        responses_run: tuple[dict[str, Any], list[Any]]) -> None:
    out, requests = responses_run
    assert out["stars"] == [CAT, PARROT, DRAGON, "a star without a kind"]
    assert out["starIsCat"] is True
    stars = [path_and_query(r) for r in requests[2:6]]
    assert stars == [("/v1/enclosures/enc_1/star", {"size": "1"}), ("/v1/enclosures/enc_1/star", {"size": "2"}),
                     ("/v1/enclosures/enc_1/star", {"size": "4"}), ("/v1/enclosures/enc_1/star", {})]


def test_open_enums_scalar_array_unions_integer_enums_and_the_alias_are_kept(
        responses_run: tuple[dict[str, Any], list[Any]]) -> None:
    out, _ = responses_run
    assert out["residents"][0]["diet"] == "insectivore"  # not one of herbivore, carnivore, omnivore
    assert out["keeper"] == "ann" and out["shift"]["keeper"] == ["ann", "bob"]
    assert out["capacity"] == 12 and out["shift"]["capacity"] == "medium"  # fits no variant: kept
    assert out["priority"] == 2
    assert out["metadata"] == {"zone": "north"} and out["shift"]["metadata"] is None
    assert out["task"] == TASK


def test_union_alias_and_integer_enum_parameters_are_sent_as_given(
        responses_run: tuple[dict[str, Any], list[Any]]) -> None:
    _, requests = responses_run
    create, create_cat = requests[6], requests[7]
    assert (create.method, path_and_query(create)) == ("POST", ("/v1/enclosures", {}))
    # JSON.stringify of the params, in their order, as openai-node sends them.
    assert create.body == (b'{"resident":{"kind":"parrot","name":"Polly","words":["hi"]},"keeper":["ann","bob"],'
                           b'"diet":"fruitarian","priority":3,"metadata":{"zone":"north"}}')
    assert create_cat.json() == {"resident": {"kind": "cat", "name": "Tom", "lives": 1}, "keeper": "ann",
                                 "metadata": None}
    assert requests[8].json() == {"priority": 1, "labels": ["herbivore", "fruitarian"]}


def test_the_admin_method_sends_the_admin_key_and_the_others_the_api_key(
        responses_run: tuple[dict[str, Any], list[Any]]) -> None:
    _, requests = responses_run
    assert len(requests) == 11
    for request in requests[:8]:
        assert request.headers["authorization"] == f"Bearer {API_KEY}"
    assert [(r.method, urlsplit(r.path).path) for r in requests[8:]] == [("POST", "/v1/admin/tasks")] * 3
    assert requests[8].headers["authorization"] == f"Bearer {ADMIN_KEY}"
    assert requests[9].headers["authorization"] == f"Bearer {ADMIN_KEY}"  # withOptions keeps it
    assert requests[10].headers["authorization"] == "Bearer other-admin-key"
    assert all(API_KEY not in str(r.headers) for r in requests[8:])


# ---------------------------------------------------------------- credentials

CREDENTIALS_SCRIPT = r"""
import Zoo, { ZooError } from 'zoo-sdk';

const out = {};
async function outcome(promise) {
  try {
    await promise;
    return 'sent';
  } catch (err) {
    return { error: err.constructor.name, isZooError: err instanceof ZooError, message: err.message };
  }
}

// No key at all: the client cannot be built; the message lists every option and variable.
try {
  new Zoo();
  out.noKey = 'built';
} catch (err) {
  out.noKey = { error: err.constructor.name, message: err.message };
}

// The API key only: the admin method fails before sending, naming its option and variable.
const user = new Zoo({ apiKey: 'zoo-api-key' });
out.adminWithoutKey = await outcome(user.tasks.create({ priority: 1 }));
out.adminWithEmptyKey = await outcome(new Zoo({ apiKey: 'zoo-api-key', adminAPIKey: '' }).tasks.create({ priority: 1 }));
out.userAdminKey = user.adminAPIKey;

// The admin key only: a client can be built; the admin method works, the others fail before sending.
const admin = new Zoo({ adminAPIKey: 'zoo-admin-key' });
out.adminAPIKey = admin.adminAPIKey;
out.adminMethod = await outcome(admin.tasks.create({ priority: 2 }));
out.userMethod = await outcome(admin.enclosures.retrieve('enc_1'));
// An explicit Authorization header stands for the missing key, as in openai-node.
out.explicitHeader = await outcome(
  admin.enclosures.retrieve('enc_1', { headers: { Authorization: 'Bearer from-a-header' } }),
);
// withOptions keeps the admin key, and can add the API key.
out.copyAdmin = await outcome(admin.withOptions({ maxRetries: 0 }).tasks.create({ priority: 3 }));
out.copyUser = await outcome(admin.withOptions({ apiKey: 'zoo-api-key' }).enclosures.retrieve('enc_1'));

process.stdout.write(JSON.stringify(out) + '\n');
"""


@pytest.fixture(scope="module")
def credentials_run(app: Path) -> tuple[dict[str, Any], list[RecordedRequest]]:
    with MockServer() as server:
        server.play([{"status": 200, "body": TASK}, {"status": 200, "body": ENCLOSURE},
                     {"status": 200, "body": TASK}, {"status": 200, "body": ENCLOSURE}])
        out = node.run_script(app, "credentials.mjs", CREDENTIALS_SCRIPT, env=env(server))
        return out, server.requests


def test_a_client_needs_one_credential_and_says_which_it_takes(
        credentials_run: tuple[dict[str, Any], list[Any]]) -> None:
    out, _ = credentials_run
    assert out["noKey"]["error"] == "ZooError"
    message = out["noKey"]["message"]
    assert all(word in message for word in ("apiKey", "adminAPIKey", "ZOO_API_KEY", "ZOO_ADMIN_KEY")), message
    assert out["adminAPIKey"] == "zoo-admin-key" and out["userAdminKey"] is None


def test_a_missing_admin_key_fails_before_any_request(credentials_run: tuple[dict[str, Any], list[Any]]) -> None:
    out, requests = credentials_run
    for failed in (out["adminWithoutKey"], out["adminWithEmptyKey"]):
        assert failed["isZooError"] is True
        assert "`adminAPIKey`" in failed["message"] and "ZOO_ADMIN_KEY" in failed["message"], failed
    assert out["userMethod"]["isZooError"] is True
    assert "`apiKey`" in out["userMethod"]["message"] and "ZOO_API_KEY" in out["userMethod"]["message"]
    # Only the four calls that had their key reached the server.
    assert [(r.method, urlsplit(r.path).path, r.headers["authorization"]) for r in requests] == [
        ("POST", "/v1/admin/tasks", f"Bearer {ADMIN_KEY}"),
        ("GET", "/v1/enclosures/enc_1", "Bearer from-a-header"),
        ("POST", "/v1/admin/tasks", f"Bearer {ADMIN_KEY}"),
        ("GET", "/v1/enclosures/enc_1", f"Bearer {API_KEY}"),
    ]
    assert [out[k] for k in ("adminMethod", "explicitHeader", "copyAdmin", "copyUser")] == ["sent"] * 4


# ---------------------------------------------------------------- static types

CONSUMER_TSCONFIG = {
    "compilerOptions": {
        "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext", "lib": ["ES2022", "DOM"],
        "strict": True, "noUncheckedIndexedAccess": True, "exactOptionalPropertyTypes": True,
        "noEmit": True, "types": [],
    },
    "include": ["*.ts"],
}

TYPE_TEST = r"""
import Zoo, { type Metadata, type Animal } from 'zoo-sdk';
import type { Diet, Priority, Metadata as SharedMetadata } from 'zoo-sdk/resources/shared';
import type { Cat, Enclosure, EnclosureCreateParams, Parrot } from 'zoo-sdk/resources/enclosures';
import type { TaskCreateParams } from 'zoo-sdk/resources/tasks';

const client = new Zoo({ adminAPIKey: 'zoo-admin-key' });
new Zoo({ apiKey: 'k', adminAPIKey: null });

function describe(animal: Animal): string {
  switch (animal.kind) {
    case 'cat':
      return `${animal.name} has ${animal.lives} lives`;
    case 'parrot':
      return animal.words.join(' ');
  }
}

async function main(): Promise<void> {
  const star: Zoo.Animal = await client.enclosures.star('enc_1', { size: 4 });
  describe(star);
  if (star.kind === 'parrot') {
    const words: Array<string> = star.words;
    words.push('hi');
  }
  // @ts-expect-error: a parrot has no lives, and `star` may be one
  star.lives;

  const enclosure: Enclosure = await client.enclosures.retrieve('enc_1');
  const keeper: string | Array<string> | undefined = enclosure.keeper;
  const favorite: Cat | Parrot | null | undefined = enclosure.favorite;
  const metadata: Metadata | null | undefined = enclosure.metadata;
  const same: SharedMetadata | null | undefined = metadata;
  const priority: Priority | undefined = enclosure.priority;
  const capacity: number | 'small' | 'large' | undefined = enclosure.capacity;
  console.log(keeper, favorite, same, priority, capacity);

  const params: EnclosureCreateParams = {
    resident: { kind: 'cat', name: 'Tom', lives: 9, diet: 'fruitarian' },
    keeper: ['ann', 'bob'],
    diet: 'herbivore',
    priority: 3,
    metadata: { zone: 'north' },
  };
  await client.enclosures.create(params);
  await client.enclosures.create({ resident: { kind: 'parrot', name: 'Polly', words: [] }, keeper: 'ann', metadata: null });
  const diets: Array<Diet> = ['omnivore', 'a diet added later'];
  const task: TaskCreateParams = { priority: 1, labels: diets };
  await client.tasks.create(task);
  const metadataForAll: Zoo.Metadata = { zone: 'south' };
  console.log(metadataForAll);

  // @ts-expect-error: 4 is no priority
  await client.tasks.create({ priority: 4 });
  // @ts-expect-error: a cat has lives
  await client.enclosures.create({ resident: { kind: 'cat', name: 'Tom' } });
  // @ts-expect-error: a cat has at most 9 lives
  await client.enclosures.create({ resident: { kind: 'cat', name: 'Tom', lives: 10 } });
  // @ts-expect-error: no dragons
  await client.enclosures.create({ resident: { kind: 'dragon', name: 'Smaug' } });
  // @ts-expect-error: photo sizes are 1, 2 and 4
  await client.enclosures.star('enc_1', { size: 3 });
  // @ts-expect-error: metadata values are strings
  await client.enclosures.create({ resident: star, metadata: { zone: 1 } });
  // @ts-expect-error: a keeper is a name or names
  await client.enclosures.create({ resident: star, keeper: 7 });
  // @ts-expect-error: the admin key is a string
  new Zoo({ adminAPIKey: 42 });
}

const kept: Zoo = client.withOptions({ adminAPIKey: 'another' });
console.log(kept.adminAPIKey, main);
"""


def compile_in(app: Path, name: str, source: str) -> subprocess.CompletedProcess[str]:
    folder = app / f"types-{name}"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.ts").write_text(source, encoding="utf-8")
    (folder / "tsconfig.json").write_text(json.dumps(CONSUMER_TSCONFIG), encoding="utf-8")
    (folder / "package.json").write_text('{"private": true, "type": "module"}\n', encoding="utf-8")
    return subprocess.run([node.tool("tsc"), "-p", str(folder / "tsconfig.json")], cwd=folder,
                          capture_output=True, text=True)


def test_official_style_code_type_checks_and_misuses_do_not(app: Path) -> None:
    assert TYPE_TEST.count("@ts-expect-error") == 9
    result = compile_in(app, "zoo", TYPE_TEST)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_control_a_wrong_variant_field_fails_to_compile(app: Path) -> None:
    # Without the directive, reading a cat's field off the union is an error tsc reports: the union is
    # not `any`, and the directives above are not satisfied by something unrelated.
    result = compile_in(app, "wrong", "import Zoo from 'zoo-sdk';\n"
                                      "const star = await new Zoo().enclosures.star('e');\n"
                                      "console.log(star.lives);\nexport {};\n")
    assert result.returncode != 0
    assert "wrong.ts(3," in result.stdout and "TS2339" in result.stdout, result.stdout


OPENAI_TYPE_TEST = r"""
import OpenAI from 'openai';
import type { Metadata } from 'openai/resources/shared';
import type { Batch, BatchCreateParams } from 'openai/resources/batches';

const client = new OpenAI();
const metadata: Metadata = { customer_id: 'user_123456789' };
const params: BatchCreateParams = {
  input_file_id: 'file-abc123',
  endpoint: '/v1/chat/completions',
  completion_window: '24h',
  metadata,
};
const batch: Batch = await client.batches.create(params);
const again: OpenAI.Metadata | null | undefined = batch.metadata;
console.log(again);
// @ts-expect-error: metadata values are strings
const wrong: Metadata = { customer_id: 1 };
console.log(wrong);
export {};
"""


def test_the_bundled_spec_declares_metadata_once_as_openai_node_does(tmp_path_factory: pytest.TempPathFactory) -> None:
    node.ensure_toolchain()
    root = tmp_path_factory.mktemp("ts-openai-shared")
    package = node.generate_package(ROOT / "spec" / "openai.yaml", root / "generated")
    shared = (package / "src" / "resources" / "shared.ts").read_text(encoding="utf-8")
    assert "export type Metadata = { [key: string]: string };" in shared
    batches = (package / "src" / "resources" / "batches.ts").read_text(encoding="utf-8")
    assert "import type * as Shared from './shared.js';" in batches
    assert batches.count("metadata?: Shared.Metadata | null;") == 2  # Batch and BatchCreateParams
    assert "[key: string]" not in batches
    exports = json.loads((package / "package.json").read_text(encoding="utf-8"))["exports"]
    assert "./resources/shared" in exports
    app = node.build_package(root / "build", package, cjs=True)
    result = compile_in(app, "openai", OPENAI_TYPE_TEST)
    assert result.returncode == 0, result.stdout + result.stderr


# ---------------------------------------------------------------- names and checks


def test_api_id_and_url_are_upper_case_after_the_first_word_as_openai_node_writes_them() -> None:
    assert auth_option_name("admin_api_key") == "adminAPIKey"  # openai-node's ClientOptions.adminAPIKey
    assert client_option_name("api_version") == "apiVersion"  # first, a word like any other
    assert client_option_name("base_url") == "baseURL_"  # the client's own `baseURL`: escaped, never merged
    assert binding("batch_id") == "batchID" and binding("user_id_prefix") == "userIDPrefix"
    assert binding("id") == "id" and binding("idempotency_key") == "idempotencyKey"
    assert method_name("list_api_keys") == "listAPIKeys"


def zoo_with(tmp_path: Path, old: str, new: str) -> Path:
    text = ZOO.read_text(encoding="utf-8")
    assert old in text
    spec = tmp_path / "zoo.yaml"
    spec.write_text(text.replace(old, new, 1), encoding="utf-8")
    return spec


def typescript_problems(spec: Path) -> list[str]:
    with pytest.raises(SpecError) as err:
        load_api(spec, {"typescript": TypeScriptTarget()})
    return [f"{d.code} {d.message}" for d in err.value.diagnostics]


def test_a_resource_named_shared_would_take_the_module_of_the_aliases(tmp_path: Path) -> None:
    spec = zoo_with(tmp_path, "  tasks:\n", "  shared:\n    methods:\n      list: {http: GET /shared}\n  tasks:\n")
    assert any(p.startswith("E204 resource `shared` becomes the module `resources/shared`")
               for p in typescript_problems(spec))


def test_an_alias_named_like_a_model_of_the_package_is_refused_or_escaped(tmp_path: Path) -> None:
    # `Shared` is the namespace of the aliases: an alias (or model) of that name is escaped, like `Object`.
    spec = tmp_path / "zoo.yaml"
    text = ZOO.read_text(encoding="utf-8").replace("  Diet:\n", "  Shared:\n").replace("ref: Diet", "ref: Shared")
    spec.write_text(text, encoding="utf-8")
    files = generate(load_api(spec, {"typescript": TypeScriptTarget()}), ("typescript",))
    assert "export type Shared_ = (string & {}) | 'herbivore' | 'carnivore' | 'omnivore';" in \
        files["typescript/src/resources/shared.ts"]
    assert "  diet?: Shared.Shared_;" in files["typescript/src/resources/enclosures.ts"]


def test_a_scheme_and_a_client_option_that_become_one_name_are_refused(tmp_path: Path) -> None:
    # Different spec names (the validator refuses equal ones), one TypeScript name.
    spec = zoo_with(tmp_path, "  auth_schemes:\n", "  client_options:\n    - {name: admin_a_p_i_key, header: X-Admin}\n"
                    "  auth_schemes:\n")
    problems = typescript_problems(spec)
    assert any(p.startswith("E204 ") and "`adminAPIKey`" in p for p in problems), problems


# Aliases of aliases, a shared model (used by no method) that mentions aliases, and unions too long for
# one line, in every place a type goes: prettier must find them laid out as it lays them out.
LONG = ("{type: enum, values: [aaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, "
        "cccccccccccccccccccccccccccccc, ddddddddddddddddd]}")
MORE_ALIASES = f"""  Labels:
    description: Many diets.
    type: array
    items: {{ref: Diet}}
  Tags:
    type: map
    values: {{type: union, variants: [{{type: string}}, {LONG}]}}
  Long:
    type: union
    variants: [{{type: integer}}, {LONG}]
  Shift:
    type: union
    variants: [{{type: string}}, {{type: array, items: {LONG}}}]
models:
  Orphan:
    description: Used by no method.
    properties:
      labels: {{ref: Labels}}
      tags: {{ref: Tags, nullable: true}}
      pet: {{ref: Animal}}
      many: {{type: array, items: {{type: union, variants: [{{type: integer}}, {LONG}]}}}}
      long: {{ref: Long}}
      either: {{type: union, variants: [{{type: string}}, {{type: array, items: {LONG}}}], nullable: true}}
      shift: {{ref: Shift}}
"""


def test_long_unions_and_aliases_of_aliases_compile_and_are_laid_out_as_prettier_does(tmp_path: Path) -> None:
    node.ensure_toolchain()
    spec = zoo_with(tmp_path, "models:\n", MORE_ALIASES)
    package = node.generate_package(spec, tmp_path / "generated")
    shared = (package / "src" / "resources" / "shared.ts").read_text(encoding="utf-8")
    assert shared.startswith("import type * as Shared from './shared.js';\n")  # Labels names Shared.Diet
    assert "export type Labels = Array<Shared.Diet>;" in shared
    assert "  labels?: Shared.Labels;" in shared
    result = subprocess.run([node.tool("prettier"), "--check", "."], cwd=package, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    node.build_package(tmp_path / "build", package)  # tsc strict, or CalledProcessError
