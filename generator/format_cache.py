"""Formatting with a cache keyed by content hash, so that a rebuild formats only what changed.

Formatting (black for Python) is most of the cost of a build, and a rebuild after a small spec
change renders mostly the same text as before. Each target's formatted files are remembered in
`format-<target>.json` in the cache folder of the output folder (below), keyed by a hash of
(formatter fingerprint, path, unformatted text). A no-op rebuild then finds every file in the
cache and never imports black. The compiled templates are kept there too (template_cache.py).

Where: `$GEN_CACHE_DIR` if set, else `$XDG_CACHE_HOME/apigen-forge` (default
`~/.cache/apigen-forge`), one folder per output folder (named by a hash of its absolute path).
Outside the output folder, so that the output holds exactly the generated files and nothing needs
git-ignoring; per output folder, so that each cache keeps only the entries of its last build
(each save drops the rest) and a new output folder is a cold build. At most MAX_OUTPUT_FOLDERS
output folders are remembered; the least recently written go first (cache_dir.py).

Safety: a target's `format` must be a pure function of (path, text) (see Target.format). The
fingerprint covers the formatter's code (the target's module and generator/formatting.py) and the
installed black, so changing any of them misses the cache. The file carries a checksum of its
payload; a cache that is unreadable, truncated, edited or from another version is ignored (the
build formats everything, as a cold build would) and replaced. Failing to save it is not an error.

Formatting what is not cached runs in worker processes, one per free core, when there is enough
of it to pay for them (fork, where the platform has it; otherwise in this process), while the
build renders the next targets.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any, Callable

from generator import formatting
from generator.atomic import atomic_write
from generator.cache_dir import cache_dir, make_cache_dir
from generator.targets.base import Target

FORMAT_VERSION = 1
_MAGIC = f"apigen-format-cache {FORMAT_VERSION}"
#: Below this much unformatted text (bytes) one worker at most formats it, and only while this process
#: renders other targets: splitting it over more workers costs more than it saves (BENCHMARKS.md).
PARALLEL_MIN_BYTES = 200_000


class FormatCache:
    """The remembered formatted files of one target in one output folder."""

    def __init__(self, path: Path | None, fingerprint: str) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self._file: dict[str, str | None] | None = None  # read on first use, inside the format stage
        self._used: dict[str, str | None] = {}

    @property
    def _loaded(self) -> dict[str, str | None]:
        if self._file is None:
            self._file = self._read() if self.path is not None else {}
        return self._file

    @classmethod
    def for_target(cls, out_dir: str | Path, target: Target) -> FormatCache:
        return cls(cache_dir(out_dir) / f"format-{target.name}.json", fingerprint(target))

    def key(self, path: str, text: str) -> str:
        digest = hashlib.sha256()
        for part in (self.fingerprint, path, text):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()

    def get(self, key: str, text: str) -> str | None:
        """The formatted text for `key`, or None when not cached. `text` is the unformatted text:
        entries whose formatting changed nothing are stored as null to keep the file small."""
        if key not in self._loaded:
            return None
        value = self._loaded[key]
        self._used[key] = value
        return text if value is None else value

    def put(self, key: str, text: str, formatted: str) -> None:
        self._used[key] = None if formatted == text else formatted

    @property
    def changed(self) -> bool:
        return self._used != self._loaded

    def save(self) -> None:
        """Keep exactly the entries this build used; write only when that differs from the file."""
        if self.path is None or not self.changed:
            return
        payload = json.dumps(self._used, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        checksum = hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()
        try:
            make_cache_dir(self.path.parent)
            atomic_write(self.path, f"{_MAGIC} {checksum}\n{payload}".encode("utf-8", "surrogatepass"))
        except OSError:
            pass  # a read-only or full disk costs the next build time, never correctness

    def _read(self) -> dict[str, str | None]:
        assert self.path is not None
        try:
            raw = self.path.read_bytes().decode("utf-8", "surrogatepass")
            header, payload = raw.split("\n", 1)
            magic, _, checksum = header.rpartition(" ")
            if magic != _MAGIC or hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest() != checksum:
                return {}
            data = json.loads(payload)
        except (OSError, ValueError):  # missing, unreadable, not UTF-8, no header, not JSON
            return {}
        if not isinstance(data, dict) or not all(isinstance(v, (str, type(None))) for v in data.values()):
            return {}
        return data


def fingerprint(target: Target) -> str:
    """What the output of `target.format` depends on besides (path, text)."""
    digest = hashlib.sha256()
    digest.update(f"{FORMAT_VERSION}:{target.name}:{formatting.tool_fingerprint()}\0".encode())
    for module in sorted({type(target).__module__, formatting.__name__}):  # sorted: sets vary per process
        source = getattr(sys.modules.get(module), "__file__", None)
        try:
            digest.update(Path(source).read_bytes() if source else module.encode())
        except OSError:
            digest.update(module.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def overrides_format(target: Target) -> bool:
    return type(target).format is not Target.format


def format_files(target: Target, rendered: dict[str, str], cache: FormatCache | None = None) -> dict[str, str]:
    """Every rendered file of `target` through `target.format`, taking what it can from `cache`."""
    formatter = Formatter({target.name: target})
    try:
        return formatter.submit(target, rendered, cache)()
    finally:
        formatter.close()


class Formatter:
    """Formats the files of one build. What the cache does not have goes, when there is enough of
    it, to worker processes (one per core), and `submit` returns at once: the build renders the
    next targets while the workers format. Call the function `submit` returns for the result."""

    def __init__(self, targets: dict[str, Target]) -> None:
        self.targets = targets
        self._pool: Any = None

    def submit(self, target: Target, rendered: dict[str, str],
               cache: FormatCache | None = None, overlap: bool = False) -> Callable[[], dict[str, str]]:
        """`overlap`: this process has other work (rendering the next targets) to do meanwhile, so
        even a small job is worth one worker process."""
        if not overrides_format(target):
            return lambda: dict(rendered)  # the identity: nothing to compute, nothing worth caching
        out: dict[str, str] = {}
        misses: list[tuple[str, str, str]] = []  # (path, text, key)
        for path, text in rendered.items():
            key = cache.key(path, text) if cache is not None else ""
            hit = cache.get(key, text) if cache is not None else None
            if hit is None:
                misses.append((path, text, key))
            out[path] = hit if hit is not None else ""
        workers = _worker_count([(p, t) for p, t, _ in misses], overlap)
        if workers > 0:
            # Largest files first, one file per task: files differ in size by 100x (a resource module
            # against a model), and fixed chunks of neighbouring paths left one worker with most of
            # the text (1.25 cores busy out of 2 at 1,000 models). Results come back in this order.
            misses.sort(key=lambda miss: -len(miss[1]))
            pending = self._pool_of(workers).starmap_async(
                _format_in_worker, [(target.name, p, t) for p, t, _ in misses], chunksize=1)
            results: Callable[[], list[str]] = pending.get
        else:
            done = [target.format(p, t) for p, t, _ in misses]
            results = lambda: done  # noqa: E731

        def finish() -> dict[str, str]:
            for (path, text, key), formatted in zip(misses, results()):
                out[path] = formatted
                if cache is not None:
                    cache.put(key, text, formatted)
            return out

        return finish

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def _pool_of(self, workers: int) -> Any:
        if self._pool is None:
            import multiprocessing

            global _worker_targets
            # Workers are forked: they inherit the targets. Each imports the formatter itself, on its
            # first file, while this process goes on rendering (importing black here first would put
            # its import on the build's critical path).
            _worker_targets = self.targets
            self._pool = multiprocessing.get_context("fork").Pool(workers, initializer=_start_worker)
        return self._pool


_worker_targets: dict[str, Target] = {}


def _start_worker() -> None:
    # A forked worker inherits every object of the build (the IR, the rendered files: 170 MB at
    # 1,000 models). Black allocates a lot, so the cycle collector runs often, and each full
    # collection would walk all those inherited objects (touching their pages, which the kernel
    # then copies): frozen, the collector ignores them.
    gc.freeze()


def _format_in_worker(target_name: str, path: str, text: str) -> str:
    return _worker_targets[target_name].format(path, text)


def _worker_count(jobs: list[tuple[str, Any]], overlap: bool = False) -> int:
    """How many worker processes should format `jobs`; 0 means in this process."""
    if os.environ.get("GEN_FORMAT_WORKERS"):  # for measuring: 1 forces formatting in this process
        requested = int(os.environ["GEN_FORMAT_WORKERS"])
        return requested if requested > 1 else 0
    if sys.platform != "linux" or not jobs:
        return 0
    # Workers pay only on cores nothing else is using: on a 2-core machine with one core busy they
    # made cold builds slower (BENCHMARKS.md).
    cores = len(os.sched_getaffinity(0))
    free = cores - _running_elsewhere()
    if sum(len(text) for _, text in jobs) < PARALLEL_MIN_BYTES:
        # Too little to split: one worker, and only while this process renders other targets on
        # another free core (bundled spec: black's import and run overlap the other renders).
        return 1 if overlap and free >= 2 else 0
    workers = min(len(jobs), cores, free)
    return workers if workers > 1 else (1 if overlap and free >= 2 else 0)


def _running_elsewhere() -> int:
    """Processes running or ready to run right now, besides this one (the kernel's run queue, the
    fourth field of /proc/loadavg). Not the load average: it trails the last minute, so a build
    started right after another (an edit loop, a benchmark) saw its predecessor's load and left
    the second core idle."""
    try:
        with open("/proc/loadavg", encoding="ascii") as handle:
            running = int(handle.read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return int(os.getloadavg()[0] + 0.5)
    return max(0, running - 1)
