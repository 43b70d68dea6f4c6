"""Every file the ruby target generates, for the bundled spec and each fixture spec, locked by a snapshot."""

from __future__ import annotations


import pytest

from snapshots import TextFileSnapshot, generated, snapshot_cases, spec_by_stem


@pytest.mark.parametrize(("spec", "path"), snapshot_cases("ruby"), ids=lambda value: value.replace("/", "."))
def test_generated_file(spec: str, path: str, snapshot) -> None:
    assert generated(spec_by_stem(spec), "ruby")[path] == snapshot(extension_class=TextFileSnapshot)
