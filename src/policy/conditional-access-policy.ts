import {
  ConditionalAccessPolicy as ConditionalAccessPolicyResource,
  ConditionalAccessPolicyConditionsUsers,
} from '@cdktf/provider-azuread/lib/conditional-access-policy';
import { Construct } from 'constructs';
import { AuthenticationFlow } from './authentication-flow';
import { ClientAppType } from './client-app-type';
import { DevicePlatform } from './device-platform';
import { EmergencyAccessAccounts } from './emergency-access-accounts';
import { FilterProps } from './filter';
import { GrantControls } from './grant-controls';
import { PolicyState } from './policy-state';
import { validatePolicyProps } from './policy-validation';
import { Principal, PrincipalKind } from './principal';
import { InsiderRiskLevel, RiskLevel } from './risk-level';
import { SessionControlsProps, SignInFrequencyAuthenticationType } from './session-controls';
import { TargetResources } from './target-resources';
import { IncludedUsers, UserSelection } from './users';
import { WorkloadIdentitiesProps } from './workload-identities';
import { emergencyAccountsFor, registerEmergencyAccessAspect } from '../emergency-access/emergency-access-registry';
import { ILocation } from '../locations/location';
import { failProp, omitEmpty, Problems, sortedUnique } from '../private/validation';
import { registerRules } from '../rules/register-rules';

/**
 * Properties of a {@link ConditionalAccessPolicy}. Each one is a portal control;
 * the doc comment names it.
 */
export interface ConditionalAccessPolicyProps {
  /** "Name". */
  readonly displayName: string;
  /**
   * "Enable policy". Report-only is the safe first deploy, but it is not
   * evaluated for user actions.
   * @default PolicyState.REPORT_ONLY
   */
  readonly state?: PolicyState;
  /** Users > Include. */
  readonly includeUsers: IncludedUsers;
  /**
   * Users > Exclude.
   * @default - nobody excluded
   */
  readonly excludeUsers?: UserSelection;
  /**
   * Emergency-access ("break-glass") accounts to exclude, on top of `excludeUsers`.
   * They are tracked separately so the lockout rule can see them; see also
   * `EmergencyAccess.of(scope)` to exclude them from every policy at once.
   * @default - none for this policy
   */
  readonly emergencyAccess?: EmergencyAccessAccounts;
  /**
   * Users or workload identities > Workload identities. Needs `IncludedUsers.none()`.
   * @default - not a workload identity policy
   */
  readonly workloadIdentities?: WorkloadIdentitiesProps;
  /** Target resources: user actions or cloud applications. */
  readonly target: TargetResources;
  /**
   * Conditions > Locations > Include. Required when `excludeLocations` is set.
   * @default - no location condition
   */
  readonly includeLocations?: ILocation[];
  /**
   * Conditions > Locations > Exclude.
   * @default - none
   */
  readonly excludeLocations?: ILocation[];
  /**
   * Conditions > Client apps.
   * @default [ClientAppType.ALL]
   */
  readonly clientAppTypes?: ClientAppType[];
  /**
   * Conditions > Device platforms > Include. Required when `excludePlatforms` is set.
   * @default - no platform condition
   */
  readonly includePlatforms?: DevicePlatform[];
  /**
   * Conditions > Device platforms > Exclude.
   * @default - none
   */
  readonly excludePlatforms?: DevicePlatform[];
  /**
   * Conditions > Sign-in risk.
   * @default - no sign-in risk condition
   */
  readonly signInRiskLevels?: RiskLevel[];
  /**
   * Conditions > User risk.
   * @default - no user risk condition
   */
  readonly userRiskLevels?: RiskLevel[];
  /**
   * Conditions > Service principal risk (workload identity policies).
   * @default - no service principal risk condition
   */
  readonly servicePrincipalRiskLevels?: RiskLevel[];
  /**
   * Conditions > Insider risk.
   * @default - no insider risk condition
   */
  readonly insiderRiskLevel?: InsiderRiskLevel;
  /**
   * Conditions > Authentication flows.
   * @default - no authentication flow condition
   */
  readonly authenticationFlows?: AuthenticationFlow[];
  /**
   * Conditions > Filter for devices.
   * @default - no device filter
   */
  readonly deviceFilter?: FilterProps;
  /**
   * Access controls > Grant. A policy needs grant or session controls.
   * @default - no grant controls
   */
  readonly grant?: GrantControls;
  /**
   * Access controls > Session.
   * @default - no session controls
   */
  readonly session?: SessionControlsProps;
}

const POLICY = Symbol.for('cdktf-entra-conditional-access.ConditionalAccessPolicy');

/**
 * A Conditional Access policy (`azuread_conditional_access_policy`), with typed
 * options for every field of provider 3.7.0. Bad input throws at construction,
 * naming the property, the value and the fix.
 */
export class ConditionalAccessPolicy extends Construct {
  /**
   * True for policies of this library, across copies of the library.
   * @param x any object
   */
  public static isConditionalAccessPolicy(x: any): x is ConditionalAccessPolicy {
    return x !== null && typeof x === 'object' && POLICY in x;
  }

  /** The underlying `azuread_conditional_access_policy` resource (escape hatch). */
  public readonly resource: ConditionalAccessPolicyResource;
  /** The display name. */
  public readonly displayName: string;
  /** The state. */
  public readonly state: PolicyState;
  private readonly props: ConditionalAccessPolicyProps;

  private readonly emergencyUsers: string[] = [];
  private readonly emergencyGroups: string[] = [];
  private readonly appliedScopeAccounts = new Set<EmergencyAccessAccounts>();
  private objectIdToken?: string;

  /**
   * @param scope the parent construct
   * @param id the construct id
   * @param props the properties
   */
  constructor(scope: Construct, id: string, props: ConditionalAccessPolicyProps) {
    super(scope, id);
    // Validate first: a policy that throws is not marked, so rules and aspects skip it.
    const problems = new Problems();
    validatePolicyProps(props, problems);
    problems.each(props.emergencyAccess?.users, (u, i) => checkEmergencyKind(`emergencyAccess.users[${i}]`, u, PrincipalKind.USER));
    problems.each(props.emergencyAccess?.groups, (g, i) => checkEmergencyKind(`emergencyAccess.groups[${i}]`, g, PrincipalKind.GROUP));
    problems.throwIfAny(this, props.displayName);
    Object.defineProperty(this, POLICY, { value: true });
    registerRules(this);
    registerEmergencyAccessAspect(this);
    this.props = props;
    this.displayName = props.displayName;
    this.state = props.state ?? PolicyState.REPORT_ONLY;
    if (props.emergencyAccess) {
      this.excludeEmergencyAccess(props.emergencyAccess);
    }

    this.resource = new ConditionalAccessPolicyResource(this, 'Resource', {
      displayName: props.displayName,
      state: this.state.value,
      conditions: {
        applications: {
          includedUserActions: omitEmpty(sortedUnique(props.target.userActionValues)),
          includedApplications: omitEmpty(sortedUnique(props.target.includedApplications)),
          excludedApplications: omitEmpty(sortedUnique(props.target.excludedApplications)),
        },
        users: this.renderUsers(),
        clientAppTypes: sortedUnique((props.clientAppTypes ?? [ClientAppType.ALL]).map((c) => c.value)),
        locations: props.includeLocations ? {
          includedLocations: sortedUnique(props.includeLocations.map((l) => l.locationId)),
          excludedLocations: omitEmpty(sortedUnique((props.excludeLocations ?? []).map((l) => l.locationId))),
        } : undefined,
        platforms: props.includePlatforms ? {
          includedPlatforms: sortedUnique(props.includePlatforms.map((p) => p.value)),
          excludedPlatforms: omitEmpty(sortedUnique((props.excludePlatforms ?? []).map((p) => p.value))),
        } : undefined,
        signInRiskLevels: omitEmpty(sortedUnique((props.signInRiskLevels ?? []).map((r) => r.value))),
        userRiskLevels: omitEmpty(sortedUnique((props.userRiskLevels ?? []).map((r) => r.value))),
        servicePrincipalRiskLevels: omitEmpty(sortedUnique((props.servicePrincipalRiskLevels ?? []).map((r) => r.value))),
        insiderRiskLevels: props.insiderRiskLevel?.value,
        authenticationFlowTransferMethods: omitEmpty(sortedUnique((props.authenticationFlows ?? []).map((f) => f.value))),
        devices: props.deviceFilter ? { filter: { mode: props.deviceFilter.mode.value, rule: props.deviceFilter.rule } } : undefined,
        clientApplications: props.workloadIdentities ? {
          includedServicePrincipals: omitEmpty(sortedUnique([
            ...(props.workloadIdentities.allServicePrincipalsInMyTenant ? ['ServicePrincipalsInMyTenant'] : []),
            ...(props.workloadIdentities.includeServicePrincipals ?? []).map((p) => p.objectId),
          ])),
          excludedServicePrincipals: omitEmpty(sortedUnique((props.workloadIdentities.excludeServicePrincipals ?? []).map((p) => p.objectId))),
          filter: props.workloadIdentities.filter
            ? { mode: props.workloadIdentities.filter.mode.value, rule: props.workloadIdentities.filter.rule }
            : undefined,
        } : undefined,
      },
      grantControls: props.grant ? {
        operator: props.grant.operator,
        builtInControls: omitEmpty(sortedUnique(props.grant.builtInControls)),
        authenticationStrengthPolicyId: props.grant.authenticationStrength?.authenticationStrengthId,
        termsOfUse: omitEmpty(sortedUnique(props.grant.termsOfUse)),
        customAuthenticationFactors: omitEmpty(sortedUnique(props.grant.customAuthenticationFactors)),
      } : undefined,
      sessionControls: props.session ? {
        applicationEnforcedRestrictionsEnabled: props.session.applicationEnforcedRestrictions,
        cloudAppSecurityPolicy: props.session.cloudAppSecurityPolicy?.value,
        disableResilienceDefaults: props.session.disableResilienceDefaults,
        persistentBrowserMode: props.session.persistentBrowserMode?.value,
        signInFrequency: props.session.signInFrequency?.value,
        signInFrequencyPeriod: props.session.signInFrequency?.period,
        signInFrequencyInterval: props.session.signInFrequency?.interval,
        // Optional + Computed in provider 3.7.0: written whenever a frequency is set, so that going back to the
        // default is a planned change rather than the old value kept in state.
        signInFrequencyAuthenticationType: props.session.signInFrequency
          ? (props.session.signInFrequency.authenticationType ?? SignInFrequencyAuthenticationType.PRIMARY_AND_SECONDARY).value
          : undefined,
      } : undefined,
    });
  }

  /**
   * The policy's GUID (`object_id`). Created on first use: every read of a
   * resource attribute makes a cdktf token, which captures a stack trace.
   */
  public get policyId(): string {
    this.objectIdToken ??= this.resource.objectId;
    return this.objectIdToken;
  }

  /**
   * Exclude emergency-access ("break-glass") accounts from this policy.
   * `EmergencyAccess.of(scope).exclude(...)` calls this on every policy in a scope.
   * @param accounts the accounts
   */
  public excludeEmergencyAccess(accounts: EmergencyAccessAccounts): void {
    const problems = new Problems();
    problems.each(accounts.users, (u, i) => checkEmergencyKind(`emergencyAccess.users[${i}]`, u, PrincipalKind.USER));
    problems.each(accounts.groups, (g, i) => checkEmergencyKind(`emergencyAccess.groups[${i}]`, g, PrincipalKind.GROUP));
    problems.throwIfAny(this, this.displayName);
    this.emergencyUsers.push(...(accounts.users ?? []).map((u) => u.objectId));
    this.emergencyGroups.push(...(accounts.groups ?? []).map((g) => g.objectId));
    // Called from the constructor (the emergencyAccess prop) before the resource exists, too.
    if (this.resource) this.updateExclusions();
  }

  /**
   * True when emergency-access accounts are excluded from this policy, by the
   * `emergencyAccess` prop, `excludeEmergencyAccess` or `EmergencyAccess.of(scope)`
   * on one of its scopes (applied at synth, but already counted here).
   */
  public get hasEmergencyAccessExclusion(): boolean {
    return this.emergencyUsers.length + this.emergencyGroups.length > 0
      || (this.isUserPolicy && emergencyAccountsFor(this).length > 0);
  }

  /**
   * The emergency-access accounts declared for this policy (the `emergencyAccess` prop,
   * `excludeEmergencyAccess` and `EmergencyAccess.of(scope)` on its scopes), for the lint rules.
   * @internal
   */
  public _declaredEmergencyAccess(): { users: string[]; groups: string[] } {
    if (!this.isUserPolicy) return { users: [], groups: [] };
    const scoped = emergencyAccountsFor(this).filter((a) => !this.appliedScopeAccounts.has(a));
    return {
      users: [...new Set([...this.emergencyUsers, ...scoped.flatMap((a) => (a.users ?? []).map((u) => u.objectId))])],
      groups: [...new Set([...this.emergencyGroups, ...scoped.flatMap((a) => (a.groups ?? []).map((g) => g.objectId))])],
    };
  }

  /**
   * Apply the exclusions recorded with `EmergencyAccess.of(scope)` on this
   * policy's scopes (called by the stack's aspect at synth; idempotent).
   * @internal
   */
  public _applyScopeEmergencyAccess(): void {
    if (!ConditionalAccessPolicy.isConditionalAccessPolicy(this) || !this.isUserPolicy) return;
    for (const accounts of emergencyAccountsFor(this)) {
      if (this.appliedScopeAccounts.has(accounts)) continue;
      this.appliedScopeAccounts.add(accounts);
      this.excludeEmergencyAccess(accounts);
    }
  }

  /** Workload identity policies include no users, so user exclusions do not apply to them. */
  private get isUserPolicy(): boolean {
    return this.props.includeUsers.special !== 'None';
  }

  private excludedUserIds(): string[] {
    const exclude = this.props.excludeUsers ?? {};
    return [
      ...(exclude.guestsOrExternalUsers?.isAll ? ['GuestsOrExternalUsers'] : []),
      ...(exclude.users ?? []).map((u) => u.objectId),
      ...this.emergencyUsers,
    ];
  }

  private excludedGroupIds(): string[] {
    return [...(this.props.excludeUsers?.groups ?? []).map((g) => g.objectId), ...this.emergencyGroups];
  }

  /** Write the exclusions again after `excludeEmergencyAccess` (e.g. from the aspect, at synth). */
  private updateExclusions(): void {
    const users = this.resource.conditions.users;
    const excludedUsers = omitEmpty(sortedUnique(this.excludedUserIds()));
    const excludedGroups = omitEmpty(sortedUnique(this.excludedGroupIds()));
    if (excludedUsers) users.excludedUsers = excludedUsers; else users.resetExcludedUsers();
    if (excludedGroups) users.excludedGroups = excludedGroups; else users.resetExcludedGroups();
  }

  private renderUsers(): ConditionalAccessPolicyConditionsUsers {
    const include = this.props.includeUsers;
    const exclude = this.props.excludeUsers ?? {};
    const sel = include.selection;
    const includedUsers = [
      ...(include.special ? [include.special] : []),
      ...(sel.guestsOrExternalUsers?.isAll ? ['GuestsOrExternalUsers'] : []),
      ...(sel.users ?? []).map((u) => u.objectId),
    ];
    const includedBlock = sel.guestsOrExternalUsers?._renderBlock();
    const excludedBlock = exclude.guestsOrExternalUsers?._renderBlock();
    return {
      includedUsers: omitEmpty(sortedUnique(includedUsers)),
      includedGroups: omitEmpty(sortedUnique((sel.groups ?? []).map((g) => g.objectId))),
      includedRoles: omitEmpty(sortedUnique((sel.roles ?? []).map((r) => r.templateId))),
      includedGuestsOrExternalUsers: includedBlock ? [includedBlock] : undefined,
      excludedUsers: omitEmpty(sortedUnique(this.excludedUserIds())),
      excludedGroups: omitEmpty(sortedUnique(this.excludedGroupIds())),
      excludedRoles: omitEmpty(sortedUnique((exclude.roles ?? []).map((r) => r.templateId))),
      excludedGuestsOrExternalUsers: excludedBlock ? [excludedBlock] : undefined,
    };
  }
}

/** An emergency-access user must be a user and a group a group (or an object of unknown kind). */
function checkEmergencyKind(prop: string, principal: Principal, kind: PrincipalKind): void {
  if (principal.kind !== kind && principal.kind !== PrincipalKind.UNKNOWN) {
    const other = kind === PrincipalKind.USER ? 'emergencyAccess.groups' : 'emergencyAccess.users';
    failProp(prop, `${principal} is a ${principal.kind}; put ${principal.kind}s in ${other}`);
  }
}
