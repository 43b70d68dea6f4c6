"""The generated Ruby gem, for the bundled spec and both fixture specs: it loads under `ruby -w`
without a warning, `rbs validate` accepts its signatures and they declare exactly the methods the
classes define, RuboCop passes with the committed config, and it builds and installs as a gem.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conformance.drivers.ruby import (
    RBS_LIBRARIES, ROOT, SPECS, library, rbs_command, render_gem, require_tool, run_ruby,
)


@pytest.fixture(scope="module", params=list(SPECS))
def gem(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_tool("ruby")
    return render_gem(request.param, tmp_path_factory.mktemp(f"gem-{request.param}"))


def test_every_file_loads_without_a_warning(gem: Path) -> None:
    name, _ = library(gem)
    source = (f"require {json.dumps(name)}\n"
              "Dir[File.join(ARGV[0], '**', '*.rb')].sort.each { |f| require f }\nputs :loaded\n")
    result = subprocess.run(["ruby", "-w", "-I", str(gem / "lib"), "-e", source, str(gem / "lib")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "loaded"
    assert result.stderr == ""


def test_rbs_validate_accepts_the_signatures(gem: Path) -> None:
    result = subprocess.run([*rbs_command(), *RBS_LIBRARIES, "-I", "sig", "validate"], cwd=gem,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, (result.stdout[-3000:], result.stderr[-3000:])


# Loads the gem and its RBS, then compares, for every class and module under the gem's module:
# that each one is declared, and that the public methods it defines (instance and singleton, aliases
# included; `initialize` is private) are exactly the ones its declarations list.
SIGNATURE_CHECK = r"""
require 'json'
require 'rbs'
require 'pathname'
library, module_name, sig_dir = ARGV
require library
root = Object.const_get(module_name)

loader = RBS::EnvironmentLoader.new
loader.add(path: Pathname(sig_dir))
env = RBS::Environment.from_loader(loader).resolve_type_names

declared = {}
env.class_decls.each do |type_name, entry|
  name = type_name.to_s.delete_prefix('::')
  next unless name == module_name || name.start_with?("#{module_name}::")

  members = entry.decls.flat_map { |d| d.decl.members }
  instance = []
  singleton = []
  members.each do |member|
    case member
    when RBS::AST::Members::MethodDefinition
      instance << member.name if member.kind != :singleton
      singleton << member.name if member.kind != :instance
    when RBS::AST::Members::AttrReader then instance << member.name
    when RBS::AST::Members::Alias then (member.kind == :singleton ? singleton : instance) << member.new_name
    end
  end
  declared[name] = {
    'instance' => instance.map(&:to_s).sort - ['initialize'],
    'singleton' => singleton.map(&:to_s).sort
  }
end

defined = {}
walk = lambda do |mod|
  defined[mod.name] = {
    'instance' => mod.public_instance_methods(false).map(&:to_s).sort,
    'singleton' => mod.singleton_methods(false).map(&:to_s).sort
  }
  mod.constants(false).sort.each do |const|
    value = mod.const_get(const, false)
    walk.call(value) if value.is_a?(Module) && value.name == "#{mod.name}::#{const}"
  end
end
walk.call(root)

problems = []
(defined.keys - declared.keys).each { |name| problems << "#{name}: defined, not declared in sig/" }
(declared.keys - defined.keys).each { |name| problems << "#{name}: declared in sig/, not defined" }
(defined.keys & declared.keys).each do |name|
  %w[instance singleton].each do |kind|
    missing = defined[name][kind] - declared[name][kind]
    extra = declared[name][kind] - defined[name][kind]
    problems << "#{name} #{kind} methods not declared: #{missing}" unless missing.empty?
    problems << "#{name} #{kind} methods declared, not defined: #{extra}" unless extra.empty?
  end
end
puts JSON.generate('classes' => defined.keys.sort, 'problems' => problems)
"""


def test_signatures_declare_exactly_the_methods_the_classes_define(gem: Path) -> None:
    name, module = library(gem)
    report = run_ruby(gem, SIGNATURE_CHECK, args=[name, module, str(gem / "sig")])
    assert report["problems"] == []
    # The walk reached the runtime, the models and the resources, not just the top module.
    assert f"{module}::Client" in report["classes"]
    assert f"{module}::Errors::RateLimitError" in report["classes"]
    assert any(c.startswith(f"{module}::Models::") for c in report["classes"])
    assert any(c.startswith(f"{module}::Resources::") for c in report["classes"])


def test_rubocop_passes_with_the_committed_config(gem: Path) -> None:
    require_tool("rubocop")
    assert (gem / ".rubocop.yml").is_file()
    # A UTF-8 locale, as the gem's .rubocop.yml asks: Lint/SymbolConversion follows Symbol#inspect,
    # which escapes every non-ASCII character under the C locale.
    result = subprocess.run(["rubocop", "--format", "simple", "--no-color", "--cache", "false"], cwd=gem,
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    assert result.returncode == 0, result.stdout[-5000:]
    assert "no offenses detected" in result.stdout


def test_committed_gem_is_what_the_generator_renders(tmp_path: Path) -> None:
    fresh = render_gem("openai", tmp_path)
    committed = ROOT / "generated" / "ruby"
    for path in sorted(p for p in fresh.rglob("*") if p.is_file()):
        relative = path.relative_to(fresh)
        assert (committed / relative).read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), relative


def test_the_gem_installs_as_its_readme_says_and_carries_a_license(tmp_path: Path) -> None:
    """The README's Installation commands, run as written in the gem's folder, build and install it
    (into a gem home of the test's own); the installed gem has its files and its license."""
    require_tool("ruby")
    require_tool("gem")
    source = render_gem("openai", tmp_path / "src")
    readme = (source / "README.md").read_text(encoding="utf-8")
    install = readme.split("## Installation", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    assert install == "gem build openai.gemspec\ngem install --local ./openai-0.1.0.gem\n"
    home = tmp_path / "gems"
    env = {"PATH": os.environ.get("PATH", ""), "GEM_HOME": str(home), "GEM_PATH": str(home), "HOME": str(tmp_path)}
    for line in install.splitlines():
        result = subprocess.run(line.split(), cwd=source, capture_output=True, text=True, timeout=120, env=env)
        assert result.returncode == 0, (line, result.stderr)
        assert "license" not in result.stderr, (line, result.stderr)  # `licenses is empty` without one
    listed = subprocess.run(["gem", "contents", "openai"], capture_output=True, text=True, timeout=60, env=env)
    files = listed.stdout.split()
    assert any(f.endswith("lib/openai.rb") for f in files)
    assert any(f.endswith("lib/openai/internal/cursor_page.rb") for f in files)
    assert any(f.endswith("sig/openai/models/batch.rbs") for f in files)
    assert any(f.endswith("README.md") for f in files)
    spec = subprocess.run(["gem", "specification", "openai", "license"], capture_output=True, text=True,
                          timeout=60, env=env)
    assert spec.stdout.strip() == "--- Apache-2.0"


def test_signature_check_reports_a_method_missing_from_sig(tmp_path: Path) -> None:
    """The comparison above has teeth: drop one declaration and it is reported."""
    require_tool("ruby")
    gem = render_gem("openai", tmp_path)
    sig = gem / "sig" / "openai" / "internal" / "base_model.rbs"
    sig.write_text(sig.read_text(encoding="utf-8").replace("      def hash: () -> Integer\n", ""), encoding="utf-8")
    report = run_ruby(gem, SIGNATURE_CHECK, args=["openai", "OpenAI", str(gem / "sig")])
    assert report["problems"] == ['OpenAI::Internal::BaseModel instance methods not declared: ["hash"]']


def test_yard_documents_every_class_method_and_constant(gem: Path, tmp_path: Path) -> None:
    require_tool("yard")
    # yard writes a .yardoc cache next to the sources; a copy keeps the rendered gem untouched.
    copy = tmp_path / "gem"
    shutil.copytree(gem, copy)
    result = subprocess.run(["yard", "stats", "--list-undoc", "--no-save", "--no-output"], cwd=copy,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "100.00% documented" in result.stdout, result.stdout
    assert "[warn]" not in result.stdout + result.stderr, result.stdout + result.stderr
