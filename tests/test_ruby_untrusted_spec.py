"""Spec text is untrusted: descriptions, enum values, constants and names full of Ruby syntax
(quotes, `#{}`, `=begin`, `__END__`, keywords, line breaks) must not leave the string, Symbol or
comment they are rendered into. The gem of such a spec still loads under `ruby -w`, its signatures
validate, and every hostile value reads back exactly as the spec wrote it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

from conformance.drivers.ruby import RBS_LIBRARIES, rbs_command, require_tool, run_ruby

HOSTILE_ENUM = ["it's", "a b", "#{exit 1}", "9lives", "UPPER", 'with"quote', "ünï", "end", "", "x\ny", "#@ivar"]
HOSTILE_TEXT = "Line one\n=begin\n#{exit 1}\n__END__\n*/ ''' \"\"\" `rm -rf` \\ \u2028 end"

SPEC = {
    "format": 1,
    "api": {
        "name": "Evil", "title": "Evil API'\"#{`id`}", "version": "1", "description": HOSTILE_TEXT,
        "base_url": "https://evil.example.test/v1'#{x}", "auth": {"type": "bearer", "env": "EVIL_KEY"},
        "timeout": 5, "max_retries": 1,
        "packages": {t: {"name": "evil", "version": "0.0.1"} for t in ("python", "ruby", "typescript")},
    },
    "models": {
        "Thing": {
            "description": HOSTILE_TEXT,
            "properties": {
                "id": {"type": "string", "required": True, "description": HOSTILE_TEXT},
                "end": {"type": "string", "description": "a Ruby keyword"},
                "hash": {"type": "integer", "description": "shadows Object#hash"},
                "request_id": {"type": "string", "description": "shadows the model's request_id"},
                "mood": {"type": "enum", "values": HOSTILE_ENUM, "description": HOSTILE_TEXT},
                "label": {"type": "const", "value": "x'#{y}"},
            },
        },
    },
    "resources": {
        "things": {
            "description": HOSTILE_TEXT,
            "methods": {
                "get": {
                    "summary": "Get'\"#{1}", "description": HOSTILE_TEXT, "http": "GET /things/{thing_id}",
                    "params": {
                        "thing_id": {"in": "path", "type": "string", "description": HOSTILE_TEXT},
                        "class": {"in": "query", "type": "string", "description": "a Ruby keyword"},
                    },
                    "returns": {"ref": "Thing"},
                },
            },
        },
    },
}

READ_BACK = r"""
require 'json'
require 'evil'
thing = Evil::Thing.new(id: 'x', end: 'e', hash: 3, request_id: 'r', label: ARGV[0])
puts JSON.generate(
  'values' => Evil::Thing::Mood.values.map(&:to_s),
  'label' => thing.label.to_s,
  'readers' => [thing.end_, thing.hash_, thing.request_id_],
  'base_url' => Evil::Client::DEFAULT_BASE_URL,
  'known' => Evil::Thing::Mood.values.map { |value| Evil::Thing::Mood.coerce(value.to_s) == value }.all?
)
"""


def test_hostile_spec_renders_a_gem_that_loads_and_reads_back(tmp_path: Path) -> None:
    require_tool("ruby")
    from generator.build import generate, load_api

    spec = tmp_path / "evil.yaml"
    spec.write_text(yaml.safe_dump(SPEC, allow_unicode=True), encoding="utf-8")
    gem = tmp_path / "gem"
    for key, text in generate(load_api(spec), ("ruby",)).items():
        path = gem / key.split("/", 1)[1]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    loaded = subprocess.run(
        ["ruby", "-w", "-I", str(gem / "lib"), "-e",
         "require 'evil'; Dir[File.join(ARGV[0], 'lib', '**', '*.rb')].sort.each { |f| require f }; puts :ok",
         str(gem)], capture_output=True, text=True, timeout=60)
    assert (loaded.returncode, loaded.stdout.strip(), loaded.stderr) == (0, "ok", "")

    checks = run_ruby(gem, READ_BACK, args=["x'#{y}"])
    assert checks["values"] == HOSTILE_ENUM
    assert checks["label"] == "x'#{y}"
    assert checks["readers"] == ["e", 3, "r"]
    assert checks["base_url"] == SPEC["api"]["base_url"]
    assert checks["known"] is True

    validated = subprocess.run([*rbs_command(), *RBS_LIBRARIES, "-I", "sig", "validate"], cwd=gem,
                               capture_output=True, text=True, timeout=120)
    assert validated.returncode == 0, validated.stderr[-3000:]
    # Every comment line of the model starts with `#`: the description's line breaks stayed inside it.
    model = (gem / "lib" / "evil" / "models" / "thing.rb").read_text(encoding="utf-8")
    assert "\n=begin" not in model and "\n__END__" not in model
