#!/usr/bin/env bash
# Pack the library, install the tarball into a scratch CDKTF app with its own
# package.json, synthesize a stack that uses one recipe, and check the output.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scratch="$root/.consumer"
rm -rf "$scratch" && mkdir -p "$scratch"

tarball=$(npm pack --silent --pack-destination "$scratch" | tail -n 1)
echo "packed $tarball"

cdktf_version=$(node -p "require('./node_modules/cdktf/package.json').version")
constructs_version=$(node -p "require('./node_modules/constructs/package.json').version")
provider_version=$(node -p "require('./node_modules/@cdktf/provider-azuread/package.json').version")

cd "$scratch"
cat > package.json <<JSON
{
  "name": "consumer-check",
  "private": true,
  "dependencies": {
    "cdktf": "$cdktf_version",
    "constructs": "$constructs_version",
    "@cdktf/provider-azuread": "$provider_version",
    "cdktf-entra-conditional-access": "file:./$tarball"
  }
}
JSON
npm install --no-audit --no-fund --prefer-offline

cat > main.js <<'JS'
const { App, TerraformStack } = require('cdktf');
const { AzureadProvider } = require('@cdktf/provider-azuread/lib/provider');
const ca = require('cdktf-entra-conditional-access');

const app = new App({ outdir: 'cdktf.out' });
const stack = new TerraformStack(app, 'consumer');
new AzureadProvider(stack, 'azuread', {});
new ca.SecureSecurityInfoRegistration(stack, 'Baseline', {
  trustedIpRanges: ['198.18.0.0/15'],
  emergencyAccess: { groups: [ca.Principal.fromObjectId('00000000-0000-0000-0000-00000000e000')] },
  state: ca.PolicyState.ON,
});
app.synth();
JS
node main.js

node -e '
const j = require("./cdktf.out/stacks/consumer/cdk.tf.json");
const policies = Object.values(j.resource.azuread_conditional_access_policy || {});
const locations = Object.values(j.resource.azuread_named_location || {});
const names = policies.map((p) => p.display_name).sort();
const expected = ["Combined Security Info Registration on Trusted Networks", "Combined Security Info Registration with TAP"];
if (JSON.stringify(names) !== JSON.stringify(expected)) { console.error("unexpected policies", names); process.exit(1); }
if (locations.length !== 1 || locations[0].ip.trusted !== true) { console.error("expected one trusted IP location"); process.exit(1); }
if (!policies.every((p) => p.state === "enabled")) { console.error("expected enabled policies"); process.exit(1); }
console.log("consumer check: 2 policies and 1 trusted location synthesized from the installed tarball");
'

# The installed bin runs (shebang, bundled commander): a guest from an untrusted IP is blocked.
cat > guest.json <<'JSON'
{ "signInIdentity": { "@odata.type": "#microsoft.graph.userSignIn", "userId": "22222222-2222-4222-8222-222222222222", "externalUserType": "b2bCollaborationGuest" },
  "signInContext": { "@odata.type": "#microsoft.graph.userActionContext", "userAction": "registerSecurityInformation" },
  "signInConditions": { "ipAddress": "203.0.113.9", "clientAppType": "browser" },
  "directory": { "memberOf": [], "roles": [] } }
JSON
access=$(npx --no-install cdktf-entra-ca what-if cdktf.out/stacks/consumer --scenario guest.json --json | node -e 'let s="";process.stdin.on("data",(d)=>s+=d).on("end",()=>console.log(JSON.parse(s).outcome.access))')
if [ "$access" != "blocked" ]; then echo "consumer check: expected the installed CLI to report blocked, got '$access'"; exit 1; fi
echo "consumer check: the installed cdktf-entra-ca CLI reports the guest as blocked"
