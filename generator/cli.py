"""The `gen` command line."""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Sequence

from generator.diagnostics import SpecError
from generator.targets import SDK_TARGETS, TARGET_NAMES

DEFAULT_SPEC = "spec/openai.yaml"
DEFAULT_OUT = "generated"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args))
    except SpecError as exc:
        print(exc.render(), file=sys.stderr)
        count = len(exc.diagnostics)
        print(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # last resort: a bug of ours must show one line, not a traceback (exit 3)
        if os.environ.get("GEN_TRACEBACK"):
            raise
        detail = " ".join(f"{type(exc).__name__}: {exc}".split()).rstrip(":")
        print(f"gen: internal error: {detail}; please report it with the spec that caused it "
              "(GEN_TRACEBACK=1 shows the traceback)", file=sys.stderr)
        return 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gen", description="Generate API client SDKs and docs from a YAML spec.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = sub.add_parser("build", help="render SDKs and docs from a spec",
                           description="Render the chosen targets into the output folder, writing only files "
                                       "that changed and removing files the generator made earlier but no "
                                       "longer produces.")
    build.add_argument("--spec", default=DEFAULT_SPEC, help=f"spec file (default: {DEFAULT_SPEC})")
    build.add_argument("--out", default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT})")
    build.add_argument("--target", action="append", choices=TARGET_NAMES, metavar="NAME",
                       help=f"render only this target; repeatable ({', '.join(TARGET_NAMES)}; default: all)")
    build.add_argument("--check", action="store_true",
                       help="write nothing; exit 1 if the output folder differs from what the spec produces")
    _verbosity(build)
    build.set_defaults(run=_build)

    validate = sub.add_parser("validate", help="check a spec and report every problem",
                              description="Check a spec without writing anything. Exit 0 when valid, 2 if not.")
    validate.add_argument("--spec", default=DEFAULT_SPEC, help=f"spec file (default: {DEFAULT_SPEC})")
    _verbosity(validate)
    validate.set_defaults(run=_validate)
    _add_release_commands(sub)
    _add_import_command(sub)
    return parser


def _verbosity(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    group.add_argument("-v", "--verbose", action="store_true", help="list every file and the time of each stage")


def _build(args: argparse.Namespace) -> int:
    from generator.build_stamp import BuildStamp
    from generator.writer import Plan

    start = time.perf_counter()
    targets = tuple(dict.fromkeys(args.target)) if args.target else TARGET_NAMES
    # Nothing changed since the last build: known without importing the pipeline (build_stamp.py).
    unchanged = BuildStamp(args.spec, args.out, targets).unchanged_files()
    stages = {"up-to-date check": time.perf_counter() - start}
    if unchanged is not None:
        result = Plan(unchanged=unchanged)
    else:
        from generator.build import Timings, build

        timings = Timings(stages)
        result = build(args.spec, args.out, targets, check=args.check, timings=timings)
    elapsed = time.perf_counter() - start
    if args.check:
        for rel in result.written:
            state = "missing" if rel in result.missing else "differs"
            print(f"{state}: {args.out}/{rel}")
        for rel in result.removed:
            print(f"extra: {args.out}/{rel} (no longer produced by the spec)")
        if not args.quiet:
            verdict = "up to date" if result.clean else "out of date: run `gen build`"
            print(f"{args.out}: {verdict} ({len(result.unchanged)} files checked, {elapsed:.2f}s)")
        return 0 if result.clean else 1
    if args.verbose:
        for rel in result.written:
            print(f"wrote   {args.out}/{rel}")
        for rel in result.removed:
            print(f"removed {args.out}/{rel}")
        for stage, seconds in stages.items():
            print(f"  {stage:<20} {seconds * 1000:8.1f} ms")
    if not args.quiet:
        print(f"{len(result.written)} written, {len(result.unchanged)} unchanged, {len(result.removed)} removed "
              f"in {elapsed:.2f}s")
    return 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _validate(args: argparse.Namespace) -> int:
    from generator.build import load_api

    api = load_api(args.spec)
    if not args.quiet:
        methods = sum(len(r.methods) for r in api.all_resources())
        print(f"{args.spec}: valid ({_count(len(api.models), 'model')}, {_count(methods, 'method')})")
    return 0



# ---------------------------------------------------------------- gen diff, gen changelog (generator/diff)


def _add_release_commands(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    diff = sub.add_parser("diff", help="list the changes between two specs and whether they break SDK users",
                          description="Compare two specs through their IR: each change with its location, a "
                                      "stable code (docs/diff-codes.md) and a level (breaking, non-breaking, "
                                      "info), then the semver bump they imply. Exit 1 with --fail-on when such "
                                      "changes exist, 2 when a spec is invalid.")
    diff.add_argument("specs", nargs="*", metavar="SPEC",
                      help="OLD NEW; with --base only NEW (default: " + DEFAULT_SPEC + ")")
    diff.add_argument("--base", metavar="GIT_REF", help="compare NEW with the same file at this git revision")
    diff.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                      help="text for terminals (default), markdown for pull requests, json for tools")
    diff.add_argument("--fail-on", choices=("breaking", "any"),
                      help="exit 1 if there is a breaking change, or any change at all")
    diff.set_defaults(run=_diff)

    changelog = sub.add_parser("changelog", help="prepend the API changes since a git revision to each "
                                                 "SDK's CHANGELOG.md",
                               description="Prepend a dated section built from `gen diff --base` (breaking "
                                           "changes first) to OUT/<target>/CHANGELOG.md, a file `gen build` "
                                           "never touches.")
    changelog.add_argument("--base", required=True, metavar="GIT_REF", help="the revision of the last release")
    changelog.add_argument("--spec", default=DEFAULT_SPEC, help=f"spec file (default: {DEFAULT_SPEC})")
    changelog.add_argument("--out", default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT})")
    changelog.add_argument("--target", action="append", choices=("python", "ruby", "typescript"), metavar="NAME",
                           help="only this SDK; repeatable (default: python, ruby, typescript)")
    changelog.add_argument("--version", metavar="X.Y.Z",
                           help="the release's version (default: the package version of the spec if raised "
                                "since GIT_REF, else that version bumped by the changes)")
    changelog.add_argument("--date", metavar="YYYY-MM-DD",
                           help="the release date (default: $SOURCE_DATE_EPOCH if set, else today in UTC)")
    changelog.set_defaults(run=_changelog)


def _diff(args: argparse.Namespace) -> int:
    from generator.diff import diff_apis
    from generator.diff.report import render
    from generator.diff.sources import SourceError, load_at_revision, load_file

    if args.base is not None:
        if len(args.specs) > 1:
            print("gen diff: with --base give at most one spec (NEW)", file=sys.stderr)
            return 2
        new_path = args.specs[0] if args.specs else DEFAULT_SPEC
    elif len(args.specs) != 2:
        print("gen diff: give OLD and NEW specs, or --base GIT_REF [NEW]", file=sys.stderr)
        return 2
    else:
        new_path = args.specs[1]
    try:
        old = load_at_revision(args.base, new_path) if args.base is not None else load_file(args.specs[0])
    except SourceError as exc:
        print(f"gen diff: {exc}", file=sys.stderr)
        return 2
    new = load_file(new_path)
    changes = diff_apis(old.api, new.api, old.tree, new.tree)
    sys.stdout.write(render(changes, args.format, old.name, new.name))
    if args.fail_on == "any" and changes or args.fail_on == "breaking" and any(
            c.level == "breaking" for c in changes):
        return 1
    return 0


def _changelog(args: argparse.Namespace) -> int:
    from pathlib import Path

    from generator import changelog
    from generator.diff import diff_apis
    from generator.diff.sources import SourceError, load_at_revision, load_file

    try:
        day = changelog.release_date(args.date)
        old = load_at_revision(args.base, args.spec)
        new = load_file(args.spec)
        changes = diff_apis(old.api, new.api, old.tree, new.tree)
        if not changes:
            print(f"no API changes since {args.base}; changelogs left as they are")
            return 0
        targets = tuple(dict.fromkeys(args.target)) if args.target else SDK_TARGETS
        written = changelog.update(Path(args.out), targets, old.api, new.api, changes, args.version, day)
    except (SourceError, changelog.ChangelogError) as exc:
        print(f"gen changelog: {exc}", file=sys.stderr)
        return 2
    for entry in written:
        print(f"{entry.path}: added {entry.version} ({day.isoformat()}), {len(changes)} change"
              f"{'s' if len(changes) != 1 else ''}")
    return 0


# ---------------------------------------------------------------- gen import-openapi (generator/openapi)


def _add_import_command(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    imp = sub.add_parser("import-openapi", help="convert an OpenAPI 3.0/3.1 document to a spec",
                         description="Convert an OpenAPI 3.0 or 3.1 document (JSON or YAML, optionally "
                                     "gzipped) to a format 2 spec. Every lossy step is a warning with a code "
                                     "(docs/openapi-import.md) and a JSON pointer into the document.")
    imp.add_argument("document", metavar="DOC", help="the OpenAPI document")
    imp.add_argument("--names", metavar="FILE",
                     help="YAML mapping of `METHOD /path` to `resource.sub.method` (default: names from the "
                          "verb and path)")
    imp.add_argument("-o", "--output", required=True, metavar="SPEC", help="the spec file to write")
    imp.add_argument("-q", "--quiet", action="store_true", help="print only the warnings")
    imp.set_defaults(run=_import_openapi)


def _import_openapi(args: argparse.Namespace) -> int:
    from pathlib import Path

    from generator.atomic import atomic_write
    from generator.openapi import import_openapi
    from generator.openapi.document import DocumentError

    start = time.perf_counter()
    try:
        result = import_openapi(args.document, args.names)
    except DocumentError as exc:
        print(f"gen import-openapi: {exc}", file=sys.stderr)
        return 2
    atomic_write(Path(args.output), result.text.encode("utf-8"))
    for note in result.notes:
        print(note.render(), file=sys.stderr)
    if not args.quiet:
        print(f"{args.output}: {result.methods} methods from {result.operations} operations, "
              f"{_count(len(result.notes), 'warning')} in {time.perf_counter() - start:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
