#!/usr/bin/env python3
"""Fails when a Catch2 test name would be mangled by catch_discover_tests.

ctest registers each TEST_CASE by name; a name containing ';' '[' ']' or '\\' is split
or read as a tag filter, and one starting with '-' is read as an option: the broken entry
then fails or "passes" without running anything."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
bad = []
for path in sorted(root.rglob("*.cpp")):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = re.search(r'\b(?:TEST_CASE|SCENARIO)\s*\(\s*"((?:[^"\\]|\\.)*)"', line)
        if m and (re.search(r'[;\[\]\\]', m.group(1)) or m.group(1).startswith("-")):
            bad.append(f"{path.relative_to(root)}:{number}: {m.group(1)}")
for b in bad:
    print("test name with ; [ ] \\ or a leading - (ctest would mangle it):", b)
print(f"{len(bad)} failed" if bad else "test names ok")
sys.exit(1 if bad else 0)
