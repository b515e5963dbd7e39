'use strict';
/**
 * The benchmark tenant: a deterministic, plain-data description of N Conditional
 * Access policies and N IP named locations (policy i uses location i by reference),
 * plus the users, groups and applications that What-If sign-ins draw from.
 *
 * Both synth workloads (library L2 constructs and raw provider L1 classes) build
 * from the same description, so they produce the same resources. Every list is
 * already in the order the library writes it (sorted, de-duplicated, CIDRs in
 * canonical order), so the raw side writes byte-identical resource bodies.
 *
 * Plain JavaScript on purpose: the workloads run as compiled JS in fresh `node`
 * processes, with no TypeScript loader on either side.
 */

/**
 * mulberry32: a small, fast, fixed-seed PRNG (no Math.random anywhere in the bench).
 * @param {number} seed a 32-bit seed
 * @returns {() => number} a function returning floats in [0, 1)
 */
function prng(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random integer in [0, n).
 * @param {() => number} rnd the PRNG
 * @param {number} n the bound
 */
function int(rnd, n) {
  return Math.floor(rnd() * n);
}

/**
 * A random element.
 * @template T
 * @param {() => number} rnd the PRNG
 * @param {readonly T[]} list the list
 * @returns {T}
 */
function pick(rnd, list) {
  return list[int(rnd, list.length)];
}

/**
 * A random lower-case GUID.
 * @param {() => number} rnd the PRNG
 */
function guid(rnd) {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += (int(rnd, 0x100000000)).toString(16).padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** `[...new Set(values)].sort()`: the library's `sortedUnique` for literal values. */
function sortedUnique(values) {
  return [...new Set(values)].sort();
}

/** First octets of public unicast IPv4 space used for the locations' ranges. */
const FIRST_OCTETS = [20, 40, 52, 104];
/** Members of the Office 365 suite (published ids), so suite targeting is exercised by What-If. */
const OFFICE_MEMBERS = [
  '00000002-0000-0ff1-ce00-000000000000', // Office 365 Exchange Online
  '00000003-0000-0ff1-ce00-000000000000', // Office 365 SharePoint Online
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Microsoft Teams
  'd3590ed6-52b3-4102-aeff-aad2292ab01c', // Microsoft Office
];
/** Directory role template ids (Global Administrator, Security Administrator, User Administrator). */
const ROLES = ['62e90394-69f5-4237-9190-012177145e10', '194ae4cb-b126-40b2-bd5b-6091b380977d', 'fe930be7-5e62-47db-91af-98c3a49a38b1'];
/** Built-in "Phishing-resistant MFA" authentication strength (no Temporary Access Pass, so no lint warning for guests). */
const PHISHING_RESISTANT = '/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004';

/**
 * The benchmark tenant with `n` policies and `n` IP named locations.
 * @param {number} n number of policies (and of locations); at most 195 (the tenant limits)
 */
function tenant(n) {
  if (!Number.isInteger(n) || n < 1 || n > 195) throw new Error(`policies: ${n} is not an integer in 1..195`);
  const rnd = prng(0xca1195);
  const breakGlassUsers = sortedUnique([guid(rnd), guid(rnd)]);
  const breakGlassGroup = guid(rnd);
  const users = Array.from({ length: 200 }, () => guid(rnd));
  const groups = Array.from({ length: 40 }, () => guid(rnd));
  const apps = Array.from({ length: 30 }, () => guid(rnd));

  const locations = [];
  for (let i = 0; i < n; i++) {
    const count = 1 + (i % 3);
    const v4 = [];
    for (let j = 0; j < count; j++) {
      v4.push([FIRST_OCTETS[j], i, (i * 7 + j * 31) % 256]);
    }
    // compareCidr order: by address bytes. All v4 ranges are /24.
    v4.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    const ipRanges = v4.map((o) => `${o[0]}.${o[1]}.${o[2]}.0/24`);
    if (i % 4 === 0) ipRanges.push(`2a01:111:f400:${(i + 1).toString(16)}::/64`);
    locations.push({
      displayName: `Bench egress ${String(i).padStart(3, '0')}`,
      ipRanges,
      trusted: i % 5 === 0,
    });
  }

  const policies = [];
  for (let i = 0; i < n; i++) {
    const usersKind = ['all', 'guests', 'groups', 'usersAndRoles'][i % 4];
    const targetKind = ['registerSecurityInfo', 'allResources', 'applications'][i % 3];
    let state = 'enabled';
    if (i % 7 === 6) state = 'disabled';
    else if (targetKind !== 'registerSecurityInfo' && i % 5 === 4) state = 'enabledForReportingButNotEnforced';

    const includeGroups = usersKind === 'groups' ? sortedUnique([groups[i % 40], groups[(i * 3 + 1) % 40]]) : [];
    const includeUsers = usersKind === 'usersAndRoles' ? sortedUnique([users[i % 200], users[(i * 5 + 2) % 200], users[(i * 11 + 3) % 200]]) : [];
    const includeRoles = usersKind === 'usersAndRoles' ? sortedUnique([ROLES[i % 3]]) : [];
    const excludeGroups = usersKind === 'all' ? [groups[(i + 7) % 40]] : [];

    const excludeLocationTrusted = i % 2 === 0 && i % 6 === 0;
    // Block only guests from one location (i % 8 === 1); everything else requires controls.
    const grantKind = i % 8 === 1 ? 'block' : ['mfa', 'mfaOrCompliant', 'strength'][i % 3];
    policies.push({
      displayName: `CA${String(i).padStart(3, '0')} - bench ${targetKind} for ${usersKind}`,
      state,
      usersKind,
      includeGroups,
      includeUsers,
      includeRoles,
      excludeGroups,
      // What the synthesized exclusion lists hold once EmergencyAccess has added the break-glass accounts.
      excludedUsers: sortedUnique([...breakGlassUsers]),
      excludedGroups: sortedUnique([...excludeGroups, breakGlassGroup]),
      targetKind,
      excludeApps: targetKind === 'allResources' ? [apps[i % 30]] : [],
      includeApps: targetKind === 'applications' ? sortedUnique(['Office365', apps[(i * 3) % 30]]) : [],
      location: i,
      locationMode: i % 2 === 0 ? 'allExceptThis' : 'onlyThis',
      excludeLocationTrusted,
      clientAppTypes: i % 3 === 1 ? ['browser', 'mobileAppsAndDesktopClients'] : ['all'],
      platforms: i % 4 === 2 ? { include: ['all'], exclude: ['android', 'iOS'] } : undefined,
      signInRiskLevels: i % 5 === 3 ? ['high', 'medium'] : undefined,
      userRiskLevels: i % 9 === 8 ? ['high'] : undefined,
      grantKind,
      authenticationStrength: grantKind === 'strength' ? PHISHING_RESISTANT : undefined,
    });
  }
  return { n, breakGlassUsers, breakGlassGroup, users, groups, apps, locations, policies };
}

/**
 * The raw `grant_controls` block of a policy spec (camelCase, as the L1 classes take it).
 * @param {ReturnType<typeof tenant>['policies'][number]} p the policy spec
 */
function rawGrantControls(p) {
  switch (p.grantKind) {
    case 'block': return { operator: 'OR', builtInControls: ['block'] };
    case 'mfa': return { operator: 'OR', builtInControls: ['mfa'] };
    case 'mfaOrCompliant': return { operator: 'OR', builtInControls: ['compliantDevice', 'mfa'] };
    default: return { operator: 'OR', authenticationStrengthPolicyId: p.authenticationStrength };
  }
}

const CLIENT_APP_TYPES = ['browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'easSupported', 'other'];
const PLATFORMS = ['android', 'iOS', 'windows', 'macOS', 'linux'];
const RISKS = ['none', 'low', 'medium', 'high'];
const COUNTRIES = ['US', 'GB', 'FR', 'DE', 'JP', 'BR', 'IN', 'AU'];
const GUEST_TYPES = ['b2bCollaborationGuest', 'b2bCollaborationMember', 'internalGuest', 'otherExternalUser'];

/**
 * `count` random What-If sign-ins (Graph `conditionalAccess/evaluate` request bodies plus the
 * offline `directory` extension) against the tenant, from a fixed seed.
 * About half the IPs fall inside some location's ranges; contexts mix "register security
 * information" and application sign-ins (listed apps, Office 365 members, unrelated apps).
 * @param {ReturnType<typeof tenant>} t the tenant
 * @param {number} count how many sign-ins
 * @param {number} seed the PRNG seed
 */
function signIns(t, count, seed) {
  const rnd = prng(seed);
  const out = [];
  for (let k = 0; k < count; k++) {
    const r = rnd();
    const userId = r < 0.02 ? pick(rnd, t.breakGlassUsers) : pick(rnd, t.users);
    const guest = rnd() < 0.2;
    const identity = { '@odata.type': '#microsoft.graph.userSignIn', userId };
    if (guest) identity.externalUserType = pick(rnd, GUEST_TYPES);
    let context;
    const c = rnd();
    if (c < 0.4) {
      context = { '@odata.type': '#microsoft.graph.userActionContext', userAction: 'registerSecurityInformation' };
    } else {
      const app = c < 0.6 ? pick(rnd, OFFICE_MEMBERS) : pick(rnd, t.apps);
      context = { '@odata.type': '#microsoft.graph.applicationContext', includeApplications: [app] };
    }
    let ipAddress;
    const loc = t.locations[int(rnd, t.locations.length)];
    if (rnd() < 0.5) {
      const range = pick(rnd, loc.ipRanges);
      ipAddress = range.includes(':')
        ? range.replace('::/64', `::${(1 + int(rnd, 0xfffe)).toString(16)}`)
        : range.replace('.0/24', `.${1 + int(rnd, 254)}`);
    } else if (rnd() < 0.1) {
      ipAddress = `2a01:111:f4ff:${int(rnd, 0xffff).toString(16)}::1`;
    } else {
      ipAddress = `${pick(rnd, FIRST_OCTETS)}.${200 + int(rnd, 56)}.${int(rnd, 256)}.${1 + int(rnd, 254)}`;
    }
    const conditions = {
      ipAddress,
      country: pick(rnd, COUNTRIES),
      clientAppType: pick(rnd, CLIENT_APP_TYPES),
      devicePlatform: pick(rnd, PLATFORMS),
      signInRiskLevel: pick(rnd, RISKS),
      userRiskLevel: pick(rnd, RISKS),
    };
    const memberOf = [];
    const groupsCount = int(rnd, 4);
    for (let g = 0; g < groupsCount; g++) memberOf.push(pick(rnd, t.groups));
    if (rnd() < 0.02) memberOf.push(t.breakGlassGroup);
    const roles = rnd() < 0.1 ? [pick(rnd, ROLES)] : [];
    out.push({
      signInIdentity: identity,
      signInContext: context,
      signInConditions: conditions,
      directory: { memberOf: [...new Set(memberOf)], roles },
    });
  }
  return out;
}

/**
 * Parse `--name value` pairs.
 * @param {string[]} argv the arguments after the script
 * @returns {Record<string, string>}
 */
function args(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--')) throw new Error(`unexpected argument '${argv[i]}'`);
    out[argv[i].slice(2)] = argv[i + 1];
  }
  return out;
}

/**
 * Print the workload's result as the one line the runner parses.
 * @param {object} result the result
 */
function report(result) {
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

module.exports = { prng, tenant, signIns, rawGrantControls, args, report };
