import sys
from pathlib import Path

# Test helper modules (snapshots.py, conformance/) are imported by name from the tests folder.
sys.path.insert(0, str(Path(__file__).resolve().parent))
