/* eslint-disable @stylistic/max-len */
/**
 * Compiles one policy of the model for the evaluator. Values outside a vocabulary make the condition
 * `invalidCondition`, missing required parts make the policy `invalidPolicy` / `emptyPolicy`, and
 * Terraform expressions make what they stand for unknown. Internal module.
 */
import type { StackCompiler } from './compile-stack';
import {
  AppList,
  CompiledPolicy,
  GuestBlock,
  LocationCode,
  ST_DISABLED,
  ST_ENABLED,
  ST_REPORT_ONLY,
  ST_UNKNOWN,
  StateKind,
  TargetKind,
  TG_ACTIONS,
  TG_APPS,
  TG_INVALID,
} from './compiled-stack';
import { DeviceRule, parseDeviceRule } from '../model/device-filter-rule';
import { EnumList, F, IdList, K_GUID, T, Tri, U } from './logic';
import { R_EMPTY_POLICY, R_INVALID_CONDITION, R_INVALID_POLICY, R_NOT_ENOUGH_INFORMATION } from './microsoft-data';
import { WhatIfGrantControls } from './model';
import { FilterModel, GuestsOrExternalUsersModel, PolicyModel, SessionControlsModel } from '../model/model';
import { isExpression } from '../model/references';
import { ADMIN_PORTAL_APP_IDS, OFFICE_365_APP_IDS } from '../vocabulary/applications';
import { TRANSFER_METHODS } from '../vocabulary/authentication-flows';
import { CLIENT_APP_TYPES } from '../vocabulary/client-app-types';
import { DEVICE_PLATFORMS } from '../vocabulary/device-platforms';
import { GUEST_OR_EXTERNAL_USER_TYPES } from '../vocabulary/guest-types';
import { INSIDER_RISK_LEVELS, RISK_LEVELS, SERVICE_PRINCIPAL_RISK_LEVELS } from '../vocabulary/risk-levels';
import { USER_ACTIONS } from '../vocabulary/user-actions';

type InvalidReason = 'invalidPolicy' | 'invalidCondition' | 'emptyPolicy';

/** Compiles one policy. */
export function compilePolicy(stack: StackCompiler, policy: PolicyModel): CompiledPolicy {
  return new PolicyCompiler(stack, policy).compile();
}

class PolicyCompiler {
  private mask = 0;

  constructor(private readonly stack: StackCompiler, private readonly policy: PolicyModel) {}

  public compile(): CompiledPolicy {
    const p = this.policy;
    const displayName = p.displayName !== '' ? p.displayName : p.address;
    return {
      info: { address: p.address, displayName, state: p.state },
      stateKind: this.state(),
      ...this.users(),
      ...this.target(),
      ...this.workloadIdentities(),
      ...this.conditions(),
      ...this.controls(),
      // last: every part above may add to the mask
      staticMask: this.mask,
    };
  }

  private state(): StateKind {
    switch (this.policy.state) {
      case 'enabled':
        return ST_ENABLED;
      case 'enabledForReportingButNotEnforced':
        return ST_REPORT_ONLY;
      case 'disabled':
        return ST_DISABLED;
      default:
        if (isExpression(this.policy.state)) {
          this.mask |= R_NOT_ENOUGH_INFORMATION; // eslint-disable-line no-bitwise
        } else {
          this.invalid('invalidPolicy', `state '${this.policy.state}' is not enabled, disabled or enabledForReportingButNotEnforced`);
        }
        return ST_UNKNOWN;
    }
  }

  private users() {
    const users = this.policy.conditions.users;
    let incAllUsers = false;
    let incGuestsSpecial = false;
    let excGuestsSpecial = false;
    let hasNone = false;
    const incUsers = new IdList();
    const excUsers = new IdList();
    for (const v of users?.includeUsers ?? []) {
      if (v === 'All') incAllUsers = true;
      else if (v === 'None') hasNone = true;
      else if (v === 'GuestsOrExternalUsers') incGuestsSpecial = true;
      else this.addId(incUsers, v, 'users.included_users');
    }
    for (const v of users?.excludeUsers ?? []) {
      if (v === 'GuestsOrExternalUsers') excGuestsSpecial = true;
      else this.addId(excUsers, v, 'users.excluded_users');
    }
    const incGroups = this.ids(users?.includeGroups, 'users.included_groups');
    const excGroups = this.ids(users?.excludeGroups, 'users.excluded_groups');
    const incRoles = this.ids(users?.includeRoles, 'users.included_roles');
    const excRoles = this.ids(users?.excludeRoles, 'users.excluded_roles');
    const incGuestBlock = this.guestBlock(users?.includeGuestsOrExternalUsers, 'users.included_guests_or_external_users');
    const excGuestBlock = this.guestBlock(users?.excludeGuestsOrExternalUsers, 'users.excluded_guests_or_external_users');
    if (!users) {
      this.invalid('invalidPolicy', 'conditions.users is missing');
    } else if (!incAllUsers && !incGuestsSpecial && !hasNone && incUsers.empty && incGroups.empty && incRoles.empty && !incGuestBlock) {
      this.invalid('invalidPolicy', 'conditions.users includes nobody (set included_users, included_groups, included_roles or included_guests_or_external_users)');
    }
    return {
      hasUsers: users !== undefined,
      incAllUsers,
      incGuestsSpecial,
      incUsers,
      incGroups,
      incRoles,
      incGuestBlock,
      excGuestsSpecial,
      excUsers,
      excGroups,
      excRoles,
      excGuestBlock,
    };
  }

  private target() {
    const a = this.policy.conditions.applications;
    const hasApps = a.includeApplications.length > 0;
    const hasActions = a.includeUserActions.length > 0;
    let targetKind: TargetKind = TG_INVALID;
    if (hasApps && hasActions) {
      this.invalid('invalidPolicy', 'conditions.applications sets both included_applications and included_user_actions');
    } else if (!hasApps && !hasActions) {
      this.invalid('invalidPolicy', 'conditions.applications sets neither included_applications nor included_user_actions');
    } else {
      targetKind = hasApps ? TG_APPS : TG_ACTIONS;
    }
    return {
      targetKind,
      userActions: this.enumList(a.includeUserActions, USER_ACTIONS.policyValues, undefined, 'applications.included_user_actions'),
      incApps: this.apps(a.includeApplications, true, 'applications.included_applications'),
      excApps: this.apps(a.excludeApplications, false, 'applications.excluded_applications'),
    };
  }

  private workloadIdentities() {
    const ca = this.policy.conditions.clientApplications;
    let incSpAllInTenant = false;
    const incSps = new IdList();
    for (const v of ca?.includeServicePrincipals ?? []) {
      if (v === 'ServicePrincipalsInMyTenant') incSpAllInTenant = true;
      else this.addId(incSps, v, 'client_applications.included_service_principals');
    }
    const risk = this.policy.conditions.servicePrincipalRiskLevels;
    return {
      hasClientApplications: ca !== undefined && (incSpAllInTenant || !incSps.empty),
      incSpAllInTenant,
      incSps,
      excSps: this.ids(ca?.excludeServicePrincipals, 'client_applications.excluded_service_principals'),
      spFilter: ca?.servicePrincipalFilter !== undefined,
      spRisk: risk.length > 0 ? this.enumList(risk, SERVICE_PRINCIPAL_RISK_LEVELS.policyValues, undefined, 'service_principal_risk_levels') : null,
    };
  }

  private conditions() {
    const c = this.policy.conditions;
    const clientAppTypes = this.enumList(c.clientAppTypes, CLIENT_APP_TYPES.policyValues, 'all', 'client_app_types');
    // Graph conditionalAccessConditionSet: exchangeActiveSync "includes EAS supported and unsupported platforms", so
    // an easSupported sign-in is inside it; an exchangeActiveSync sign-in may or may not be on a supported platform.
    const eas = CLIENT_APP_TYPES.value('EXCHANGE_ACTIVE_SYNC');
    const easSupported = CLIENT_APP_TYPES.value('EAS_SUPPORTED');
    if (clientAppTypes.values.has(eas)) clientAppTypes.values.add(easSupported);
    else if (clientAppTypes.values.has(easSupported)) clientAppTypes.maybe = new Set([eas]);
    let platformsInc: EnumList | null = null;
    let platformsExc: EnumList | null = null;
    if (c.platforms) {
      const inc = c.platforms.includePlatforms;
      platformsInc = inc.length > 0 ? this.enumList(inc, DEVICE_PLATFORMS.policyValues, 'all', 'platforms.included_platforms') : allList();
      platformsExc = this.enumList(c.platforms.excludePlatforms, DEVICE_PLATFORMS.policyValues, 'all', 'platforms.excluded_platforms');
    }
    let locInc: LocationCode[] | null = null;
    const locExc: LocationCode[] = [];
    if (c.locations) {
      locInc = this.locationCodes(c.locations.includeLocations, 'locations.included_locations');
      locExc.push(...this.locationCodes(c.locations.excludeLocations, 'locations.excluded_locations'));
    }
    return {
      clientAppTypes: clientAppTypes.all || (clientAppTypes.values.size === 0 && !clientAppTypes.unknown) ? null : clientAppTypes,
      platformsInc,
      platformsExc,
      locInc,
      locExc,
      signInRisk: this.optionalEnumList(c.signInRiskLevels, RISK_LEVELS.policyValues, 'sign_in_risk_levels'),
      userRisk: this.optionalEnumList(c.userRiskLevels, RISK_LEVELS.policyValues, 'user_risk_levels'),
      insiderRisk: this.optionalEnumList(c.insiderRiskLevels, INSIDER_RISK_LEVELS.policyValues, 'insider_risk_levels'),
      transferMethods: this.optionalEnumList(c.transferMethods, TRANSFER_METHODS.policyValues, 'authentication_flow_transfer_methods'),
      ...this.deviceFilter(c.deviceFilter),
    };
  }

  private deviceFilter(filter: FilterModel | undefined): { hasDeviceFilter: boolean; deviceFilterExclude: boolean; deviceRule: DeviceRule | undefined } {
    if (!filter) return { hasDeviceFilter: false, deviceFilterExclude: false, deviceRule: undefined };
    const mode = filter.mode;
    if (mode !== 'include' && mode !== 'exclude' && !isExpression(mode)) {
      this.invalid('invalidCondition', `devices.filter.mode '${mode}' is not include or exclude`);
    }
    let deviceRule: DeviceRule | undefined;
    if (!isExpression(filter.rule)) {
      const parsed = parseDeviceRule(filter.rule);
      if (parsed.ok) {
        deviceRule = parsed.rule;
      } else {
        this.stack.warn(`${this.policy.address}: devices.filter.rule '${filter.rule}': ${parsed.error.message}; the device condition is notEnoughInformation`);
      }
    }
    return { hasDeviceFilter: true, deviceFilterExclude: mode === 'exclude', deviceRule };
  }

  private controls() {
    const g = this.policy.grantControls;
    let grantControls: WhatIfGrantControls | undefined;
    let isBlock = false;
    let hasGrant = false;
    if (g) {
      // shared by every report that lists the policy (not copied per evaluation) and not frozen: jsii marks the
      // objects it hands to other languages, which a frozen object refuses
      grantControls = {
        operator: g.operator !== '' ? g.operator : 'OR',
        builtInControls: g.builtInControls,
        ...(g.authenticationStrength ? { authenticationStrength: this.stack.strength(g.authenticationStrength.id) } : {}),
        termsOfUse: g.termsOfUse,
        customAuthenticationFactors: g.customAuthenticationFactors,
      };
      isBlock = g.builtInControls.includes('block');
      hasGrant = g.builtInControls.length > 0 || g.authenticationStrength !== undefined || g.termsOfUse.length > 0 || g.customAuthenticationFactors.length > 0;
    }
    const sessionControls = sessionReport(this.policy.sessionControls);
    if (!hasGrant && !sessionControls) {
      this.invalid('emptyPolicy', 'neither grant_controls nor session_controls sets a control');
    }
    return { grantControls, sessionControls, isBlock, hasGrant };
  }

  private invalid(reason: InvalidReason, message: string): void {
    /* eslint-disable no-bitwise */
    this.mask |= reason === 'invalidPolicy' ? R_INVALID_POLICY : reason === 'invalidCondition' ? R_INVALID_CONDITION : R_EMPTY_POLICY;
    /* eslint-enable no-bitwise */
    this.stack.warn(`${this.policy.address}: ${message} (${reason})`);
  }

  private addId(target: IdList, value: string, field: string): void {
    const term = this.stack.term(value);
    if (term === 'invalid') {
      this.invalid('invalidCondition', `${field} has '${value}', which is not an object id, a reference or a special value`);
    } else {
      target.add(term);
    }
  }

  private ids(values: readonly string[] | undefined, field: string): IdList {
    const out = new IdList();
    for (const v of values ?? []) this.addId(out, v, field);
    return out;
  }

  private enumList(values: readonly string[], allowed: readonly string[], all: string | undefined, field: string): EnumList {
    const out = new EnumList();
    for (const v of values) {
      if (all !== undefined && v === all) out.all = true;
      else if (allowed.includes(v)) out.values.add(v);
      else if (isExpression(v)) out.unknown = true;
      else this.invalid('invalidCondition', `${field} has '${v}', which is not one of ${allowed.join(', ')}`);
    }
    return out;
  }

  private optionalEnumList(values: readonly string[], allowed: readonly string[], field: string): EnumList | null {
    return values.length > 0 ? this.enumList(values, allowed, undefined, field) : null;
  }

  private guestBlock(b: GuestsOrExternalUsersModel | undefined, field: string): GuestBlock | null {
    if (!b) return null;
    const types = this.enumList(b.guestOrExternalUserTypes, GUEST_OR_EXTERNAL_USER_TYPES.policyValues, undefined, `${field}.guest_or_external_user_types`);
    const tenants = new IdList();
    let allTenants: Tri = T;
    if (b.membershipKind === 'enumerated') {
      allTenants = F;
      for (const m of b.members) this.addId(tenants, m, `${field}.external_tenants.members`);
    } else if (b.membershipKind !== 'all') {
      if (isExpression(b.membershipKind)) allTenants = U;
      else this.invalid('invalidCondition', `${field}.external_tenants.membership_kind '${b.membershipKind}' is not all or enumerated`);
    }
    return { types, allTenants, tenants };
  }

  private apps(values: readonly string[], include: boolean, field: string): AppList {
    const ids = new IdList();
    let all = false;
    let office365 = false;
    let adminPortals = false;
    let hasOfficeMember = false;
    let hasAdminMember = false;
    for (const v of values) {
      if (include && v === 'All') {
        all = true;
      } else if (include && v === 'None') {
        continue;
      } else if (v === 'Office365') {
        office365 = true;
      } else if (v === 'MicrosoftAdminPortals') {
        adminPortals = true;
      } else {
        const term = this.stack.term(v);
        if (term === 'invalid') {
          this.invalid('invalidCondition', `${field} has '${v}', which is not an application id, a reference or a special value`);
          continue;
        }
        ids.add(term);
        if (term.kind === K_GUID) {
          hasOfficeMember ||= OFFICE_365_APP_IDS.has(term.key);
          hasAdminMember ||= ADMIN_PORTAL_APP_IDS.has(term.key);
        }
      }
    }
    return { ids, all, office365, adminPortals, hasOfficeMember, hasAdminMember };
  }

  private locationCodes(values: readonly string[], field: string): LocationCode[] {
    const out: LocationCode[] = [];
    for (const v of values) {
      const code = this.stack.location(v, `${this.policy.address}: ${field}`);
      if (code === 'invalid') {
        this.invalid('invalidCondition', `${field} has '${v}', which is not All, AllTrusted, a named location id or a reference`);
      } else {
        out.push(code);
      }
    }
    return out;
  }
}

/**
 * The session controls as the What-If report shows them: the provider's attribute names in camelCase
 * (`signInFrequency`, `signInFrequencyPeriod`, ...), with the values the provider sends.
 */
function sessionReport(s: SessionControlsModel | undefined): { [key: string]: any } | undefined {
  if (!s) return undefined;
  const out: { [key: string]: any } = {};
  if (s.applicationEnforcedRestrictions !== undefined) out.applicationEnforcedRestrictionsEnabled = s.applicationEnforcedRestrictions;
  if (s.cloudAppSecurityType !== undefined) out.cloudAppSecurityPolicy = s.cloudAppSecurityType;
  if (s.disableResilienceDefaults !== undefined) out.disableResilienceDefaults = s.disableResilienceDefaults;
  if (s.persistentBrowserMode !== undefined) out.persistentBrowserMode = s.persistentBrowserMode;
  const f = s.signInFrequency;
  if (f) {
    if (f.value !== undefined) out.signInFrequency = f.value;
    if (f.type !== undefined) out.signInFrequencyPeriod = f.type;
    if (f.frequencyInterval !== undefined) out.signInFrequencyInterval = f.frequencyInterval;
    if (f.authenticationType !== undefined) out.signInFrequencyAuthenticationType = f.authenticationType;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function allList(): EnumList {
  const l = new EnumList();
  l.all = true;
  return l;
}

