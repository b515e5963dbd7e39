/* eslint-disable @stylistic/max-len */
// Soundness and completeness checks of gap analysis, shared by the example and random-stack tests.
import * as fc from 'fast-check';
import { WhatIf } from '../../src/analysis';
import { GapRequirement, GapUsers } from '../../src/gaps';
import { partition, RequirementCheck } from '../../src/gaps/analysis';
import { ADDRESS_RE } from '../../src/model/references';
import { isGuid } from '../../src/private/validation';
import { ADMIN_PORTAL_APP_IDS, OFFICE_365_APP_IDS } from '../../src/vocabulary/applications';
import { TRANSFER_METHODS } from '../../src/vocabulary/authentication-flows';
import { CLIENT_APP_TYPES } from '../../src/vocabulary/client-app-types';
import { DEVICE_PLATFORMS } from '../../src/vocabulary/device-platforms';
import { GUEST_OR_EXTERNAL_USER_TYPES } from '../../src/vocabulary/guest-types';
import { INSIDER_RISK_LEVELS, RISK_LEVELS } from '../../src/vocabulary/risk-levels';
import { WhatIfAccess } from '../../src/what-if';
import { v4Text, v6Text } from '../../src/what-if/ip';
import { prepareSignIn } from '../../src/what-if/prepare-sign-in';

type Json = { [key: string]: any };

const nameable = (k: string) => isGuid(k) || ADDRESS_RE.test(k);
const RANDOM_IDS = ['9a9a9a9a-0000-4000-8000-000000000001', '9a9a9a9a-0000-4000-8000-000000000002'];

/**
 * Full sign-ins (every detail given) drawn from the values the stack mentions, plus other values: users, groups,
 * roles, tenants, apps and suite members, addresses inside and outside every IP location (and a private one),
 * countries, every client app type, platform, risk level and flow, devices from the values the filters mention.
 */
export function signInsFor(w: WhatIf, users: GapUsers = GapUsers.ALL): fc.Arbitrary<Json> {
  const c = w._compiled;
  const keys = (pick: (p: (typeof c.policies)[number]) => Array<{ keys: Set<string> }>) =>
    [...new Set(c.policies.flatMap((p) => pick(p).flatMap((l) => [...l.keys])))].filter(nameable);
  const userIds = [...keys((p) => [p.incUsers, p.excUsers]), ...RANDOM_IDS];
  const groups = keys((p) => [p.incGroups, p.excGroups]);
  const roles = keys((p) => [p.incRoles, p.excRoles]);
  const tenants = [...keys((p) => [p.incGuestBlock, p.excGuestBlock].filter((b) => b !== null).map((b) => b!.tenants)), ...RANDOM_IDS];
  const sps = [...keys((p) => [p.incSps, p.excSps]), ...RANDOM_IDS];
  const apps = [...keys((p) => [p.incApps.ids, p.excApps.ids]), ...[...OFFICE_365_APP_IDS.keys()].slice(0, 3), ...ADMIN_PORTAL_APP_IDS.keys(), ...RANDOM_IDS];
  const ips = ['40.77.182.32', '198.51.100.200', '2603:1000::9', '10.1.2.3'];
  for (const l of c.locations) {
    if (!l.ranges) continue;
    const { v4, v6 } = l.ranges.intervals();
    for (const [s, e] of v4) ips.push(v4Text(s), v4Text(e), v4Text(e + 1));
    for (const [s, e] of v6) ips.push(v6Text(s), v6Text(e));
  }
  const countries = ['US', 'JP', ...c.locations.flatMap((l) => [...(l.countries ?? [])])];
  const deviceValues = new Map<string, Set<string | boolean | null | string[]>>();
  for (const p of c.policies) {
    const walk = (r: any): void => {
      if (r.op === 'cmp') {
        const set = deviceValues.get(r.deviceInfo) ?? new Set<string | boolean | null | string[]>([null]);
        if (r.key === 'iscompliant') [true, false].forEach((b) => set.add(b));
        else if (r.key === 'physicalids' || r.key === 'systemlabels') set.add([]).add(Array.isArray(r.value) ? r.value : [r.value]);
        else for (const v of Array.isArray(r.value) ? r.value : [r.value]) if (v !== null) set.add(v).add(`${v}x`).add(`x${v}`);
        deviceValues.set(r.deviceInfo, set);
      } else if (r.op === 'not') {walk(r.expr);} else if (r.op) {
        walk(r.left);
        walk(r.right);
      }
    };
    if (p.deviceRule) walk(p.deviceRule);
  }
  const device = fc.record(Object.fromEntries([...deviceValues].map(([k, set]) => [k, fc.constantFrom(...set)])));
  const guestTypes = GUEST_OR_EXTERNAL_USER_TYPES.signInValues.filter((t) => t !== 'none' && t !== 'unknownFutureValue');
  const kinds = users === GapUsers.MEMBERS ? ['none'] : users === GapUsers.GUESTS ? guestTypes : ['none', ...guestTypes];
  const conditions = fc.record({
    ipAddress: fc.constantFrom(...ips),
    country: fc.constantFrom(...countries),
    clientAppType: fc.constantFrom(...CLIENT_APP_TYPES.signInValues.filter((v) => v !== 'all')),
    devicePlatform: fc.constantFrom(...DEVICE_PLATFORMS.signInValues.filter((v) => v !== 'all')),
    signInRiskLevel: fc.constantFrom(...RISK_LEVELS.signInValues),
    userRiskLevel: fc.constantFrom(...RISK_LEVELS.signInValues),
    insiderRiskLevel: fc.constantFrom(...INSIDER_RISK_LEVELS.signInValues),
    authenticationFlow: fc.record({ transferMethod: fc.constantFrom(...TRANSFER_METHODS.signInValues) }),
    deviceInfo: device,
  });
  if (users === GapUsers.SERVICE_PRINCIPALS) {
    return fc.record({
      signInIdentity: fc.record({ '@odata.type': fc.constant('#microsoft.graph.servicePrincipalSignIn'), 'servicePrincipalId': fc.constantFrom(...sps) }),
      signInContext: fc.record({ '@odata.type': fc.constant('#microsoft.graph.applicationContext'), 'includeApplications': fc.constantFrom(...apps).map((a) => [a]) }),
      signInConditions: fc.record({ ipAddress: fc.constantFrom(...ips), country: fc.constantFrom(...countries), servicePrincipalRiskLevel: fc.constantFrom(...RISK_LEVELS.signInValues) }),
    });
  }
  return fc.record({
    signInIdentity: fc.record({
      '@odata.type': fc.constant('#microsoft.graph.userSignIn'),
      'userId': fc.constantFrom(...userIds),
      'externalUserType': fc.constantFrom(...kinds),
      'externalTenantId': fc.constantFrom(...tenants),
    }),
    signInContext: fc.oneof(
      fc.record({ '@odata.type': fc.constant('#microsoft.graph.userActionContext'), 'userAction': fc.constantFrom('registerSecurityInformation', 'registerOrJoinDevices') }),
      fc.record({ '@odata.type': fc.constant('#microsoft.graph.applicationContext'), 'includeApplications': fc.constantFrom(...apps).map((a) => [a]) }),
    ),
    signInConditions: conditions,
    directory: fc.record({ memberOf: fc.subarray(groups), roles: fc.subarray(roles) }),
  });
}

/**
 * Whether a gap class's sign-in is undetermined only because one of the class's exceptions ("unless X applies") might
 * apply to it (a value known only at apply time): the class claims its outcome for the sign-ins no exception applies to.
 */
function mightBeException(w: WhatIf, leaf: { exceptions?: readonly number[] }, outcome: { undeterminedBy: string[] }): boolean {
  if (!leaf.exceptions || leaf.exceptions.length === 0 || outcome.undeterminedBy.length === 0) return false;
  const addresses = new Set(leaf.exceptions.map((i) => w._compiled.policies[i].info.address));
  return outcome.undeterminedBy.some((a) => addresses.has(a));
}

/** Counts of what a check saw, to show the tests are not vacuous. */
export interface CheckCounts {
  gaps: number;
  classes: number;
  failingSignIns: number;
  passingSignIns: number;
}

/**
 * Sound: every gap's (and every class's) representative sign-in evaluates to the reported outcome.
 * Complete: every sign-in whose outcome misses the requirement falls in a reported gap class, and every sign-in
 * gets the access its class says.
 */
export function checkSoundAndComplete(w: WhatIf, require: GapRequirement, users: GapUsers, signIns: Json[], counts: CheckCounts, options: { classes?: boolean } = {}): void {
  const check = new RequirementCheck(w._compiled, require);
  const report = w.findGaps({ require, users });
  counts.gaps += report.gaps.length;
  for (const g of report.gaps) {
    expect(w.validate(g.signIn)).toEqual([]);
    const outcome = w.evaluate(g.signIn).outcome;
    expect([g.description, outcome.access]).toEqual([g.description, g.access]);
    expect([g.description, check.meets(outcome)]).not.toEqual([g.description, true]);
  }
  // every class without a requirement (exhaustive: a real tenant's policies split into more classes than a test
  // should replay, so the corpus test leaves it out)
  const classes = options.classes === false ? [] : w.signInClasses({ users });
  counts.classes += classes.length;
  for (const c of classes) {
    expect(w.validate(c.signIn)).toEqual([]);
    expect([c.description, w.evaluate(c.signIn).outcome.access]).toEqual([c.description, c.access]);
  }
  const tree = partition(w._compiled, { users }, require);
  const failing = new Set(tree.leaves.filter((l) => check.meets(l.decision) !== true));
  expect(failing.size > 0).toBe(report.gaps.length > 0);
  for (const s of signIns) {
    const prepared = prepareSignIn(s, w._compiled);
    if (Array.isArray(prepared)) throw new Error(`invalid generated sign-in: ${prepared.join('; ')}`);
    const outcome = w.evaluate(s).outcome;
    const leaf = tree.classify(prepared);
    if (!leaf) throw new Error(`no class for ${JSON.stringify(s)}`);
    // a decided class that misses the requirement decides every sign-in in it (an undetermined one may hold decided
    // sign-ins: it is reported anyway); an inexact class misses the requirement for every sign-in in it, whatever else
    // they face. A class that meets the requirement was explored over the policies that can meet it only: the others
    // may still change its sign-ins' access (leave it undetermined, add controls), never whether they meet it (below).
    if (leaf.inexact) {
      expect([JSON.stringify(s), check.meets(outcome)]).not.toEqual([JSON.stringify(s), true]);
    } else if (!leaf.met && check.meets(leaf.decision) !== true && leaf.decision.access !== WhatIfAccess.UNDETERMINED && !mightBeException(w, leaf, outcome)) {
      expect([JSON.stringify(s), outcome.access]).toEqual([JSON.stringify(s), leaf.decision.access]);
    }
    if (check.meets(outcome) !== true) {
      counts.failingSignIns++;
      expect([JSON.stringify(s), failing.has(leaf)]).toEqual([JSON.stringify(s), true]);
    } else {
      counts.passingSignIns++;
      if (outcome.access !== WhatIfAccess.UNDETERMINED) expect(check.meets(leaf.decision)).not.toBe(false);
    }
  }
}
