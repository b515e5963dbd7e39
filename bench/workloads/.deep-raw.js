'use strict';
/**
 * Workload B of the synth benchmark: the same benchmark tenant built with the raw
 * `@cdktf/provider-azuread` L1 classes (deep imports, no library), synthesized to
 * `<outdir>/stacks/bench/cdk.tf.json`. It writes the resource bodies the library
 * writes: lists sorted, empty lists omitted, break-glass accounts excluded everywhere.
 *
 * Usage: node synth-raw.js --policies <n> --outdir <dir>
 * Prints one `BENCH_RESULT {...}` line; times are ms since this process started.
 */
function deep(n, f) { return n === 0 ? f() : deep(n - 1, f); }
const { performance } = require('perf_hooks');
const path = require('path');
const { args, rawGrantControls, report, tenant } = require('./scenario');

const opts = args(process.argv.slice(2));
const { App, TerraformStack } = require('cdktf');
const { AzureadProvider } = require('@cdktf/provider-azuread/lib/provider');
const { NamedLocation } = require('@cdktf/provider-azuread/lib/named-location');
const { ConditionalAccessPolicy } = require('@cdktf/provider-azuread/lib/conditional-access-policy');
const importedAt = performance.now();

const t = tenant(Number(opts.policies));
const nonEmpty = (list) => (list && list.length > 0 ? list : undefined);

const app = new App({ outdir: opts.outdir });
const stack = new TerraformStack(app, 'bench');
new AzureadProvider(stack, 'azuread', {});

const locations = t.locations.map((l, i) => new NamedLocation(stack, `location_${i}`, {
  displayName: l.displayName,
  ip: { ipRanges: l.ipRanges, trusted: l.trusted },
}));

t.policies.forEach((p, i) => {
  const location = locations[p.location];
  const includedUsers = p.usersKind === 'all' ? ['All'] : p.usersKind === 'guests' ? ['GuestsOrExternalUsers'] : p.includeUsers;
  deep(4, () => new ConditionalAccessPolicy(stack, `policy_${i}`, {
    displayName: p.displayName,
    state: p.state,
    conditions: {
      applications: {
        includedUserActions: p.targetKind === 'registerSecurityInfo' ? ['urn:user:registersecurityinfo'] : undefined,
        includedApplications: p.targetKind === 'allResources' ? ['All'] : nonEmpty(p.includeApps),
        excludedApplications: nonEmpty(p.excludeApps),
      },
      users: {
        includedUsers: nonEmpty(includedUsers),
        includedGroups: nonEmpty(p.includeGroups),
        includedRoles: nonEmpty(p.includeRoles),
        excludedUsers: p.excludedUsers,
        excludedGroups: p.excludedGroups,
      },
      clientAppTypes: p.clientAppTypes,
      locations: p.locationMode === 'allExceptThis'
        ? { includedLocations: ['All'], excludedLocations: p.excludeLocationTrusted ? [location.objectId, 'AllTrusted'] : [location.objectId] }
        : { includedLocations: [location.objectId] },
      platforms: p.platforms ? { includedPlatforms: p.platforms.include, excludedPlatforms: p.platforms.exclude } : undefined,
      signInRiskLevels: p.signInRiskLevels,
      userRiskLevels: p.userRiskLevels,
    },
    grantControls: rawGrantControls(p),
  }));
});
const builtAt = performance.now();

app.synth();
const writtenAt = performance.now();

report({
  side: 'raw',
  policies: t.n,
  importedMs: importedAt,
  builtMs: builtAt,
  writtenMs: writtenAt,
  cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  maxRssKb: process.resourceUsage().maxRSS,
  stackFile: path.join(opts.outdir, 'stacks', 'bench', 'cdk.tf.json'),
});
