#!/usr/bin/env bash
# The README's install lines, run as written, with the packed library in place of the published one.
# The lines are read from README.md (the shell blocks after `<!-- consumer-check: ... -->` in
# "Install"), so what CI checks is what a reader copies:
#
#  1. Fresh app: the block runs in an empty directory. `cdktf` on PATH is this repository's
#     cdktf-cli 0.21.0 (the version the block's global install names; the global install itself
#     is skipped), so `cdktf init` creates the app exactly as it does for a user. Then a recipe
#     goes into main.ts and `npx cdktf synth` writes it, and a jest test with the What-If
#     matchers runs through the app's own `npm test`.
#  2. Existing app: a minimal app with its own package.json; the block's one line installs.
#
# npm reads `npm_config_*` from the environment, for the npm inside `cdktf init` too: the cache is
# warm from this repository's `npm ci`, so packages are taken from it where it has them.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scratch="$root/.consumer"
rm -rf "$scratch" && mkdir -p "$scratch/bin"
export npm_config_prefer_offline=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export CHECKPOINT_DISABLE=1 DISABLE_VERSION_CHECK=1
ln -s "$root/node_modules/.bin/cdktf" "$scratch/bin/cdktf"
export PATH="$scratch/bin:$PATH"

tarball="$scratch/$(npm pack --silent --pack-destination "$scratch" | tail -n 1)"
echo "packed $tarball"
# Only what users run or read: no sources, tests, benchmarks or repository tooling.
unexpected=$(tar tzf "$tarball" | grep -E '^package/(src|test|bench|\.bench|build-tools|scripts|examples|\.ci|\.consumer|cdktf\.out)/' | head -5 || true)
if [ -n "$unexpected" ]; then
  echo "the package holds files users do not need (add them to the package ignores in .projenrc.ts):"
  echo "$unexpected"
  exit 1
fi

# readme_block MARKER: the command lines of the README's shell block after `<!-- consumer-check: MARKER -->`.
readme_block() {
  node -e '
    const text = require("fs").readFileSync(process.argv[1], "utf8");
    const marker = `<!-- consumer-check: ${process.argv[2]} -->`;
    const at = text.indexOf(marker);
    const block = at < 0 ? null : /^```sh\n([\s\S]*?)^```/m.exec(text.slice(at + marker.length));
    if (!block) { console.error(`README.md has no shell block after ${marker}`); process.exit(1); }
    process.stdout.write(block[1]);
  ' "$root/README.md" "$1"
}

# run_block MARKER: runs the block line by line in this shell (a `cd` carries over), the library
# package replaced by the tarball; the global CLI install is skipped (see above).
run_block() {
  local line
  while IFS= read -r line; do
    line="${line%%#*}"
    [ -z "${line// /}" ] && continue
    case "$line" in
      "npm install --global"*) echo "+ (skipped: $line; cdktf is $(command -v cdktf))"; continue ;;
    esac
    line=$(printf '%s' "$line" | sed "s#\(^\| \)cdktf-entra-conditional-access\( \|\$\)#\1$tarball\2#")
    echo "+ $line"
    eval "$line"
  done < <(readme_block "$1")
}

# ---- 1. fresh app
echo "=== fresh app: cdktf init and the README's lines"
cd "$scratch"
run_block 'fresh app'
app=$(pwd)
test -f "$app/cdktf.json" || { echo "the fresh-app block did not leave us in the app directory ($app)"; exit 1; }
node -e '
  const p = require("./package.json");
  const has = (deps, name) => Object.keys(deps || {}).includes(name);
  if (!has(p.dependencies, "cdktf-entra-conditional-access") || !has(p.dependencies, "@cdktf/provider-azuread")) { console.error("library or provider missing from dependencies"); process.exit(1); }
  console.log(`fresh app: typescript ${require("typescript/package.json").version}, cdktf-cli ${require("cdktf-cli/package.json").version}, jest ${require("jest/package.json").version}`);
'

cat > main.ts <<'TS'
import { Construct } from "constructs";
import { App, TerraformStack } from "cdktf";
import { AzureadProvider } from "@cdktf/provider-azuread/lib/provider";
import { PolicyState, Principal, SecureSecurityInfoRegistration } from "cdktf-entra-conditional-access";

export class TenantStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzureadProvider(this, "azuread", {});
    new SecureSecurityInfoRegistration(this, "Baseline", {
      trustedIpRanges: ["198.18.0.0/15"],
      emergencyAccess: { groups: [Principal.fromObjectId("00000000-0000-0000-0000-00000000e000")] },
      state: PolicyState.ON,
    });
  }
}

if (require.main === module) {
  const app = new App();
  new TenantStack(app, "consumer");
  app.synth();
}
TS
echo "+ npx cdktf synth   (main.ts with SecureSecurityInfoRegistration)"
npx cdktf synth
node -e '
const j = require("./cdktf.out/stacks/consumer/cdk.tf.json");
const policies = Object.values(j.resource.azuread_conditional_access_policy || {});
const locations = Object.values(j.resource.azuread_named_location || {});
const names = policies.map((p) => p.display_name).sort();
const expected = ["Combined Security Info Registration on Trusted Networks", "Combined Security Info Registration with TAP"];
if (JSON.stringify(names) !== JSON.stringify(expected)) { console.error("unexpected policies", names); process.exit(1); }
if (locations.length !== 1 || locations[0].ip.trusted !== true) { console.error("expected one trusted IP location"); process.exit(1); }
if (!policies.every((p) => p.state === "enabled")) { console.error("expected enabled policies"); process.exit(1); }
console.log("fresh app: 2 policies and 1 trusted location synthesized by npx cdktf synth");
'

# The README: the What-If matchers' setup goes into the app's setup.js.
echo "require('cdktf-entra-conditional-access/lib/testing/setup');" >> setup.js
cat > __tests__/what-if-test.ts <<'TS'
import { App } from "cdktf";
import { ClientAppType, GuestOrExternalUserType, SignIn, UserAction } from "cdktf-entra-conditional-access";
import { whatIf } from "cdktf-entra-conditional-access/lib/testing";
import { TenantStack } from "../main";

test("a guest registering security info from outside the trusted network is blocked", () => {
  const stack = new TenantStack(new App(), "tenant");
  const guest = SignIn.guest({
    userId: "22222222-2222-4222-8222-222222222222",
    externalUserType: GuestOrExternalUserType.B2B_COLLABORATION_GUEST,
    userAction: UserAction.REGISTER_SECURITY_INFORMATION,
    ipAddress: "198.51.100.7",
    clientAppType: ClientAppType.BROWSER,
    memberOf: [],
    roles: [],
  });
  expect(whatIf(stack, guest)).toBeBlocked();
});
TS
echo "+ npm test   (a What-If matcher test in the app's own jest setup)"
npm test 2>&1 | tee "$scratch/fresh-app-test.log"
grep -Eq "^Tests:.* 1 passed" "$scratch/fresh-app-test.log" && ! grep -Eq "^Tests:.* failed" "$scratch/fresh-app-test.log" \
  || { echo "the fresh app's What-If test did not pass"; exit 1; }
sed -i '/cdktf-entra-conditional-access\/lib\/testing\/setup/d' setup.js

# ---- 2. existing app
echo "=== existing app: the README's line in an app with its own package.json"
mkdir -p "$scratch/existing-app" && cd "$scratch/existing-app"
cat > package.json <<'JSON'
{ "name": "existing-app", "private": true, "dependencies": {} }
JSON
run_block 'existing app'
cat > main.js <<'JS'
const { App, TerraformStack } = require('cdktf');
const { AzureadProvider } = require('@cdktf/provider-azuread/lib/provider');
const ca = require('cdktf-entra-conditional-access');

const app = new App({ outdir: 'cdktf.out' });
const stack = new TerraformStack(app, 'consumer');
new AzureadProvider(stack, 'azuread', {});
new ca.RequireMfaForSecurityInfoRegistration(stack, 'RegisterWithMfa', {
  emergencyAccess: { groups: [ca.Principal.fromObjectId('00000000-0000-0000-0000-00000000e000')] },
});
app.synth();
JS
node main.js
node -e '
const j = require("./cdktf.out/stacks/consumer/cdk.tf.json");
const policies = Object.values(j.resource.azuread_conditional_access_policy || {});
if (policies.length !== 1 || policies[0].state !== "enabledForReportingButNotEnforced") { console.error("expected one report-only policy", policies); process.exit(1); }
console.log("existing app: the recipe synthesized from the installed tarball");
'
# The error type the README names, by the path it gives.
node -e '
const { App, TerraformStack } = require("cdktf");
const { IpNamedLocation } = require("cdktf-entra-conditional-access");
const { ValidationError } = require("cdktf-entra-conditional-access/lib/validation-error");
try {
  new IpNamedLocation(new TerraformStack(new App(), "Tenant"), "Office", { displayName: "Office", ipRanges: ["10.0.0.0/7", "203.0.113.7/24"] });
} catch (e) {
  if (!(e instanceof ValidationError) || e.problems.length !== 2 || e.constructPath !== "Tenant/Office") { console.error("unexpected error", e); process.exit(1); }
  console.log("existing app: bad input throws the ValidationError of lib/validation-error, with both problems");
  process.exit(0);
}
console.error("bad input did not throw"); process.exit(1);
'
