// Helpers shared by the template tests (not a test file).
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { Testing, TerraformStack } from 'cdktf';
import {
  CloudApplication,
  ConditionalAccessModel,
  CountryNamedLocation,
  GuestsOrExternalUsersModel,
  IpNamedLocation,
  PolicyModel,
  PolicyTemplate,
  Principal,
  TemplatePolicy,
  TemplatePolicyProps,
} from '../../src';

/** The emergency-access accounts every test policy excludes. */
export const EMERGENCY_USER = '00000000-0000-0000-0000-00000000e001';
export const EMERGENCY_GROUP = '00000000-0000-0000-0000-00000000e000';
export const EMERGENCY_ACCESS = { users: [Principal.fromObjectId(EMERGENCY_USER)], groups: [Principal.fromObjectId(EMERGENCY_GROUP)] };

/** Public egress range of the test tenant's trusted location (not a documentation range: CA8 stays quiet). */
export const TRUSTED_RANGE = '20.40.0.0/16';
export const TRUSTED_IP = '20.40.1.10';
export const UNTRUSTED_IP = '131.107.1.10';

/** The country the BLOCK_ACCESS_BY_LOCATION tests block. */
export const BLOCKED_COUNTRY = 'KP';

/** A stack with the provider. */
export function newStack(id = 'templates'): TerraformStack {
  const stack = new TerraformStack(Testing.app(), id);
  new AzureadProvider(stack, 'azuread', {});
  return stack;
}

/**
 * The data a template's Learn page expects the tenant to have: a trusted IP location for the templates that
 * exclude All trusted locations, a blocked country location for BLOCK_ACCESS_BY_LOCATION, Office 365 left open
 * for BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS.
 */
export function templateData(stack: TerraformStack, template: PolicyTemplate): Partial<TemplatePolicyProps> {
  if (template === PolicyTemplate.SECURING_SECURITY_INFO_REGISTRATION || template === PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS) {
    new IpNamedLocation(stack, 'Trusted', { displayName: 'Trusted networks', ipRanges: [TRUSTED_RANGE], trusted: true });
  }
  if (template === PolicyTemplate.BLOCK_ACCESS_BY_LOCATION) {
    const blocked = new CountryNamedLocation(stack, 'Blocked', { displayName: 'Blocked countries', countriesAndRegions: [BLOCKED_COUNTRY] });
    return { blockedLocations: [blocked] };
  }
  if (template === PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS) {
    return { allowedApplications: [CloudApplication.OFFICE_365] };
  }
  return {};
}

/** A stack holding one template policy (with emergency access and the data its page expects). */
export function templateStack(template: PolicyTemplate, props: Partial<TemplatePolicyProps> = {}): { stack: TerraformStack; policy: TemplatePolicy } {
  const stack = newStack();
  const policy = new TemplatePolicy(stack, 'Template', { template, emergencyAccess: EMERGENCY_ACCESS, ...templateData(stack, template), ...props });
  return { stack, policy };
}

/** The only policy of a stack, in the policy model. */
export function onlyPolicy(stack: TerraformStack): PolicyModel {
  const policies = ConditionalAccessModel.fromStack(stack).policies;
  if (policies.length !== 1) throw new Error(`expected one policy, found ${policies.length}`);
  return policies[0];
}

type Json = { [key: string]: any };

const STRENGTH_PATH = '/policies/authenticationStrengthPolicies/';

/**
 * A policy of the model as the Graph v1.0 `conditionalAccessPolicy` body Learn's steps describe: the same
 * shape as the pages' JSON (`[]` for an unused list, `null` for an unused block), with every list sorted
 * (Graph treats them as sets) and the strength's id as Graph holds it (the bare id, not the provider's path).
 */
export function graphBody(p: PolicyModel): Json {
  const c = p.conditions;
  const u = c.users!;
  const guests = (g: GuestsOrExternalUsersModel | undefined) => (g ? {
    guestOrExternalUserTypes: g.guestOrExternalUserTypes.join(','),
    externalTenants: { membershipKind: g.membershipKind, ...(g.members.length ? { members: sorted(g.members) } : {}) },
  } : null);
  const g = p.grantControls;
  const s = p.sessionControls;
  return {
    displayName: p.displayName,
    state: p.state,
    conditions: {
      users: {
        includeUsers: sorted(u.includeUsers),
        excludeUsers: sorted(u.excludeUsers),
        includeGroups: sorted(u.includeGroups),
        excludeGroups: sorted(u.excludeGroups),
        includeRoles: sorted(u.includeRoles),
        excludeRoles: sorted(u.excludeRoles),
        includeGuestsOrExternalUsers: guests(u.includeGuestsOrExternalUsers),
        excludeGuestsOrExternalUsers: guests(u.excludeGuestsOrExternalUsers),
      },
      applications: {
        includeApplications: sorted(c.applications.includeApplications),
        excludeApplications: sorted(c.applications.excludeApplications),
        includeUserActions: sorted(c.applications.includeUserActions),
      },
      clientAppTypes: sorted(c.clientAppTypes),
      platforms: c.platforms
        ? { includePlatforms: sorted(c.platforms.includePlatforms), excludePlatforms: sorted(c.platforms.excludePlatforms) }
        : null,
      locations: c.locations
        ? { includeLocations: sorted(c.locations.includeLocations), excludeLocations: sorted(c.locations.excludeLocations) }
        : null,
      signInRiskLevels: sorted(c.signInRiskLevels),
      userRiskLevels: sorted(c.userRiskLevels),
      insiderRiskLevels: c.insiderRiskLevels.length ? c.insiderRiskLevels.join(',') : null,
      devices: c.deviceFilter ? { deviceFilter: { mode: c.deviceFilter.mode, rule: c.deviceFilter.rule } } : null,
    },
    grantControls: g ? {
      operator: g.operator,
      builtInControls: sorted(g.builtInControls),
      authenticationStrength: g.authenticationStrength ? { id: g.authenticationStrength.id.replace(STRENGTH_PATH, '') } : null,
    } : null,
    sessionControls: s ? {
      signInFrequency: s.signInFrequency ? { ...s.signInFrequency } : null,
      persistentBrowser: s.persistentBrowserMode ? { isEnabled: true, mode: s.persistentBrowserMode } : null,
      applicationEnforcedRestrictions: s.applicationEnforcedRestrictions ? { isEnabled: true } : null,
    } : null,
  };
}

/** A hand-written Graph body, with its lists sorted the same way (the pages list values in portal order). */
export function normalized(body: Json): Json {
  if (Array.isArray(body)) return body.every((x) => typeof x === 'string') ? sorted(body) : body.map(normalized);
  if (body !== null && typeof body === 'object') return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, normalized(v)]));
  return body;
}

function sorted(values: string[]): string[] {
  return [...values].sort();
}
