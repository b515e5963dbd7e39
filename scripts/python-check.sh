#!/usr/bin/env bash
# The Python package, end to end: build the wheel (jsii-pacmak), install it with the pinned CDKTF
# runtime and azuread bindings into a fresh virtual environment, synthesize examples/python/main.py,
# and check that its cdk.tf.json equals the TypeScript example app's, resource for resource
# (scripts/python-parity.py says what is compared and the one value normalized), then run the examples'
# What-If scenarios (examples/scenarios/<stack>.json) through the Python API (examples/python/what_if.py).
#
# Usage: scripts/python-check.sh        (after `npx projen compile`, which writes .jsii; run if absent)
# Needs: python3 with venv and pip, PyPI (the runtime packages; jsii-pacmak's build tools).
# Exit: 0 equal; 1 a difference or a failure of this code; 3 a tool or package could not be had
# (the reason is printed: not a result about this library).
set -uo pipefail
cd "$(dirname "$0")/.."

STACKS=(security-info-baseline templates-secure-foundation)
WORK=.python-check
# the jsii runtime's banner about this machine's Node.js version (it names the major versions to silence)
node_major=$(node -p 'process.versions.node.split(".")[0]')
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=$node_major JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=$node_major
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

skip() { echo "python check skipped: $*"; exit 3; }
fail() { echo "python check failed: $*"; exit 1; }

command -v python3 >/dev/null 2>&1 || skip "no python3"
python3 -c 'import sys; sys.exit(sys.version_info < (3, 9))' || skip "python3 is older than 3.9 ($(python3 --version 2>&1))"
rm -rf "$WORK"
mkdir -p "$WORK"
python3 -m venv "$WORK/venv" >"$WORK/venv.log" 2>&1 || { tail -n 5 "$WORK/venv.log"; skip "python3 -m venv failed (above)"; }
py="$PWD/$WORK/venv/bin/python"

# The runtime first: a network failure here says nothing about the library.
if ! "$py" -m pip install -q -r examples/python/requirements.txt >"$WORK/pip.log" 2>&1; then
  tail -n 5 "$WORK/pip.log"
  skip "pip could not install examples/python/requirements.txt (above)"
fi

if [ ! -f .jsii ]; then
  npx projen compile || fail "npx projen compile"
fi
rm -rf dist/python
# jsii-pacmak makes its own virtual environment and installs setuptools, build and twine from PyPI:
# when that install fails, the log says so and the step is skipped; any other failure is a failure.
if ! npx projen package:python >"$WORK/pacmak.log" 2>&1; then
  if grep -q -E "Could not find a version|No matching distribution|Failed to establish a new connection|ConnectionError|Temporary failure in name resolution|ReadTimeoutError" "$WORK/pacmak.log"; then
    grep -E "ERROR|Error" "$WORK/pacmak.log" | tail -n 5
    skip "jsii-pacmak could not install its Python build tools (above)"
  fi
  grep -v '^!!' "$WORK/pacmak.log" | tail -n 30
  fail "npx projen package:python"
fi
wheel=$(ls dist/python/*.whl 2>/dev/null | head -n 1)
[ -n "$wheel" ] || fail "npx projen package:python wrote no wheel to dist/python/"
echo "wheel: $wheel ($(du -k "$wheel" | cut -f1) KiB)"
# --no-deps: the requirements above are its dependencies; pip check then holds the wheel's own pins to them.
"$py" -m pip install -q --no-deps "$wheel" || fail "pip install $wheel"
"$py" -m pip check || fail "the wheel's dependencies do not match examples/python/requirements.txt"

for s in "${STACKS[@]}"; do
  if [ ! -s "cdktf.out/stacks/$s/cdk.tf.json" ]; then
    echo "cdktf.out/stacks/$s is missing: npx cdktf synth"
    npx cdktf synth || fail "npx cdktf synth"
    break
  fi
done

start=$SECONDS
(cd examples/python && CDKTF_OUTDIR="../../$WORK/out" "$py" main.py) || fail "python examples/python/main.py"
echo "python examples/python/main.py synthesized in $((SECONDS - start))s"
python3 scripts/python-parity.py cdktf.out "$WORK/out" "${STACKS[@]}" || fail "the Python app's stacks differ from the TypeScript app's (above)"

# The README's Python snippets, each run as written (with its own output directory).
n=0
while IFS= read -r -d '' snippet; do
  n=$((n + 1))
  printf '%s' "$snippet" >"$WORK/readme-$n.py"
  (cd "$WORK" && CDKTF_OUTDIR="readme-$n.out" "$py" "readme-$n.py") || fail "the README's Python snippet $n ($WORK/readme-$n.py)"
done < <(python3 -c '
import re, sys
for block in re.findall(r"^```python\n(.*?)^```", open("README.md", encoding="utf-8").read(), re.S | re.M):
    sys.stdout.write(block + "\0")
')
[ "$n" -gt 0 ] || fail "the README has no Python snippet"
echo "the README's Python snippets: $n ran"

# What-If from Python: the examples' scenarios through WhatIf.from_outdir / evaluate.
start=$SECONDS
if "$py" examples/python/what_if.py "$WORK/out" "${STACKS[@]}" >"$WORK/what-if.log" 2>&1; then
  tail -n 1 "$WORK/what-if.log"
  echo "(in $((SECONDS - start))s)"
else
  cat "$WORK/what-if.log"
  fail "What-If from Python (above)"
fi
