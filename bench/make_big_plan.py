#!/usr/bin/env python3
"""Writes a large plan for the benchmark: the default plan's sections repeated N times.

ids, sheet names and YAML anchors are suffixed per copy so the result stays a valid plan.
Standard library only (text manipulation, no YAML parser needed)."""
import re
import sys


def main() -> None:
    source, target, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
    text = open(source, encoding="utf-8").read()
    head, sep, sections = text.partition("\nsections:\n")
    if not sep:
        sys.exit("no top-level 'sections:' key in " + source)
    parts = [head, sep]
    for k in range(1, copies + 1):
        copy = re.sub(r"^(\s*(?:- )?id: )(\S+)", lambda m: f"{m.group(1)}{m.group(2)}-{k}", sections, flags=re.M)
        copy = re.sub(r"^(\s*sheet: )(.+)$", lambda m: f"{m.group(1)}{m.group(2).strip()[:26]} {k}", copy, flags=re.M)
        copy = re.sub(r"([&*])([A-Za-z_][\w-]*)", lambda m: f"{m.group(1)}{m.group(2)}_{k}", copy)
        parts.append(copy.rstrip("\n") + "\n")
    open(target, "w", encoding="utf-8").write("".join(parts))


if __name__ == "__main__":
    main()
