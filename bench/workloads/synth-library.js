'use strict';
/**
 * Workload A of the synth benchmark: the benchmark tenant built with this library's
 * L2 constructs (IpNamedLocation, ConditionalAccessPolicy, EmergencyAccess), loaded
 * from the compiled library, synthesized to `<outdir>/stacks/bench/cdk.tf.json`.
 *
 * Usage: node synth-library.js --lib <compiled lib dir> --policies <n> --outdir <dir>
 * Prints one `BENCH_RESULT {...}` line; times are ms since this process started.
 */
const { performance } = require('perf_hooks');
const path = require('path');
const { args, report, tenant } = require('./scenario');

const opts = args(process.argv.slice(2));
const lib = require(path.resolve(opts.lib));
const { App, TerraformStack } = require('cdktf');
const { AzureadProvider } = require('@cdktf/provider-azuread/lib/provider');
const importedAt = performance.now();

const t = tenant(Number(opts.policies));
const {
  AuthenticationStrength, BuiltInControl, ClientAppType, DevicePlatform, DirectoryRole, EmergencyAccess, GrantControls,
  IncludedUsers, IpNamedLocation, Location, PolicyState, Principal, RiskLevel, TargetResources, CloudApplication,
  ConditionalAccessPolicy, UserAction,
} = lib;

const STATES = { enabled: PolicyState.ON, disabled: PolicyState.OFF, enabledForReportingButNotEnforced: PolicyState.REPORT_ONLY };
/**
 * The library's constants for Graph values, e.g. `[ClientAppType.BROWSER]` for `['browser']`. An app
 * names the constants in its code; the lookup table is built once per class so that the benchmark
 * does not charge the library for searching them.
 */
const constantsByValue = new Map();
const byValue = (cls, values) => {
  let table = constantsByValue.get(cls);
  if (!table) {
    table = new Map(Object.values(cls).filter((x) => x instanceof cls).map((x) => [x.value, x]));
    constantsByValue.set(cls, table);
  }
  return values.map((v) => {
    const constant = table.get(v);
    if (!constant) throw new Error(`${cls.name} has no constant for '${v}'`);
    return constant;
  });
};

const app = new App({ outdir: opts.outdir });
const stack = new TerraformStack(app, 'bench');
new AzureadProvider(stack, 'azuread', {});
EmergencyAccess.of(stack).exclude({
  users: t.breakGlassUsers.map((u) => Principal.fromObjectId(u)),
  groups: [Principal.fromObjectId(t.breakGlassGroup)],
});

const locations = t.locations.map((l, i) => new IpNamedLocation(stack, `Location${i}`, {
  displayName: l.displayName,
  ipRanges: l.ipRanges,
  trusted: l.trusted,
}));

t.policies.forEach((p, i) => {
  let includeUsers;
  if (p.usersKind === 'all') includeUsers = IncludedUsers.all();
  else if (p.usersKind === 'guests') includeUsers = IncludedUsers.allGuestsOrExternalUsers();
  else {
    includeUsers = IncludedUsers.select({
      users: p.includeUsers.map((u) => Principal.fromObjectId(u)),
      groups: p.includeGroups.map((g) => Principal.fromObjectId(g)),
      roles: p.includeRoles.map((r) => DirectoryRole.fromTemplateId(r)),
    });
  }
  let target;
  if (p.targetKind === 'registerSecurityInfo') target = TargetResources.userActions(UserAction.REGISTER_SECURITY_INFORMATION);
  else if (p.targetKind === 'allResources') target = TargetResources.allResources(...p.excludeApps.map((a) => CloudApplication.fromAppId(a)));
  else {
    target = TargetResources.applications({
      include: p.includeApps.map((a) => (a === 'Office365' ? CloudApplication.OFFICE_365 : CloudApplication.fromAppId(a))),
    });
  }
  const location = locations[p.location];
  let grant;
  if (p.grantKind === 'block') grant = GrantControls.block();
  else if (p.grantKind === 'mfa') grant = GrantControls.requireMfa();
  else if (p.grantKind === 'mfaOrCompliant') grant = GrantControls.requireOneOf({ builtInControls: [BuiltInControl.MFA, BuiltInControl.COMPLIANT_DEVICE] });
  else grant = GrantControls.requireAuthenticationStrength(AuthenticationStrength.PHISHING_RESISTANT_MFA);

  new ConditionalAccessPolicy(stack, `Policy${i}`, {
    displayName: p.displayName,
    state: STATES[p.state],
    includeUsers,
    excludeUsers: p.excludeGroups.length ? { groups: p.excludeGroups.map((g) => Principal.fromObjectId(g)) } : undefined,
    target,
    includeLocations: p.locationMode === 'allExceptThis' ? [Location.ALL] : [location],
    excludeLocations: p.locationMode === 'allExceptThis'
      ? (p.excludeLocationTrusted ? [location, Location.ALL_TRUSTED] : [location])
      : undefined,
    clientAppTypes: byValue(ClientAppType, p.clientAppTypes),
    includePlatforms: p.platforms ? byValue(DevicePlatform, p.platforms.include) : undefined,
    excludePlatforms: p.platforms ? byValue(DevicePlatform, p.platforms.exclude) : undefined,
    signInRiskLevels: p.signInRiskLevels ? byValue(RiskLevel, p.signInRiskLevels) : undefined,
    userRiskLevels: p.userRiskLevels ? byValue(RiskLevel, p.userRiskLevels) : undefined,
    grant,
  });
});
const builtAt = performance.now();

app.synth();
const writtenAt = performance.now();

report({
  side: 'library',
  policies: t.n,
  importedMs: importedAt,
  builtMs: builtAt,
  writtenMs: writtenAt,
  cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  maxRssKb: process.resourceUsage().maxRSS,
  stackFile: path.join(opts.outdir, 'stacks', 'bench', 'cdk.tf.json'),
});
