"""`gen changelog`: prepend a dated release section, built from `gen diff`, to each SDK's CHANGELOG.md.

Where: `<out>/<target>/CHANGELOG.md` (e.g. generated/python/CHANGELOG.md), at the root of each
SDK package so that it ships with it. The file is not in the target's `.gen-manifest`, so
`gen build` never rewrites or removes it: the changelog is history, owned by the release
pipeline, not output recomputed from the spec. `update` refuses to write a CHANGELOG.md that a
target does list in its manifest, since the next build would overwrite it.

The date is injectable so that output is reproducible: `--date YYYY-MM-DD`, else the
`SOURCE_DATE_EPOCH` environment variable (the reproducible-builds convention), else today (UTC).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from generator import writer
from generator.diff.model import Change, bump
from generator.diff.report import markdown_sections
from generator.ir import Api
from generator.targets import SDK_TARGETS


FILENAME = "CHANGELOG.md"
TITLE = "# Changelog"
_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$")


class ChangelogError(Exception):
    pass


def release_date(explicit: str | None = None, environ: Mapping[str, str] = os.environ) -> dt.date:
    if explicit:
        try:
            return dt.date.fromisoformat(explicit)
        except ValueError:
            raise ChangelogError(f"--date must be YYYY-MM-DD, not {explicit!r}") from None
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            raise ChangelogError(f"SOURCE_DATE_EPOCH must be seconds since the epoch, not {epoch!r}") from None
    return dt.datetime.now(dt.timezone.utc).date()


def bumped(version: str, kind: str) -> str:
    """`version` raised by a major/minor/patch bump.

    Before 1.0.0 a breaking change raises the minor number and anything else the patch number,
    as Cargo and npm's caret ranges read 0.x versions.
    """
    match = _SEMVER.match(version)
    if not match:
        raise ChangelogError(f"cannot bump {version!r}: not MAJOR.MINOR.PATCH; pass --version")
    major, minor, patch = (int(g) for g in match.groups())
    if major == 0 and kind in ("major", "minor"):
        kind = "minor" if kind == "major" else "patch"
    if kind == "major":
        return f"{major + 1}.0.0"
    if kind == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def release_version(target: str, old: Api, new: Api, changes: list[Change], explicit: str | None) -> str:
    """--version if given; else the new spec's package version if it was raised; else the old one bumped."""
    if explicit:
        if not _SEMVER.match(explicit):
            raise ChangelogError(f"--version must be MAJOR.MINOR.PATCH, not {explicit!r}")
        return explicit
    try:
        before, after = old.package(target).version, new.package(target).version
    except KeyError:
        raise ChangelogError(f"the spec declares no {target} package; pass --version") from None
    return after if after != before else bumped(before, bump(changes))


def section(version: str, day: dt.date, changes: list[Change]) -> str:
    lines = [f"## {version} ({day.isoformat()})", ""]
    lines += markdown_sections(changes, heading="###", with_locations=False)
    return "\n".join(lines).rstrip("\n") + "\n"


def prepend(existing: str | None, new_section: str, version: str) -> str:
    """The changelog with `new_section` above every other release; whatever precedes the first
    release (the title, an introduction) stays on top. A section for the same version is replaced,
    so that rerunning a release's pipeline does not repeat it."""
    text = existing or ""
    if text.startswith("## "):
        head, releases = "", text
    elif "\n## " in text:
        cut = text.index("\n## ") + 1
        head, releases = text[:cut], text[cut:]
    else:
        head, releases = text, ""
    if not head.strip():
        head = f"{TITLE}\n\n"
    elif not head.endswith("\n\n"):
        head = head.rstrip("\n") + "\n\n"
    if releases.startswith((f"## {version} ", f"## {version}\n")):
        following = releases.find("\n## ")
        releases = releases[following + 1:] if following >= 0 else ""
    return head + new_section + (f"\n{releases}" if releases.strip() else "")


@dataclass(frozen=True)
class Written:
    path: Path
    version: str


def update(out_dir: Path, targets: Sequence[str], old: Api, new: Api, changes: list[Change],
           version: str | None, day: dt.date) -> list[Written]:
    written = []
    for target in targets:
        root = out_dir / target
        if FILENAME in writer.read_manifest(root):
            raise ChangelogError(f"{root / FILENAME} is listed in {root / writer.MANIFEST}, so `gen build` "
                                 "would overwrite it; a target must not generate CHANGELOG.md")
        release = release_version(target, old, new, changes, version)
        path = root / FILENAME
        existing = path.read_text(encoding="utf-8") if path.exists() else None
        root.mkdir(parents=True, exist_ok=True)
        path.write_text(prepend(existing, section(release, day, changes), release), encoding="utf-8")
        written.append(Written(path, release))
    return written
