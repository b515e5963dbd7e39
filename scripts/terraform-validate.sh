#!/usr/bin/env bash
# terraform init + terraform validate on synthesized stacks, against terraform-provider-azuread 3.7.0
# run locally: the provider's own schema validation over this library's output.
#
# Usage: scripts/terraform-validate.sh [--generated RANDOM_COUNT] [--contract] [STACK_DIR...]
#   (default STACK_DIR: cdktf.out/stacks/*)
#   --generated N: also every policy template, every template baseline and N random property-test stacks
#   (scripts/validation-stacks.ts), synthesized once the provider and terraform are there; the run prints
#   its fast-check seed, and VALIDATION_SEED=<seed> repeats it.
#   --contract: also the provider contract (src/provider/provider-contract.ts) against the provider: one stack
#   per mutation of a valid body (scripts/contract-stacks.ts) must fail validate exactly when the contract
#   finds a plan problem in it.
#
# The provider: $AZUREAD_PROVIDER_BINARY (a terraform-provider-azuread v3.7.0 binary) if set, else the one
# `go install` left in the cache, else `go install github.com/hashicorp/terraform-provider-azuread@<v3.7.0
# commit>` through the Go module proxy (by module path; nothing here builds a source checkout).
# Terraform: `terraform` on PATH, else `go install github.com/hashicorp/terraform@v1.5.7` (MPL-2.0).
# Each stack is initialized with -backend=false from a filesystem mirror that holds only that binary
# (a temporary CLI configuration: the public registry is never asked), then validated.
#
# Exit: 0 every stack valid (and the contract agrees); 1 a stack failed validation or the contract disagrees
# (the error is printed); 3 the provider or terraform could not be had (why is printed: not a result about
# this library).
set -uo pipefail
cd "$(dirname "$0")/.."

PROVIDER_VERSION=3.7.0
PROVIDER_MODULE=github.com/hashicorp/terraform-provider-azuread
# v3.7.0 (the provider's major versions are tags without a /vN module path, so the commit names it)
PROVIDER_COMMIT=72ee4ffe4628e1a21e275734c8d3354faf8fb2f3
TERRAFORM_MODULE=github.com/hashicorp/terraform@v1.5.7
CACHE=${CDKTF_ENTRA_CA_TF_CACHE:-$HOME/.cache/cdktf-entra-ca-tf}
mkdir -p "$CACHE/bin"

skip() { echo "terraform validate skipped: $*"; exit 3; }

generated=""
contract=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --generated) generated=${2:?--generated needs a count of random stacks}; shift 2 ;;
    --contract) contract=1; shift ;;
    *) break ;;
  esac
done

# go_install WHAT MODULE@VERSION: installs a binary into $CACHE/bin through the Go module proxy (skips, with the
# proxy's answer, when it cannot).
go_install() {
  command -v go >/dev/null 2>&1 || skip "no $1 binary and no go to install one"
  echo "go install $2 (through the Go module proxy)"
  local start=$SECONDS out
  if ! out=$(GOBIN="$CACHE/bin" GOFLAGS="-mod=mod -buildvcs=false" go install "$2" 2>&1); then
    echo "$out" | tail -n 5
    skip "$1 could not be installed by its module path (above)"
  fi
  echo "installed in $((SECONDS - start))s"
}

provider=${AZUREAD_PROVIDER_BINARY:-}
if [ -z "$provider" ]; then
  provider="$CACHE/bin/terraform-provider-azuread"
  [ -x "$provider" ] || go_install "the provider" "$PROVIDER_MODULE@$PROVIDER_COMMIT"
fi
[ -x "$provider" ] || skip "$provider is not an executable"

tf=$(command -v terraform || true)
if [ -z "$tf" ]; then
  tf="$CACHE/bin/terraform"
  [ -x "$tf" ] || go_install "terraform" "$TERRAFORM_MODULE"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mirror="$work/mirror"
dir="$mirror/registry.terraform.io/hashicorp/azuread/$PROVIDER_VERSION/linux_amd64"
mkdir -p "$dir"
ln -s "$(realpath "$provider")" "$dir/terraform-provider-azuread_v$PROVIDER_VERSION"
cat >"$work/terraformrc" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/hashicorp/azuread"]
  }
}
RC
export TF_CLI_CONFIG_FILE="$work/terraformrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
unset TF_PLUGIN_CACHE_DIR
echo "$("$tf" version 2>/dev/null | head -n 1), provider $provider"

if [ "$#" -eq 0 ]; then
  set -- cdktf.out/stacks/*
fi
if [ -n "$generated" ]; then
  npx ts-node -P scripts/tsconfig.json --transpile-only scripts/validation-stacks.ts "$work/generated" "$generated" ${VALIDATION_SEED:-} || exit 1
  set -- "$@" "$work"/generated/stacks/*
fi
# validate_stack DIR: init and validate a copy of DIR/cdk.tf.json; prints the errors into $out, returns 0 when valid.
n=0
validate_stack() {
  local stack=$1 copy
  n=$((n + 1))
  [ -f "$stack/cdk.tf.json" ] || { out="no cdk.tf.json"; return 1; }
  # a copy: init writes .terraform/ and a lock file beside the configuration
  copy="$work/stacks/$n-$(basename "$stack")"
  mkdir -p "$copy"
  # indented, so that an error's source line is the offending attribute rather than the whole document
  node -e 'const fs = require("fs"); fs.writeFileSync(process.argv[2], JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1], "utf8")), null, 2));' \
    "$stack/cdk.tf.json" "$copy/cdk.tf.json"
  if ! out=$(cd "$copy" && "$tf" init -backend=false -input=false -no-color 2>&1); then
    out="terraform init failed: $out"
    return 1
  fi
  out=$(cd "$copy" && "$tf" validate -no-color 2>&1)
}

passed=0
failed=0
for stack in "$@"; do
  if validate_stack "$stack"; then
    echo "$stack: valid"
    passed=$((passed + 1))
  else
    echo "$stack: terraform validate failed:"
    echo "$out"
    failed=$((failed + 1))
  fi
done
echo "terraform validate: $passed valid, $failed invalid"

# The provider contract held to the provider: each mutated body must fail validate exactly when the contract
# finds a plan problem in it (CustomizeDiff checks, marked planOnly, run at plan, so validate accepts them).
if [ -n "$contract" ]; then
  npx ts-node -P scripts/tsconfig.json --transpile-only scripts/contract-stacks.ts "$work/contract" || exit 1
  agree=0
  disagree=0
  for stack in "$work"/contract/stacks/*; do
    name=$(basename "$stack")
    expected=$(node -e 'const e = require(process.argv[1])[process.argv[2]]; console.log(e.plan.length > 0 && !e.planOnly ? "invalid" : "valid");' \
      "$work/contract/expect.json" "$name")
    if validate_stack "$stack"; then actual=valid; else actual=invalid; fi
    if [ "$actual" = "$expected" ]; then
      agree=$((agree + 1))
    else
      disagree=$((disagree + 1))
      echo "provider contract: $name: the contract expects $expected, terraform validate says $actual"
      node -e 'const e = require(process.argv[1])[process.argv[2]]; for (const p of e.plan) console.log(`  contract: ${p}`);' "$work/contract/expect.json" "$name"
      [ -n "$out" ] && echo "$out" | sed 's/^/  terraform: /'
    fi
  done
  echo "provider contract against terraform validate: $agree mutations agree, $disagree disagree"
  [ "$disagree" -eq 0 ] || failed=$((failed + 1))
fi
[ "$failed" -eq 0 ]
