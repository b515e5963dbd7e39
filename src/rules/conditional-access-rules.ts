import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { RuleFinding, RuleInfo, RuleSeverity } from './rule';
import { RuleSuppressions } from './rule-suppressions';
import { CustomAuthenticationStrength } from '../authentication-strength/custom-authentication-strength';
import { IpNamedLocation } from '../locations/ip-named-location';
import { NamedLocation } from '../locations/named-location';
import { ConditionalAccessPolicy } from '../policy/conditional-access-policy';
import { isToken } from '../private/validation';

/** Tenant limits (Learn: "Plan a Conditional Access deployment", "Location condition", "Authentication strengths"). */
const MAX_POLICIES = 195;
const MAX_IP_LOCATIONS = 195;
const MAX_CUSTOM_STRENGTHS = 15;

const RULES: RuleInfo[] = [
  {
    id: 'CA1',
    name: 'lockout',
    severity: RuleSeverity.ERROR,
    rationale: 'An enabled policy that blocks or requires controls for All users or all guests must exclude emergency-access accounts, or a mistake locks every administrator out.',
    source: 'Learn: "Manage emergency access accounts in Microsoft Entra ID"; doc 001 "User exclusions"',
  },
  {
    id: 'CA2',
    name: 'report-only-user-action',
    severity: RuleSeverity.WARNING,
    rationale: 'Report-only is not evaluated for user actions, so a report-only "Register security information" policy logs nothing; test it with What-If instead.',
    source: 'Learn: "Conditional Access report-only mode"',
  },
  {
    id: 'CA3',
    name: 'tap-for-guests',
    severity: RuleSeverity.WARNING,
    rationale: 'The required authentication strength relies on Temporary Access Pass while guests are included; TAP does not work for guest users.',
    source: 'doc 000/001: "Temporary Access Pass does not work for guest users"',
  },
  {
    id: 'CA4',
    name: 'all-trusted-without-trusted-location',
    severity: RuleSeverity.WARNING,
    rationale: 'The policy excludes "All trusted locations" but the app defines or imports no trusted IP location, so the exclusion may match nothing.',
    source: 'Learn: "Location condition" (AllTrusted covers IP locations marked trusted)',
  },
  {
    id: 'CA5',
    name: 'duplicate-display-name',
    severity: RuleSeverity.ERROR,
    rationale: 'Two policies in one app share a display name; sign-in logs, What-If and the portal identify policies by name.',
    source: 'Learn: "Plan a Conditional Access deployment" (naming conventions)',
  },
  {
    id: 'CA6',
    name: 'tenant-limits',
    severity: RuleSeverity.ERROR,
    rationale: `A tenant holds at most ${MAX_POLICIES} Conditional Access policies, ${MAX_IP_LOCATIONS} IP named locations and ${MAX_CUSTOM_STRENGTHS} custom authentication strengths; more fails at apply.`,
    source: 'Learn: "Plan a Conditional Access deployment", "Location condition", "Custom authentication strengths"',
  },
  {
    id: 'CA7',
    name: 'excluded-directory-roles',
    severity: RuleSeverity.WARNING,
    rationale: 'The policy excludes directory roles; privileged roles should be covered, and baselines such as CISA SCuBA ask for no role exclusions.',
    source: 'CISA SCuBA Microsoft Entra ID baseline (MS.AAD)',
  },
  {
    id: 'CA8',
    name: 'non-public-ip-range',
    severity: RuleSeverity.WARNING,
    rationale: 'An IP named location lists private, reserved or documentation ranges; Entra ID only ever sees public egress addresses.',
    source: 'Learn: "Location condition" (IPv4 and IPv6 address ranges)',
  },
];

interface Finding {
  readonly ruleId: string;
  readonly construct: IConstruct;
  readonly message: string;
}

/**
 * The synth-time lint rules. They run automatically as a validation of every
 * stack that holds a construct of this library: errors fail `cdktf synth`,
 * warnings are printed. Suppress with {@link RuleSuppressions}.
 */
export class ConditionalAccessRules {
  /** Every rule, with id, severity, rationale and source. */
  public static readonly RULES: RuleInfo[] = RULES;

  /**
   * Run every rule over the app that contains `scope` and return the
   * unsuppressed findings on constructs inside `scope`.
   * @param scope an app, stack or construct
   */
  public static check(scope: IConstruct): RuleFinding[] {
    const prefix = scope.node.path;
    return evaluateRules(scope.node.root)
      .filter((f) => isWithin(f.construct, prefix))
      .filter((f) => !RuleSuppressions.of(f.construct).reasonFor(f.ruleId))
      .map((f) => {
        const rule = RULES.find((r) => r.id === f.ruleId)!;
        return { ruleId: f.ruleId, severity: rule.severity, path: f.construct.node.path, message: `[${f.ruleId}] ${f.message}` };
      })
      .sort((a, b) => a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
  }

  private constructor() {}
}

function isWithin(c: IConstruct, prefix: string): boolean {
  const path = c.node.path;
  return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
}


function evaluateRules(root: IConstruct): Finding[] {
  const all = root.node.findAll();
  const policies = all.filter((c): c is ConditionalAccessPolicy => ConditionalAccessPolicy.isConditionalAccessPolicy(c));
  const locations = all.filter((c) => NamedLocation.isNamedLocation(c));
  const ipLocations = locations.filter((c): c is IpNamedLocation => c instanceof IpNamedLocation);
  const strengths = all.filter((c) => CustomAuthenticationStrength.isCustomAuthenticationStrength(c));
  const mayHaveTrusted = locations.some((l) => l.trusted !== false);

  const findings: Finding[] = [];
  const names = new Map<string, ConditionalAccessPolicy[]>();
  for (const p of policies) {
    findings.push(...checkPolicy(p, mayHaveTrusted));
    if (!isToken(p.displayName)) {
      names.set(p.displayName, [...(names.get(p.displayName) ?? []), p]);
    }
  }
  for (const [name, same] of names) {
    if (same.length > 1) {
      for (const p of same) {
        const others = same.filter((o) => o !== p).map((o) => o.node.path).join(', ');
        findings.push({ ruleId: 'CA5', construct: p, message: `display name '${name}' is also used by ${others}; give each policy a unique name` });
      }
    }
  }
  findings.push(...checkLimits(root, policies.length, MAX_POLICIES, 'Conditional Access policies', policies));
  findings.push(...checkLimits(root, ipLocations.length, MAX_IP_LOCATIONS, 'IP named locations', ipLocations));
  findings.push(...checkLimits(root, strengths.length, MAX_CUSTOM_STRENGTHS, 'custom authentication strengths', strengths));
  for (const l of ipLocations) {
    // Ranges from a variable or function are tokens: the location has nothing to report for them.
    for (const { range, space } of l._nonPublicRanges) {
      findings.push({ ruleId: 'CA8', construct: l, message: `ipRanges: '${range}' is in ${space} address space, which sign-ins to Entra ID never come from; list the network's public egress ranges` });
    }
  }
  return findings;
}

function checkLimits(root: IConstruct, count: number, max: number, what: string, items: IConstruct[]): Finding[] {
  if (count <= max) return [];
  // Report once per stack that holds some of them.
  const stacks = new Set(items.map((i) => i.node.scopes.find((c) => TerraformStack.isStack(c)) ?? root));
  return [...stacks].map((s) => ({
    ruleId: 'CA6',
    construct: s,
    message: `the app defines ${count} ${what}; a tenant holds at most ${max}. Split them over tenants or remove some`,
  }));
}

function checkPolicy(p: ConditionalAccessPolicy, mayHaveTrusted: boolean): Finding[] {
  const out: Finding[] = [];
  const props = p.props;
  const sel = props.includeUsers.selection;
  const includesAllUsers = props.includeUsers.special === 'All';
  const includesAllGuests = sel.guestsOrExternalUsers?.isAll ?? false;
  const guestsExcluded = props.excludeUsers?.guestsOrExternalUsers?.isAll ?? false;
  const includesGuests = (includesAllUsers && !guestsExcluded) || sel.guestsOrExternalUsers !== undefined;
  const grant = props.grant;

  if (p.state.value === 'enabled' && grant && (includesAllUsers || includesAllGuests) && !p.hasEmergencyAccessExclusion) {
    const who = includesAllUsers ? 'All users' : 'all guest and external users';
    const what = grant.isBlock ? 'blocks' : 'requires controls for';
    out.push({
      ruleId: 'CA1',
      construct: p,
      message: `policy '${p.displayName}' is on and ${what} ${who} without excluding emergency-access accounts; set emergencyAccess or call EmergencyAccess.of(scope).exclude(...)`,
    });
  }
  if (p.state.value === 'enabledForReportingButNotEnforced' && props.target.targetsUserActions) {
    out.push({
      ruleId: 'CA2',
      construct: p,
      message: `policy '${p.displayName}' is report-only on a user action; report-only is not evaluated for user actions, so test it with What-If (cdktf-entra-ca what-if) before turning it on`,
    });
  }
  const strength = grant?.authenticationStrength;
  const tap = (strength?.allowedCombinations ?? []).some((c) => c.value.startsWith('temporaryAccessPass'));
  if (tap && includesGuests) {
    out.push({
      ruleId: 'CA3',
      construct: p,
      message: `policy '${p.displayName}' requires a strength that relies on Temporary Access Pass while guests are included; TAP does not work for guests, so exclude GuestsOrExternalUsers.ALL or add a method guests have`,
    });
  }
  if ((props.excludeLocations ?? []).some((l) => l.locationId === 'AllTrusted') && !mayHaveTrusted) {
    out.push({
      ruleId: 'CA4',
      construct: p,
      message: `policy '${p.displayName}' excludes Location.ALL_TRUSTED but the app defines or imports no trusted IP location; add an IpNamedLocation with trusted: true or import the tenant's trusted locations`,
    });
  }
  if ((props.excludeUsers?.roles ?? []).length > 0) {
    out.push({
      ruleId: 'CA7',
      construct: p,
      message: `policy '${p.displayName}' excludes ${props.excludeUsers!.roles!.length} directory role(s); cover privileged roles and exclude emergency-access accounts instead`,
    });
  }
  return out;
}
