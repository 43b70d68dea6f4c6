"""The `gen` command line."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Sequence

from generator.diagnostics import SpecError
from generator.targets import TARGET_NAMES

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
    return parser


def _verbosity(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    group.add_argument("-v", "--verbose", action="store_true", help="list every file and the time of each stage")


def _build(args: argparse.Namespace) -> int:
    from generator.build import Timings, build

    start = time.perf_counter()
    timings = Timings()
    targets = tuple(dict.fromkeys(args.target)) if args.target else TARGET_NAMES
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
        for stage, seconds in timings.stages.items():
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


if __name__ == "__main__":
    sys.exit(main())
