// The generators and the app builder of the property tests (test/safety/properties.test.ts), in a module of
// their own so that scripts can synthesize the same random stacks (scripts/validation-stacks.ts: terraform
// validate against the provider). Not a test file.
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { Testing, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import * as ipaddr from 'ipaddr.js';
import {
  AuthenticationFlow,
  AuthenticationMethodCombination,
  AuthenticationStrength,
  BuiltInControl,
  ClientAppType,
  CloudAppSecurityPolicy,
  CloudApplication,
  ConditionalAccessPolicy,
  CountryLookupMethod,
  CountryNamedLocation,
  CustomAuthenticationStrength,
  DevicePlatform,
  DirectoryRole,
  ExternalTenants,
  FilterMode,
  GrantControls,
  GuestOrExternalUserType,
  GuestsOrExternalUsers,
  IAuthenticationStrength,
  ILocation,
  IncludedUsers,
  InsiderRiskLevel,
  IpNamedLocation,
  Location,
  PersistentBrowserMode,
  PolicyState,
  Principal,
  RiskLevel,
  SignInFrequency,
  SignInFrequencyAuthenticationType,
  TargetResources,
  UserAction,
  UserSelection,
} from '../../src';

// ---------------------------------------------------------------------------
// Value generators
// ---------------------------------------------------------------------------

/** A GUID as Graph writes it (lower-case). */
export const guidArb = fc.uuid();

interface GeneratedCidr {
  /** Canonical text: network address, lower-case, compressed IPv6. */
  readonly canonical: string;
  /** How the user writes it (canonical, or IPv6 upper-case / expanded). */
  readonly input: string;
  /** Sort key: family, network bytes, prefix. */
  readonly key: number[];
}

/** Keep the first `prefix` bits of each byte (arithmetic, no bitwise operators). */
function networkBytes(bytes: number[], prefix: number): number[] {
  return bytes.map((b, i) => {
    const keep = Math.max(0, Math.min(8, prefix - 8 * i));
    const size = 2 ** (8 - keep);
    return b - (b % size);
  });
}

function cidrArb(family: 4 | 6): fc.Arbitrary<GeneratedCidr> {
  const length = family === 4 ? 4 : 16;
  const bytes = family === 4
    ? fc.array(fc.nat(255), { minLength: length, maxLength: length })
    // 2000::/3 is the global unicast space.
    : fc.tuple(fc.integer({ min: 0x20, max: 0x3f }), fc.array(fc.nat(255), { minLength: 15, maxLength: 15 }))
      .map(([first, rest]) => [first, ...rest]);
  return fc.tuple(bytes, fc.integer({ min: 9, max: family === 4 ? 32 : 128 }), fc.nat(2))
    .map(([raw, prefix, spelling]) => {
      const net = networkBytes(raw, prefix);
      const address = ipaddr.fromByteArray(net);
      const canonical = `${address.toString()}/${prefix}`;
      let input = canonical;
      if (family === 6 && spelling === 1) input = canonical.toUpperCase();
      if (family === 6 && spelling === 2) input = `${(address as ipaddr.IPv6).toNormalizedString()}/${prefix}`;
      return { canonical, input, key: [family, ...net, prefix], range: address.range() };
    })
    .filter((c) => c.range === 'unicast')
    .map(({ canonical, input, key }) => ({ canonical, input, key }));
}

/** Public unicast CIDR ranges, IPv4 (/9../32) and IPv6 (/9../128), network addresses only. */
export const anyCidrArb = fc.oneof(cidrArb(4), cidrArb(6));

export function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ALPHA2 = Object.keys((require('i18n-iso-countries') as typeof import('i18n-iso-countries')).getAlpha2Codes());

/** ISO 3166-1 alpha-2 codes from the maintained list, in any case. */
export const countryArb = fc.tuple(fc.constantFrom(...ALPHA2), fc.boolean()).map(([c, lower]) => (lower ? c.toLowerCase() : c));

const COMBINATIONS = AuthenticationMethodCombination.all().map((c) => c.value);
/** A documented combination, its modes in any order. */
const combinationArb = fc.tuple(fc.constantFrom(...COMBINATIONS), fc.boolean())
  .map(([c, flip]) => (flip ? c.split(',').reverse().join(',') : c));

const nameArb = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && !s.includes('${') && !s.includes('%{'));

function nonEmptySubset<T>(items: T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray(items, { minLength: 1 });
}

// ---------------------------------------------------------------------------
// Whole option sets, as data (so mutations are data edits)
// ---------------------------------------------------------------------------

interface GuestSpec { types: GuestOrExternalUserType[]; tenants?: string[] }
interface SelectionSpec { users: string[]; groups: string[]; roles: DirectoryRole[]; guests?: 'ALL' | GuestSpec }
type UsersSpec = { kind: 'all' } | { kind: 'allGuests' } | { kind: 'none' } | ({ kind: 'select' } & SelectionSpec);
type LocationRef = 'All' | 'AllTrusted' | 'ip' | 'country';
type TargetSpec = { kind: 'actions'; actions: UserAction[] } | { kind: 'apps'; include: string[]; exclude: string[] };
type StrengthRef = 'custom' | 'mfa' | 'passwordless' | 'phishingResistant';
type GrantSpec = { kind: 'block' } | { kind: 'require'; operator: 'OR' | 'AND'; builtIns: BuiltInControl[]; strength?: StrengthRef; termsOfUse: string[] };
type FrequencySpec = { kind: 'hours'; n: number } | { kind: 'days'; n: number } | { kind: 'everyTime' };
interface SessionSpec {
  frequency?: FrequencySpec;
  authType?: SignInFrequencyAuthenticationType;
  persistent?: PersistentBrowserMode;
  cas?: CloudAppSecurityPolicy;
  appEnforced?: true;
  disableResilience?: true;
}

export interface PolicySpec {
  variant: 'general' | 'passwordChange' | 'registerDevice' | 'workload';
  displayName: string;
  state: PolicyState;
  users: UsersSpec;
  exclude?: SelectionSpec;
  emergencyGroups: string[];
  target: TargetSpec;
  locations?: { include?: LocationRef[]; exclude: LocationRef[] };
  platforms?: { include: DevicePlatform[]; exclude: DevicePlatform[] };
  clientApps?: ClientAppType[];
  signInRisk?: RiskLevel[];
  userRisk?: RiskLevel[];
  insiderRisk?: InsiderRiskLevel;
  flows?: AuthenticationFlow[];
  deviceFilter?: { mode: FilterMode; rule: string };
  workload?: { all: boolean; include: string[]; exclude: string[] };
  servicePrincipalRisk?: RiskLevel[];
  grant?: GrantSpec;
  session?: SessionSpec;
}

export interface Spec {
  ipName: string;
  ipRanges: GeneratedCidr[];
  /** Extra raw range texts (only mutations add them). */
  extraRanges: string[];
  trusted: boolean;
  countryName: string;
  countries: string[];
  lookup: CountryLookupMethod;
  strengthName: string;
  combinations: string[];
  policy: PolicySpec;
}

const ROLES = [DirectoryRole.GLOBAL_ADMINISTRATOR, DirectoryRole.SECURITY_ADMINISTRATOR, DirectoryRole.USER_ADMINISTRATOR, DirectoryRole.fromTemplateId('0526716b-113d-4c15-b2c8-68e3c22b9f80')];
const RISKS = [RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.HIDDEN, RiskLevel.NONE];
const SPECIFIC_PLATFORMS = [
  DevicePlatform.ANDROID, DevicePlatform.IOS, DevicePlatform.LINUX, DevicePlatform.MACOS, DevicePlatform.WINDOWS, DevicePlatform.WINDOWS_PHONE,
];
const SPECIFIC_CLIENT_APPS = [
  ClientAppType.BROWSER, ClientAppType.MOBILE_APPS_AND_DESKTOP_CLIENTS, ClientAppType.EXCHANGE_ACTIVE_SYNC,
  ClientAppType.EAS_SUPPORTED, ClientAppType.OTHER,
];
export const GRANT_BUILT_INS = [
  BuiltInControl.MFA, BuiltInControl.COMPLIANT_DEVICE, BuiltInControl.DOMAIN_JOINED_DEVICE,
  BuiltInControl.APPROVED_APPLICATION, BuiltInControl.COMPLIANT_APPLICATION,
];

const guestSpecArb: fc.Arbitrary<GuestSpec> = fc.record({
  types: nonEmptySubset(GuestOrExternalUserType.all()),
  tenants: fc.option(fc.uniqueArray(guidArb, { minLength: 1, maxLength: 3 }), { nil: undefined }),
});

const selectionArb = (requireSomething: boolean): fc.Arbitrary<SelectionSpec> => fc.record({
  users: fc.array(guidArb, { maxLength: 3 }),
  groups: fc.array(guidArb, { maxLength: 3 }),
  roles: fc.subarray(ROLES),
  guests: fc.option(fc.oneof(fc.constant('ALL' as const), guestSpecArb), { nil: undefined }),
}).filter((s) => !requireSomething || s.users.length + s.groups.length + s.roles.length > 0 || s.guests !== undefined);

const usersArb: fc.Arbitrary<UsersSpec> = fc.oneof(
  fc.constant({ kind: 'all' as const }),
  fc.constant({ kind: 'allGuests' as const }),
  selectionArb(true).map((s) => ({ kind: 'select' as const, ...s })),
);

const appsTargetArb: fc.Arbitrary<TargetSpec> = fc.oneof(
  fc.record({
    kind: fc.constant('apps' as const),
    include: fc.constant<string[]>(['All']),
    exclude: fc.subarray(['Office365', 'MicrosoftAdminPortals', '00000003-0000-0ff1-ce00-000000000000']),
  }),
  fc.record({
    kind: fc.constant('apps' as const),
    include: nonEmptySubset(['Office365', 'MicrosoftAdminPortals', '00000002-0000-0ff1-ce00-000000000000']),
    exclude: fc.constant<string[]>([]),
  }),
  fc.record({ kind: fc.constant('apps' as const), include: fc.constant<string[]>(['None']), exclude: fc.constant<string[]>([]) }),
);

const locationsArb = fc.oneof(
  fc.record({ include: fc.constant<LocationRef[]>(['All']), exclude: fc.subarray<LocationRef>(['AllTrusted', 'ip', 'country']) }),
  fc.shuffledSubarray<LocationRef>(['AllTrusted', 'ip', 'country'], { minLength: 1 }).chain((include) => fc.record({
    include: fc.constant(include),
    exclude: fc.subarray((['AllTrusted', 'ip', 'country'] as LocationRef[]).filter((l) => !include.includes(l))),
  })),
);

const platformsArb = fc.oneof(
  fc.record({ include: fc.constant<DevicePlatform[]>([DevicePlatform.ALL]), exclude: fc.subarray(SPECIFIC_PLATFORMS) }),
  fc.record({ include: nonEmptySubset(SPECIFIC_PLATFORMS), exclude: fc.constant<DevicePlatform[]>([]) }),
);

const clientAppsArb = fc.option(
  fc.oneof(fc.constant<ClientAppType[]>([ClientAppType.ALL]), nonEmptySubset(SPECIFIC_CLIENT_APPS)),
  { nil: undefined },
);

const strengthRefArb = fc.constantFrom<StrengthRef>('custom', 'mfa', 'passwordless', 'phishingResistant');

const grantArb: fc.Arbitrary<GrantSpec> = fc.oneof(
  fc.constant({ kind: 'block' as const }),
  fc.record({
    kind: fc.constant('require' as const),
    operator: fc.constantFrom<'OR' | 'AND'>('OR', 'AND'),
    builtIns: fc.subarray(GRANT_BUILT_INS),
    strength: fc.option(strengthRefArb, { nil: undefined }),
    termsOfUse: fc.array(guidArb, { maxLength: 2 }),
  }).map((g) => (g.builtIns.includes(BuiltInControl.MFA) ? { ...g, strength: undefined } : g))
    .filter((g) => g.builtIns.length > 0 || g.strength !== undefined || g.termsOfUse.length > 0),
);

const frequencyArb: fc.Arbitrary<FrequencySpec> = fc.oneof(
  fc.record({ kind: fc.constant('hours' as const), n: fc.integer({ min: 1, max: 23 }) }),
  fc.record({ kind: fc.constant('days' as const), n: fc.integer({ min: 1, max: 365 }) }),
  fc.constant({ kind: 'everyTime' as const }),
);

function sessionArb(allApps: boolean): fc.Arbitrary<SessionSpec> {
  return fc.record({
    frequency: fc.option(frequencyArb, { nil: undefined }),
    authType: fc.option(
      fc.constantFrom(SignInFrequencyAuthenticationType.PRIMARY_AND_SECONDARY, SignInFrequencyAuthenticationType.SECONDARY),
      { nil: undefined },
    ),
    persistent: allApps
      ? fc.option(fc.constantFrom(PersistentBrowserMode.ALWAYS, PersistentBrowserMode.NEVER), { nil: undefined })
      : fc.constant(undefined),
    cas: fc.option(
      fc.constantFrom(CloudAppSecurityPolicy.BLOCK_DOWNLOADS, CloudAppSecurityPolicy.MCAS_CONFIGURED, CloudAppSecurityPolicy.MONITOR_ONLY),
      { nil: undefined },
    ),
    // app-enforced restrictions only where Exchange Online and SharePoint Online can enforce them (all resources here)
    appEnforced: allApps ? fc.option(fc.constant(true as const), { nil: undefined }) : fc.constant(undefined),
    disableResilience: fc.option(fc.constant(true as const), { nil: undefined }),
  }, { requiredKeys: [] }).filter((s) => !!(s.frequency || s.persistent || s.cas || s.appEnforced || s.disableResilience))
    .map((s) => (s.frequency ? s : { ...s, authType: undefined }))
    // every time: provider 3.7.0 drops app-enforced restrictions and resilience defaults (issue #1225), and Graph
    // refuses a never-persistent browser with it
    .filter((s) => s.frequency?.kind !== 'everyTime' || (!s.appEnforced && !s.disableResilience && s.persistent !== PersistentBrowserMode.NEVER));
}

const commonArb = fc.record({
  displayName: nameArb,
  state: fc.constantFrom(PolicyState.ON, PolicyState.OFF, PolicyState.REPORT_ONLY),
  emergencyGroups: fc.array(guidArb, { minLength: 1, maxLength: 2 }),
});

/** Exclusions valid with any inclusion: a guest block only if the include side has no special guest value. */
const excludeArb = fc.option(selectionArb(false), { nil: undefined });

const generalArb: fc.Arbitrary<PolicySpec> = fc.record({
  common: commonArb,
  users: usersArb,
  exclude: excludeArb,
  target: fc.oneof(appsTargetArb, fc.constant<TargetSpec>({ kind: 'actions', actions: [UserAction.REGISTER_SECURITY_INFORMATION] })),
  locations: fc.option(locationsArb, { nil: undefined }),
  platforms: fc.option(platformsArb, { nil: undefined }),
  clientApps: clientAppsArb,
  signInRisk: fc.option(nonEmptySubset(RISKS), { nil: undefined }),
  userRisk: fc.option(nonEmptySubset(RISKS), { nil: undefined }),
  insiderRisk: fc.option(fc.constantFrom(InsiderRiskLevel.MINOR, InsiderRiskLevel.MODERATE, InsiderRiskLevel.ELEVATED), { nil: undefined }),
  flows: fc.option(nonEmptySubset([AuthenticationFlow.AUTHENTICATION_TRANSFER, AuthenticationFlow.DEVICE_CODE_FLOW]), { nil: undefined }),
  deviceFilter: fc.option(fc.record({ mode: fc.constantFrom(FilterMode.INCLUDE, FilterMode.EXCLUDE), rule: fc.constant('device.trustType -eq "ServerAD"') }), { nil: undefined }),
  grant: fc.option(grantArb, { nil: undefined }),
  sessionSeed: fc.option(fc.constant(true), { nil: undefined }),
}).chain((g) => {
  const allApps = g.target.kind === 'apps' && g.target.include.includes('All');
  const needsSession = !g.grant || g.sessionSeed;
  // every time is taken on any application and user action, risky or not (Graph beta signInFrequencySessionControl; issue 20)
  return (needsSession ? sessionArb(allApps) : fc.constant(undefined)).map((session): PolicySpec => ({
    variant: 'general',
    ...g.common,
    users: g.users,
    exclude: g.exclude,
    target: g.target,
    locations: g.locations,
    platforms: g.platforms,
    clientApps: g.clientApps,
    signInRisk: g.signInRisk,
    userRisk: g.userRisk,
    insiderRisk: g.insiderRisk,
    flows: g.flows,
    deviceFilter: g.deviceFilter,
    grant: g.grant,
    session,
  }));
});

const passwordChangeArb: fc.Arbitrary<PolicySpec> = fc.record({
  common: commonArb,
  users: usersArb,
  exclude: excludeArb,
  clientApps: fc.option(fc.constant<ClientAppType[]>([ClientAppType.ALL]), { nil: undefined }),
  userRisk: nonEmptySubset(RISKS),
}).map((g) => ({
  variant: 'passwordChange',
  ...g.common,
  users: g.users,
  exclude: g.exclude,
  target: { kind: 'apps', include: ['All'], exclude: [] },
  clientApps: g.clientApps,
  userRisk: g.userRisk,
  grant: { kind: 'require', operator: 'AND', builtIns: [BuiltInControl.MFA, BuiltInControl.PASSWORD_CHANGE], termsOfUse: [] },
  session: { frequency: { kind: 'everyTime' } },
}));

const registerDeviceArb: fc.Arbitrary<PolicySpec> = fc.record({
  common: commonArb,
  users: usersArb,
  exclude: excludeArb,
  locations: fc.option(locationsArb, { nil: undefined }),
  clientApps: fc.option(fc.constant<ClientAppType[]>([ClientAppType.ALL]), { nil: undefined }),
  strength: fc.option(strengthRefArb, { nil: undefined }),
}).map((g) => ({
  variant: 'registerDevice',
  ...g.common,
  users: g.users,
  exclude: g.exclude,
  target: { kind: 'actions', actions: [UserAction.REGISTER_OR_JOIN_DEVICES] },
  locations: g.locations,
  clientApps: g.clientApps,
  grant: g.strength
    ? { kind: 'require', operator: 'OR', builtIns: [], strength: g.strength, termsOfUse: [] }
    : { kind: 'require', operator: 'OR', builtIns: [BuiltInControl.MFA], termsOfUse: [] },
}));

const workloadArb: fc.Arbitrary<PolicySpec> = fc.record({
  common: commonArb,
  target: appsTargetArb,
  workload: fc.record({ all: fc.boolean(), include: fc.array(guidArb, { maxLength: 2 }), exclude: fc.array(guidArb, { maxLength: 2 }) })
    .filter((w) => w.all || w.include.length > 0)
    // exclusions apply to "all owned service principals" only, and never to one that is also included
    .map((w) => ({ ...w, exclude: w.all ? w.exclude.filter((e) => !w.include.includes(e)) : [] })),
  locations: fc.option(locationsArb, { nil: undefined }),
  // service principal risk has no 'hidden' (Graph servicePrincipalRiskLevels)
  servicePrincipalRisk: fc.option(nonEmptySubset(RISKS.filter((r) => r !== RiskLevel.HIDDEN)), { nil: undefined }),
}).map((g) => ({
  variant: 'workload',
  ...g.common,
  emergencyGroups: [],
  users: { kind: 'none' },
  target: g.target,
  workload: g.workload,
  locations: g.locations,
  servicePrincipalRisk: g.servicePrincipalRisk,
  grant: { kind: 'block' },
}));

/** A whole valid option set: the supporting locations and strength, and one policy. */
export const specArb: fc.Arbitrary<Spec> = fc.record({
  ipName: nameArb,
  ipRanges: fc.uniqueArray(anyCidrArb, { selector: (c) => c.canonical, minLength: 1, maxLength: 6 }),
  extraRanges: fc.constant([]),
  trusted: fc.boolean(),
  countryName: nameArb,
  countries: fc.uniqueArray(countryArb, { selector: (c) => c.toUpperCase(), minLength: 1, maxLength: 5 }),
  lookup: fc.constantFrom(CountryLookupMethod.CLIENT_IP_ADDRESS, CountryLookupMethod.AUTHENTICATOR_APP_GPS),
  strengthName: nameArb,
  combinations: fc.uniqueArray(combinationArb, { selector: (c) => c.split(',').sort().join(','), minLength: 1, maxLength: 5 }),
  policy: fc.oneof(
    { weight: 6, arbitrary: generalArb },
    { weight: 1, arbitrary: passwordChangeArb },
    { weight: 1, arbitrary: registerDeviceArb },
    { weight: 1, arbitrary: workloadArb },
  ).filter(noIncludeExcludeOverlap),
});

/** The same user, group or role on both sides is invalid input (the exclusion wins): valid specs have none. */
function noIncludeExcludeOverlap(p: PolicySpec): boolean {
  if (p.users.kind !== 'select') return true;
  const excludedGroups = [...(p.exclude?.groups ?? []), ...p.emergencyGroups];
  return !p.users.users.some((u) => p.exclude?.users.includes(u))
    && !p.users.groups.some((g) => excludedGroups.includes(g))
    && !p.users.roles.some((r) => p.exclude?.roles.includes(r));
}

// ---------------------------------------------------------------------------
// Building the app from a spec
// ---------------------------------------------------------------------------

function guests(g: 'ALL' | GuestSpec): GuestsOrExternalUsers {
  if (g === 'ALL') return GuestsOrExternalUsers.ALL;
  return GuestsOrExternalUsers.of({ types: g.types, externalTenants: g.tenants ? ExternalTenants.enumerated(...g.tenants) : undefined });
}

function selection(s: SelectionSpec): UserSelection {
  return {
    users: s.users.map((u) => Principal.fromObjectId(u)),
    groups: s.groups.map((g) => Principal.fromObjectId(g)),
    roles: s.roles,
    guestsOrExternalUsers: s.guests ? guests(s.guests) : undefined,
  };
}

export function build(spec: Spec, scope: Construct = Testing.app(), id = 'stack'): TerraformStack {
  const stack = new TerraformStack(scope, id);
  new AzureadProvider(stack, 'azuread', {});
  const ip = new IpNamedLocation(stack, 'Ip', {
    displayName: spec.ipName, ipRanges: [...spec.ipRanges.map((c) => c.input), ...spec.extraRanges], trusted: spec.trusted,
  });
  const country = new CountryNamedLocation(stack, 'Country', { displayName: spec.countryName, countriesAndRegions: spec.countries, countryLookupMethod: spec.lookup });
  const custom = new CustomAuthenticationStrength(stack, 'Strength', {
    displayName: spec.strengthName, allowedCombinations: spec.combinations.map((c) => AuthenticationMethodCombination.parse(c)),
  });
  const p = spec.policy;
  const strengths: Record<StrengthRef, IAuthenticationStrength> = {
    custom,
    mfa: AuthenticationStrength.MULTIFACTOR_AUTHENTICATION,
    passwordless: AuthenticationStrength.PASSWORDLESS_MFA,
    phishingResistant: AuthenticationStrength.PHISHING_RESISTANT_MFA,
  };
  const locations: Record<LocationRef, ILocation> = { All: Location.ALL, AllTrusted: Location.ALL_TRUSTED, ip, country };

  const includeUsers = p.users.kind === 'all' ? IncludedUsers.all()
    : p.users.kind === 'allGuests' ? IncludedUsers.allGuestsOrExternalUsers()
      : p.users.kind === 'none' ? IncludedUsers.none()
        : IncludedUsers.select(selection(p.users));
  const excludeUsers = p.exclude ? selection(p.exclude) : undefined;
  const target = p.target.kind === 'actions'
    ? TargetResources.userActions(...p.target.actions)
    : TargetResources.applications({ include: p.target.include.map(app), exclude: p.target.exclude.map(app) });
  const g = p.grant;
  const grant = !g ? undefined : g.kind === 'block' ? GrantControls.block()
    : (g.operator === 'OR' ? GrantControls.requireOneOf : GrantControls.requireAll)({
      builtInControls: g.builtIns.length ? g.builtIns : undefined,
      authenticationStrength: g.strength ? strengths[g.strength] : undefined,
      termsOfUse: g.termsOfUse.length ? g.termsOfUse : undefined,
    });
  const s = p.session;
  const frequency = s?.frequency?.kind === 'hours' ? SignInFrequency.hours(s.frequency.n, s.authType)
    : s?.frequency?.kind === 'days' ? SignInFrequency.days(s.frequency.n, s.authType)
      : s?.frequency ? SignInFrequency.everyTime(s.authType) : undefined;

  new ConditionalAccessPolicy(stack, 'Policy', {
    displayName: p.displayName,
    state: p.state,
    includeUsers,
    excludeUsers,
    emergencyAccess: p.emergencyGroups.length ? { groups: p.emergencyGroups.map((e) => Principal.fromObjectId(e)) } : undefined,
    workloadIdentities: p.workload ? {
      allServicePrincipalsInMyTenant: p.workload.all,
      includeServicePrincipals: p.workload.include.map((x) => Principal.fromObjectId(x)),
      excludeServicePrincipals: p.workload.exclude.map((x) => Principal.fromObjectId(x)),
    } : undefined,
    target,
    includeLocations: p.locations?.include?.map((l) => locations[l]),
    excludeLocations: p.locations && p.locations.exclude.length ? p.locations.exclude.map((l) => locations[l]) : undefined,
    includePlatforms: p.platforms?.include,
    excludePlatforms: p.platforms && p.platforms.exclude.length ? p.platforms.exclude : undefined,
    clientAppTypes: p.clientApps,
    signInRiskLevels: p.signInRisk,
    userRiskLevels: p.userRisk,
    servicePrincipalRiskLevels: p.servicePrincipalRisk,
    insiderRiskLevel: p.insiderRisk,
    authenticationFlows: p.flows,
    deviceFilter: p.deviceFilter,
    grant,
    session: s ? {
      signInFrequency: frequency,
      persistentBrowserMode: s.persistent,
      cloudAppSecurityPolicy: s.cas,
      applicationEnforcedRestrictions: s.appEnforced,
      disableResilienceDefaults: s.disableResilience,
    } : undefined,
  });
  return stack;
}

function app(value: string): CloudApplication {
  switch (value) {
    case 'All': return CloudApplication.ALL;
    case 'None': return CloudApplication.NONE;
    case 'Office365': return CloudApplication.OFFICE_365;
    case 'MicrosoftAdminPortals': return CloudApplication.MICROSOFT_ADMIN_PORTALS;
    default: return CloudApplication.fromAppId(value);
  }
}
