"""Driver plugins: each module exposes NAME and command(tmp_dir) -> argv (see ../README.md)."""
