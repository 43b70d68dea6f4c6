"""One escape-or-refuse policy in every SDK target (generator/targets/collisions.py): two spec names that
meet in one scope are refused with E204 by each language on its own; a spec name that meets a
language's or runtime's name is escaped and builds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.build import load_api
from generator.diagnostics import SpecError
from generator.targets import SDK_TARGETS, all_targets
from generator.targets.listing import FILENAME
from snapshots import ROOT

BUNDLED = ROOT / "spec" / "openai.yaml"


def _spec_with_resource(tmp_path: Path, name: str) -> Path:
    """The bundled spec with its `batches` resource renamed."""
    spec = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    spec["resources"] = {name: spec["resources"]["batches"]}
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("target", SDK_TARGETS)
def test_a_resource_named_like_a_client_option_is_refused_by_every_language(tmp_path: Path, target: str) -> None:
    path = _spec_with_resource(tmp_path, "organization")  # the bundled spec's client option
    with pytest.raises(SpecError) as caught:
        load_api(path, {target: all_targets()[target]})
    report = caught.value.render()
    assert "E204" in report and "organization" in report and target in report


#: How each SDK's api-surface.txt lists the client's reader of a top-level resource `timeout`, escaped
#: because every client has a `timeout` of its own.
ESCAPED_READER = {
    "python": "openai.OpenAI.timeout_: openai.resources.Timeout",
    "ruby": "OpenAI::Client#timeout_: ::OpenAI::Resources::Timeout",
    "typescript": "OpenAI.timeout_: Timeout",
}


@pytest.mark.parametrize("target", SDK_TARGETS)
def test_a_resource_named_like_a_client_member_is_escaped_by_every_language(tmp_path: Path, target: str) -> None:
    sdk = all_targets()[target]
    api = load_api(_spec_with_resource(tmp_path, "timeout"), {target: sdk})
    surface = next(f.text for f in sdk.files(api) if f.path == FILENAME) or ""
    assert ESCAPED_READER[target] in surface.splitlines()
