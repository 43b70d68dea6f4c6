"""Compiled Jinja templates kept between builds, in the output folder's cache folder (format_cache.py).

Compiling the templates is most of the render time of a small spec (about 80 templates). Jinja's
own bytecode cache stores each compiled template with a checksum of its source, so an edited
template is compiled again. This subclass makes the cache safe to lose or damage: any failure to
read an entry is a miss, any failure to write one is ignored, and in read-only mode (`--check`)
nothing is written.
"""

from __future__ import annotations

from pathlib import Path

import jinja2.bccache

from generator.cache_dir import make_cache_dir


class TemplateCache(jinja2.bccache.FileSystemBytecodeCache):
    def __init__(self, directory: Path, writable: bool = True) -> None:
        super().__init__(str(directory), "%s.jinja")
        self.writable = writable

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # truncated or foreign file: Jinja raises from pickle on some of those
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if not self.writable:
            return
        try:
            make_cache_dir(Path(self.directory).parent)
            Path(self.directory).mkdir(exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass  # the next build compiles again; never an error
