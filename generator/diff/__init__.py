"""`gen diff`: compare two specs through their IR and classify every change for SDK users.

    sources.py  where specs come from (files, or a git revision)
    context.py  pairs old and new elements (models, methods, fields per direction, typed places)
    checks/     one module per kind of change, registered in checks.CHECKS
    engine.py   runs the checks
    report.py   text, Markdown and JSON output
"""

from generator.diff.engine import diff_apis
from generator.diff.model import Change, bump

__all__ = ["Change", "bump", "diff_apis"]
