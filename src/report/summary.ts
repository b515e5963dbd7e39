/**
 * A policy in portal words: who, which resources, under which conditions, with which controls. Internal module.
 */
import { ConditionalAccessModel } from '../model/conditional-access-model';
import { GuestsOrExternalUsersModel, PolicyModel } from '../model/model';
import { isExpression, parseReference } from '../model/references';
import { isGuid } from '../private/validation';
import { ADMIN_PORTAL_APP_IDS, OFFICE_365_APP_IDS } from '../vocabulary/applications';
import { TRANSFER_METHODS } from '../vocabulary/authentication-flows';
import { AUTHENTICATION_STRENGTH_PATH, builtInStrength } from '../vocabulary/authentication-strengths';
import { CLIENT_APP_TYPES } from '../vocabulary/client-app-types';
import { DEVICE_PLATFORMS } from '../vocabulary/device-platforms';
import { directoryRoleById } from '../vocabulary/directory-roles';
import { BUILT_IN_CONTROLS } from '../vocabulary/grant-controls';
import { GUEST_OR_EXTERNAL_USER_TYPES } from '../vocabulary/guest-types';
import { SPECIAL_LOCATIONS } from '../vocabulary/named-locations';
import { POLICY_STATES } from '../vocabulary/policy-states';
import { INSIDER_RISK_LEVELS, RISK_LEVELS } from '../vocabulary/risk-levels';
import { CLOUD_APP_SECURITY_TYPES, PERSISTENT_BROWSER_MODES } from '../vocabulary/session-controls';
import { SPECIAL_APPLICATIONS, SPECIAL_USERS } from '../vocabulary/special-values';
import { USER_ACTIONS } from '../vocabulary/user-actions';

/** A policy in portal words. */
export interface PolicySummary {
  readonly address: string;
  readonly displayName: string;
  /** `On`, `Off`, `Report-only`. */
  readonly state: string;
  readonly users: string;
  readonly resources: string;
  readonly conditions: string[];
  readonly grant: string;
  readonly session: string;
}

/** Names objects by reference, GUID or address, from the model. */
export class Namer {
  private readonly names = new Map<string, string>();

  constructor(model: ConditionalAccessModel) {
    for (const o of model.objects) {
      const name = o.attributes.display_name ?? o.attributes.user_principal_name ?? o.attributes.name;
      if (typeof name === 'string' && !isExpression(name)) {
        this.names.set(o.address, name);
        for (const a of ['object_id', 'client_id', 'application_id', 'template_id']) {
          const v = o.attributes[a];
          if (typeof v === 'string' && isGuid(v)) this.names.set(v.toLowerCase(), name);
        }
      }
    }
    for (const l of model.namedLocations) if (!isExpression(l.displayName)) this.names.set(l.address, l.displayName);
    for (const s of model.authenticationStrengths) if (!isExpression(s.displayName)) this.names.set(s.address, s.displayName);
  }

  /** A value of a policy list: a reference, a GUID (role, app, object), or a literal. */
  public name(value: string): string {
    const ref = parseReference(value);
    if (ref) return this.names.get(ref.address) ?? ref.address;
    if (isGuid(value)) {
      const lower = value.toLowerCase();
      return directoryRoleById(lower)?.label ?? this.names.get(lower) ?? OFFICE_365_APP_IDS.get(lower) ?? ADMIN_PORTAL_APP_IDS.get(lower) ?? value;
    }
    return value;
  }
}

function list(values: readonly string[], word: (v: string) => string): string {
  return values.map(word).join(', ');
}

function guests(b: GuestsOrExternalUsersModel): string {
  const types = b.guestOrExternalUserTypes.map((t) => GUEST_OR_EXTERNAL_USER_TYPES.label(t)).join(', ');
  return b.membershipKind === 'enumerated' ? `${types} from ${b.members.length} selected tenant${b.members.length === 1 ? '' : 's'}` : types;
}

/** Summarizes a policy. */
export function summarizePolicy(p: PolicyModel, namer: Namer): PolicySummary {
  const c = p.conditions;
  const name = (v: string) => namer.name(v);
  const special = (v: string) => SPECIAL_USERS.byValue(v)?.label ?? name(v);

  // users
  const inc: string[] = [];
  const exc: string[] = [];
  const u = c.users;
  if (u) {
    if (u.includeUsers.length) inc.push(list(u.includeUsers, special));
    if (u.includeGroups.length) inc.push(`groups ${list(u.includeGroups, name)}`);
    if (u.includeRoles.length) inc.push(`roles ${list(u.includeRoles, name)}`);
    if (u.includeGuestsOrExternalUsers) inc.push(guests(u.includeGuestsOrExternalUsers));
    if (u.excludeUsers.length) exc.push(list(u.excludeUsers, special));
    if (u.excludeGroups.length) exc.push(`groups ${list(u.excludeGroups, name)}`);
    if (u.excludeRoles.length) exc.push(`roles ${list(u.excludeRoles, name)}`);
    if (u.excludeGuestsOrExternalUsers) exc.push(guests(u.excludeGuestsOrExternalUsers));
  }
  const sp = c.clientApplications;
  if (sp && (sp.includeServicePrincipals.length || sp.excludeServicePrincipals.length)) {
    inc.push(`workload identities ${list(sp.includeServicePrincipals, (v) => (v === 'ServicePrincipalsInMyTenant' ? 'All owned service principals' : name(v)))}`);
    if (sp.excludeServicePrincipals.length) exc.push(`service principals ${list(sp.excludeServicePrincipals, name)}`);
  }
  const users = `${inc.join('; ') || 'nobody'}${exc.length ? ` — except ${exc.join('; ')}` : ''}`;

  // resources
  const a = c.applications;
  let resources: string;
  if (a.includeUserActions.length) {
    resources = `User action: ${list(a.includeUserActions, (v) => USER_ACTIONS.label(v))}`;
  } else {
    const app = (v: string) => SPECIAL_APPLICATIONS.byValue(v)?.label ?? name(v);
    resources = `${list(a.includeApplications, app) || 'none'}${a.excludeApplications.length ? ` — except ${list(a.excludeApplications, app)}` : ''}`;
  }

  // conditions
  const conditions: string[] = [];
  const loc = (v: string) => SPECIAL_LOCATIONS.byValue(v)?.label ?? name(v);
  if (c.locations) {
    conditions.push(`Locations: ${list(c.locations.includeLocations, loc)}${c.locations.excludeLocations.length ? ` — except ${list(c.locations.excludeLocations, loc)}` : ''}`);
  }
  if (c.clientAppTypes.length && !(c.clientAppTypes.length === 1 && c.clientAppTypes[0] === 'all')) {
    conditions.push(`Client apps: ${list(c.clientAppTypes, (v) => CLIENT_APP_TYPES.label(v))}`);
  }
  if (c.platforms) {
    conditions.push(
      `Device platforms: ${list(c.platforms.includePlatforms, (v) => DEVICE_PLATFORMS.label(v)) || 'Any device'}${
        c.platforms.excludePlatforms.length ? ` — except ${list(c.platforms.excludePlatforms, (v) => DEVICE_PLATFORMS.label(v))}` : ''
      }`,
    );
  }
  if (c.deviceFilter) conditions.push(`Filter for devices (${c.deviceFilter.mode}): ${c.deviceFilter.rule}`);
  if (c.signInRiskLevels.length) conditions.push(`Sign-in risk: ${list(c.signInRiskLevels, (v) => RISK_LEVELS.label(v))}`);
  if (c.userRiskLevels.length) conditions.push(`User risk: ${list(c.userRiskLevels, (v) => RISK_LEVELS.label(v))}`);
  if (c.servicePrincipalRiskLevels.length) conditions.push(`Service principal risk: ${list(c.servicePrincipalRiskLevels, (v) => RISK_LEVELS.label(v))}`);
  if (c.insiderRiskLevels.length) conditions.push(`Insider risk: ${list(c.insiderRiskLevels, (v) => INSIDER_RISK_LEVELS.label(v))}`);
  if (c.transferMethods.length) conditions.push(`Authentication flows: ${list(c.transferMethods, (v) => TRANSFER_METHODS.label(v))}`);

  // grant
  const g = p.grantControls;
  let grant = '';
  if (g) {
    const parts = g.builtInControls.map((b) => BUILT_IN_CONTROLS.label(b));
    if (g.authenticationStrength) {
      const id = g.authenticationStrength.id;
      const builtIn = id.startsWith(AUTHENTICATION_STRENGTH_PATH) ? builtInStrength(id) : undefined;
      parts.push(`Require authentication strength '${builtIn?.displayName ?? name(id)}'`);
    }
    for (const t of g.termsOfUse) parts.push(`Terms of use ${name(t)}`);
    for (const f of g.customAuthenticationFactors) parts.push(`Custom control ${f}`);
    grant = parts.join(g.operator === 'AND' ? ' AND ' : ' OR ');
  }

  // session
  const s = p.sessionControls;
  const session: string[] = [];
  if (s) {
    if (s.applicationEnforcedRestrictions) session.push('Use app enforced restrictions');
    if (s.cloudAppSecurityType) session.push(`Conditional Access App Control: ${CLOUD_APP_SECURITY_TYPES.label(s.cloudAppSecurityType)}`);
    if (s.persistentBrowserMode) session.push(`Persistent browser session: ${PERSISTENT_BROWSER_MODES.label(s.persistentBrowserMode)}`);
    const f = s.signInFrequency;
    if (f) session.push(f.frequencyInterval === 'everyTime' ? 'Sign-in frequency: every time' : `Sign-in frequency: ${f.value ?? '?'} ${f.type ?? ''}`.trim());
    if (s.disableResilienceDefaults) session.push('Disable resilience defaults');
  }

  return {
    address: p.address,
    displayName: p.displayName || p.address,
    state: POLICY_STATES.label(p.state),
    users,
    resources,
    conditions,
    grant,
    session: session.join('; '),
  };
}
