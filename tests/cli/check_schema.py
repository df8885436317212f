#!/usr/bin/env python3
"""Keeps data/plan.schema.json true to plandeck's plan loader.

The schema must accept what the loader accepts (the default plan, every valid fixture, the
starter plan of `plandeck init`) and reject what the loader rejects for an unknown key or a
wrong type: hand-made mutations of a valid plan, and every bad fixture whose loader errors
are of that class (asked from `plandeck check --format json`). Uses Debian's
python3-jsonschema and python3-yaml; a missing module fails the test.

YAML is read as plandeck reads it (and as an editor's YAML 1.2 language server does): only
true/false are booleans, only plain decimals are numbers, ~/null/empty are null, and every
other scalar (yes, 1,742, 0123, 2024-04-01) is text."""
import argparse
import copy
import json
import pathlib
import re
import subprocess
import sys

import jsonschema
import yaml


class PlanLoader(yaml.SafeLoader):
    pass


PlanLoader.yaml_implicit_resolvers = {}
PlanLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
PlanLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^-?(?:0|[1-9][0-9]*)$"), list("-0123456789"))
PlanLoader.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(r"^-?(?:0|[1-9][0-9]*)\.[0-9]+$"),
                                 list("-0123456789"))
PlanLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"),
                                 ["~", "n", "N", ""])

# Loader diagnostics (their codes, see diag::code_of) that a schema can and must catch.
SCHEMA_CLASS = ("unknown-key", "unknown-kind", "missing-required-key", "must-be-", "is-not-a-")

failures = []


def fail(what):
    failures.append(what)
    print("FAIL:", what)


def load(path):
    with open(path, encoding="utf-8-sig") as f:
        return yaml.load(f, Loader=PlanLoader)


def errors(validator, doc):
    return sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))


def where(e):
    return "/".join(str(p) for p in e.absolute_path) + ": " + e.message[:160]


def loader_codes(plandeck, path):
    r = subprocess.run([plandeck, "--lang", "en", "check", "--format", "json", str(path)],
                       capture_output=True, text=True, timeout=120)
    return [d["code"] for d in json.loads(r.stdout)["diagnostics"]], r.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--schema", required=True)
    ap.add_argument("--fixtures", required=True)
    ap.add_argument("--default-plan", required=True)
    ap.add_argument("--plandeck", required=True)
    ap.add_argument("--scratch", required=True)
    a = ap.parse_args()

    schema = json.loads(pathlib.Path(a.schema).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    scratch = pathlib.Path(a.scratch)
    scratch.mkdir(parents=True, exist_ok=True)

    # 1. Everything the loader accepts, the schema accepts.
    starter = scratch / "starter.yaml"
    starter.unlink(missing_ok=True)
    subprocess.run([a.plandeck, "init", str(starter)], check=True, capture_output=True)
    valid = [pathlib.Path(a.default_plan), starter] + sorted((pathlib.Path(a.fixtures) / "ok").glob("*.yaml"))
    valid += sorted((pathlib.Path(a.fixtures) / "warn").glob("*.yaml"))
    for path in valid:
        codes, code = loader_codes(a.plandeck, path)
        if code != 0:
            fail(f"{path}: the loader rejects a plan listed as valid: {codes}")
        try:
            doc = load(path)
        except yaml.YAMLError as e:
            fail(f"{path}: not readable as YAML: {e}")
            continue
        for e in errors(validator, doc):
            fail(f"{path}: the schema rejects what the loader accepts: {where(e)}")
    print(f"{len(valid)} valid plans accepted")

    # 2. Unknown keys and wrong types, made from the default plan: both reject them.
    base = load(a.default_plan)
    chapter = base["sections"][1]["chapters"][0]
    mutations = {
        "unknown top-level key": lambda p: p.update(extra=1),
        "unknown document key (titel)": lambda p: p["document"].update(titel="題名"),
        "a list where a text goes": lambda p: p["document"].update(title=["題名"]),
        "unknown slide kind": lambda p: p["sections"][0]["chapters"][0]["slides"][0].update(kind="summary"),
        "a key of another slide kind": lambda p: p["sections"][0]["chapters"][0]["slides"][0].update(goals=[]),
        "yes for a boolean": lambda p: p["sections"][0].update(title_slide="yes"),
        "a number with a thousands comma": lambda p: first_quantity(p).update(number="1,742"),
        "a quoted number": lambda p: first_quantity(p).update(number="17"),
        "unknown key in a table row": lambda p: first_row(p).update(note="x"),
        "an empty required list": lambda p: chapter.update(slides=[]),
        "plandeck version 2": lambda p: p.update(plandeck=2),
    }
    for name, mutate in mutations.items():
        doc = copy.deepcopy(base)
        chapter = doc["sections"][1]["chapters"][0]
        mutate(doc)
        if not errors(validator, doc):
            fail(f"the schema accepts a plan with {name}")
        path = scratch / "mutated.yaml"
        path.write_text(dump(doc), encoding="utf-8")
        codes, code = loader_codes(a.plandeck, path)
        if code != 1:
            fail(f"the loader accepts a plan with {name} (so the mutation tests nothing)")
    print(f"{len(mutations)} mutations rejected")

    # 3. Bad fixtures whose loader errors are unknown keys or wrong types.
    checked = 0
    for path in sorted((pathlib.Path(a.fixtures) / "bad").glob("*.yaml")):
        codes, _ = loader_codes(a.plandeck, path)
        if not any(c.startswith(SCHEMA_CLASS) for c in codes):
            continue
        try:
            doc = load(path)
        except yaml.YAMLError:
            continue  # not YAML to an editor either
        checked += 1
        if not errors(validator, doc):
            fail(f"{path}: the loader rejects it ({codes}) but the schema accepts it")
    print(f"{checked} bad fixtures of the schema's class rejected")
    if checked < 5:
        fail(f"only {checked} bad fixtures were of the schema's class: the walk looks broken")

    # 4. The same keys, mapping by mapping: an unknown key put into each kind of mapping of
    #    the valid plans is reported by the loader with the keys it allows there, which
    #    must be the keys the schema allows there.
    compared = 0
    seen = set()
    for path in [pathlib.Path(a.default_plan)] + sorted((pathlib.Path(a.fixtures) / "ok").glob("*.yaml")):
        doc = load(path)
        for where_, mapping in mappings(doc, ()):
            shape = tuple("[]" if isinstance(p, int) else p for p in where_)
            kind = mapping.get("kind")
            if (shape, kind) in seen:
                continue
            seen.add((shape, kind))
            mutated = copy.deepcopy(doc)
            target = mutated
            for step in where_:
                target = target[step]
            target[BOGUS] = "x"
            loader = loader_allowed(a.plandeck, scratch / "bogus.yaml", mutated)
            schema_keys = schema_allowed(validator, mutated)
            if loader is None or schema_keys is None:
                fail(f"{path}: at {'/'.join(map(str, where_)) or 'top'}: unknown key not reported "
                     f"(loader: {loader}, schema: {schema_keys})")
            elif loader != schema_keys:
                fail(f"{path}: at {'/'.join(map(str, where_)) or 'top'}: the loader allows {sorted(loader)}, "
                     f"the schema {sorted(schema_keys)}")
            compared += 1
    print(f"{compared} kinds of mapping have the same keys in the loader and the schema")
    if compared < 20:
        fail(f"only {compared} kinds of mapping compared: the walk looks broken")
    return 1 if failures else 0


BOGUS = "zzzzzzzzzz"


def mappings(node, where_):
    if isinstance(node, dict):
        yield where_, node
        for k, v in node.items():
            yield from mappings(v, where_ + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from mappings(v, where_ + (i,))


def loader_allowed(plandeck, path, doc):
    path.write_text(dump(doc), encoding="utf-8")
    r = subprocess.run([plandeck, "--lang", "en", "check", "--format", "json", str(path)],
                       capture_output=True, text=True, timeout=120)
    for d in json.loads(r.stdout)["diagnostics"]:
        if d["message"] == f'unknown key "{BOGUS}"' and (d["hint"] or "").startswith("allowed keys: "):
            return set(d["hint"][len("allowed keys: "):].split(", "))
    return None


def schema_allowed(validator, doc):
    def search(errors_):
        for e in errors_:
            if e.validator == "additionalProperties" and BOGUS in e.message:
                return set(e.schema.get("properties", {}))
            found = search(e.context or [])  # inside anyOf (items, cells)
            if found is not None:
                return found
        return None
    return search(validator.iter_errors(doc))


def first_quantity(plan):
    for row in rows(plan):
        for cell in row.values():
            if isinstance(cell, dict):
                return cell
    raise SystemExit("no quantity in the default plan")


def first_row(plan):
    return next(rows(plan))


def rows(plan):
    for section in plan["sections"]:
        for chapter in section.get("chapters") or []:
            for slide in chapter["slides"]:
                table = slide.get("table")
                if table:
                    for group in table["groups"]:
                        yield from group["rows"]


def dump(doc):
    # Texts that YAML would read as something else are quoted by the dumper itself.
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


if __name__ == "__main__":
    sys.exit(main())
