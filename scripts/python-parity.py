#!/usr/bin/env python3
"""Checks that the Python example app synthesized what the TypeScript example app did.

Usage: python3 scripts/python-parity.py TS_OUTDIR PY_OUTDIR STACK...

For each stack, cdk.tf.json from both apps is compared resource for resource (type and name), then
every other top-level block (provider, terraform, data, output, variable, locals, the document's `//`).
A resource's `//` block is compared too: its metadata path and uniqueId come from the construct ids,
which the Python app names exactly as examples/stacks.ts does, and its emergencyAccess and
ruleSuppressions entries are what the lint rules read, so they must match.

One value is normalized before comparing, because it necessarily differs:
- terraform.backend.local.path: cdktf writes the local state file as an absolute path under the
  directory the app ran in (e.g. /work/main/terraform.security-info-baseline.tfstate); only its file
  name is compared.
Nothing else is ignored. Exit 0 when every stack is equal, 1 on any difference (each printed).
"""
import json
import os
import sys


def load(outdir, stack):
    path = os.path.join(outdir, "stacks", stack, "cdk.tf.json")
    if not os.path.isfile(path):
        raise SystemExit(f"missing {path}")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def normalize(doc):
    local = doc.get("terraform", {}).get("backend", {}).get("local")
    if isinstance(local, dict) and isinstance(local.get("path"), str):
        local["path"] = os.path.basename(local["path"])
    return doc


def differences(a, b, path):
    """Paths (with both values) where a and b differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in sorted(set(a) | set(b)):
            if k not in a:
                out.append(f"{path}.{k}: only in Python: {json.dumps(b[k])[:300]}")
            elif k not in b:
                out.append(f"{path}.{k}: only in TypeScript: {json.dumps(a[k])[:300]}")
            else:
                out.extend(differences(a[k], b[k], f"{path}.{k}"))
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        out = []
        for i, (x, y) in enumerate(zip(a, b)):
            out.extend(differences(x, y, f"{path}[{i}]"))
        return out
    if a == b and type(a) is type(b):
        return []
    return [f"{path}: TypeScript {json.dumps(a)[:300]} != Python {json.dumps(b)[:300]}"]


def resources(doc):
    return {(t, n): block for t, blocks in doc.get("resource", {}).items() for n, block in blocks.items()}


def main(argv):
    if len(argv) < 3:
        raise SystemExit(__doc__)
    ts_out, py_out, stacks = argv[0], argv[1], argv[2:]
    failed = 0
    for stack in stacks:
        ts, py = normalize(load(ts_out, stack)), normalize(load(py_out, stack))
        ts_res, py_res = resources(ts), resources(py)
        problems = []
        if not ts_res:
            problems.append("the TypeScript stack has no resources")
        for key in sorted(set(ts_res) | set(py_res)):
            name = f"resource.{key[0]}.{key[1]}"
            if key not in py_res:
                problems.append(f"{name}: missing from the Python app's stack")
            elif key not in ts_res:
                problems.append(f"{name}: only in the Python app's stack")
            else:
                problems.extend(differences(ts_res[key], py_res[key], name))
        rest_ts = {k: v for k, v in ts.items() if k != "resource"}
        rest_py = {k: v for k, v in py.items() if k != "resource"}
        problems.extend(differences(rest_ts, rest_py, "document"))
        if problems:
            failed += 1
            print(f"{stack}: the Python app's cdk.tf.json differs from the TypeScript app's ({len(problems)} differences):")
            for p in problems[:50]:
                print(f"  {p}")
        else:
            types = sorted({t for t, _ in ts_res})
            print(f"{stack}: {len(ts_res)} resources equal ({', '.join(types)}), and every other block")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
