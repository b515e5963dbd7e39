import { ADDRESS_RE } from '../model/references';
import { AuthenticationFlow } from '../policy/authentication-flow';
import { ClientAppType } from '../policy/client-app-type';
import { DevicePlatform } from '../policy/device-platform';
import { GuestOrExternalUserType } from '../policy/guests-or-external-users';
import { DirectoryRole } from '../policy/principal';
import { InsiderRiskLevel, RiskLevel } from '../policy/risk-level';
import { UserAction } from '../policy/target-resources';
import { isCountryCode } from '../private/country-codes';
import { isGuid } from '../private/validation';
import { TRANSFER_METHODS } from '../vocabulary/authentication-flows';
import { CLIENT_APP_TYPES } from '../vocabulary/client-app-types';
import { DEVICE_PLATFORMS } from '../vocabulary/device-platforms';
import { GUEST_OR_EXTERNAL_USER_TYPES } from '../vocabulary/guest-types';
import { INSIDER_RISK_LEVELS, RISK_LEVELS } from '../vocabulary/risk-levels';
import { USER_ACTIONS } from '../vocabulary/user-actions';
import { Vocabulary } from '../vocabulary/vocabulary';

/**
 * The device of a sign-in (Graph `deviceInfo`), read by policies with a filter for devices. Leave a property out
 * when you do not know it: a rule that reads it is then `notEnoughInformation`.
 */
export interface SignInDevice {
  /**
   * Whether the device is marked compliant (`device.isCompliant`).
   * @default - unknown
   */
  readonly isCompliant?: boolean;
  /**
   * Join type: `AzureAD` (Entra joined), `ServerAD` (hybrid joined) or `Workplace` (registered) (`device.trustType`).
   * @default - unknown
   */
  readonly trustType?: string;
  /**
   * `Company` or `Personal` (`device.deviceOwnership`; Graph `deviceInfo.ownership`).
   * @default - unknown
   */
  readonly ownership?: string;
  /**
   * The device id, a GUID (`device.deviceId`).
   * @default - unknown
   */
  readonly deviceId?: string;
  /**
   * The device's display name (`device.displayName`).
   * @default - unknown
   */
  readonly displayName?: string;
  /**
   * The Intune / Autopilot enrollment profile name (`device.enrollmentProfileName`).
   * @default - unknown
   */
  readonly enrollmentProfileName?: string;
  /**
   * The manufacturer (`device.manufacturer`).
   * @default - unknown
   */
  readonly manufacturer?: string;
  /**
   * The MDM application id (`device.mdmAppId`).
   * @default - unknown
   */
  readonly mdmAppId?: string;
  /**
   * The model (`device.model`).
   * @default - unknown
   */
  readonly model?: string;
  /**
   * The operating system, e.g. `Windows` (`device.operatingSystem`).
   * @default - unknown
   */
  readonly operatingSystem?: string;
  /**
   * The operating system version, e.g. `10.0.22631` (`device.operatingSystemVersion`).
   * @default - unknown
   */
  readonly operatingSystemVersion?: string;
  /**
   * `RegisteredDevice`, `SecureVM`, `Printer`, `Shared` or `IoT` (`device.profileType`).
   * @default - unknown
   */
  readonly profileType?: string;
  /**
   * Physical ids such as `[ZTDId]:...` (`device.physicalIds`).
   * @default - unknown
   */
  readonly physicalIds?: string[];
  /**
   * System labels such as `M365Managed` (`device.systemLabels`).
   * @default - unknown
   */
  readonly systemLabels?: string[];
  /**
   * Extension attributes 1 to 15 (`device.extensionAttribute1` ...), by number: `{ 1: 'SAW' }`.
   * @default - unknown
   */
  readonly extensionAttributes?: { [index: string]: string };
}

/** Where a user signs in to and from what: the parts every user sign-in shares. */
export interface SignInConditionsProps {
  /**
   * The client IP address, IPv4 or IPv6 (`signInConditions.ipAddress`), for IP named locations and `AllTrusted`.
   * @default - unknown: IP locations are notEnoughInformation
   */
  readonly ipAddress?: string;
  /**
   * The ISO 3166-1 alpha-2 country code (`signInConditions.country`), for country named locations.
   * @default - unknown: country locations are notEnoughInformation
   */
  readonly country?: string;
  /**
   * The client app type.
   * @default - not given (Graph's default `all`): a policy on specific client app types is notEnoughInformation
   */
  readonly clientAppType?: ClientAppType;
  /**
   * The device platform.
   * @default - not given (Graph's default `all`): a policy on specific platforms is notEnoughInformation
   */
  readonly devicePlatform?: DevicePlatform;
  /**
   * The sign-in risk level.
   * @default - unknown
   */
  readonly signInRiskLevel?: RiskLevel;
  /**
   * The user risk level.
   * @default - unknown
   */
  readonly userRiskLevel?: RiskLevel;
  /**
   * The insider risk level (`InsiderRiskLevel.of('none')` for none).
   * @default - unknown
   */
  readonly insiderRiskLevel?: InsiderRiskLevel;
  /**
   * The authentication flow's transfer method (`AuthenticationFlow.of('none')` for none).
   * @default - unknown
   */
  readonly authenticationFlow?: AuthenticationFlow;
  /**
   * The device, for filters for devices.
   * @default - unknown
   */
  readonly device?: SignInDevice;
}

/** What a sign-in is for: give exactly one of `applications`, `userAction` and `authenticationContext`. */
export interface SignInTargetProps {
  /**
   * Application (client) ids signed in to, or Terraform addresses such as `azuread_application.portal`.
   * @default - none (give `userAction` or `authenticationContext` instead)
   */
  readonly applications?: string[];
  /**
   * A user action, e.g. `UserAction.REGISTER_SECURITY_INFORMATION`.
   * @default - none (give `applications` or `authenticationContext` instead)
   */
  readonly userAction?: UserAction;
  /**
   * An authentication context class reference, `c1` to `c99`.
   * @default - none (give `applications` or `userAction` instead)
   */
  readonly authenticationContext?: string;
  /**
   * Graph's `appliedPoliciesOnly`: report only the policies that apply.
   * @default false
   */
  readonly appliedPoliciesOnly?: boolean;
}

/** A member user's sign-in. */
export interface UserSignInProps extends SignInTargetProps, SignInConditionsProps {
  /** The user's object id, or a Terraform address such as `azuread_user.alice`. */
  readonly userId: string;
  /**
   * Object ids (or Terraform addresses) of every group the user is a member of, transitively (the offline
   * `directory.memberOf`: Graph looks them up, offline they must be given). An empty list says "no groups".
   * @default - unknown: policies on groups are notEnoughInformation
   */
  readonly memberOf?: string[];
  /**
   * The directory roles the user holds (the offline `directory.roles`). An empty list says "no roles".
   * @default - unknown: policies on roles are notEnoughInformation
   */
  readonly roles?: DirectoryRole[];
}

/** A guest or external user's sign-in. */
export interface GuestSignInProps extends UserSignInProps {
  /** The kind of guest or external user, e.g. `GuestOrExternalUserType.B2B_COLLABORATION_GUEST`. */
  readonly externalUserType: GuestOrExternalUserType;
  /**
   * The guest's home tenant id.
   * @default - unknown: policies on selected external tenants are notEnoughInformation
   */
  readonly externalTenantId?: string;
}

/** A workload identity's (service principal's) sign-in. */
export interface ServicePrincipalSignInProps {
  /** The service principal's object id, or a Terraform address such as `azuread_service_principal.app`. */
  readonly servicePrincipalId: string;
  /** Application (client) ids (or Terraform addresses) of the resources it signs in to. */
  readonly applications: string[];
  /**
   * The client IP address.
   * @default - unknown
   */
  readonly ipAddress?: string;
  /**
   * The ISO 3166-1 alpha-2 country code.
   * @default - unknown
   */
  readonly country?: string;
  /**
   * The service principal risk level.
   * @default - unknown
   */
  readonly servicePrincipalRiskLevel?: RiskLevel;
  /**
   * Graph's `appliedPoliciesOnly`.
   * @default false
   */
  readonly appliedPoliciesOnly?: boolean;
}

type Json = { [key: string]: any };

const USER_SIGN_IN = '#microsoft.graph.userSignIn';
const SP_SIGN_IN = '#microsoft.graph.servicePrincipalSignIn';

class Problems {
  private readonly list: string[] = [];

  constructor(private readonly factory: string) {}

  public add(message: string): void {
    this.list.push(message);
  }

  public throwIfAny(): void {
    if (this.list.length > 0) throw new Error(this.list.map((m) => `${this.factory}: ${m}`).join('\n'));
  }

  public identity(prop: string, value: unknown, example: string): void {
    if (typeof value !== 'string' || !(isGuid(value) || ADDRESS_RE.test(value))) {
      this.add(`${prop} ${JSON.stringify(value)} is neither a GUID nor a Terraform address; use an object id or an address such as ${example}`);
    }
  }

  public identities(prop: string, values: readonly unknown[] | undefined, example: string): void {
    (values ?? []).forEach((v, i) => this.identity(`${prop}[${i}]`, v, example));
  }

  public enumValue(prop: string, value: { readonly value: string } | undefined, vocabulary: Vocabulary, className: string): string | undefined {
    if (value === undefined) return undefined;
    const v = value.value;
    const term = vocabulary.bySignIn(v);
    if (!term) this.add(`${prop} '${v}' is not a sign-in ${vocabulary.name}; use a ${className} constant or one of ${vocabulary.signInValues.join(', ')}`);
    return v;
  }
}

function conditions(p: Problems, props: SignInConditionsProps & { servicePrincipalRiskLevel?: RiskLevel }): Json {
  const out: Json = {};
  if (props.ipAddress !== undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parseIp } = require('./ip') as typeof import('./ip');
    if (!parseIp(props.ipAddress)) p.add(`ipAddress '${props.ipAddress}' is not an IPv4 or IPv6 address; use e.g. 198.51.100.7 or 2001:db8::1`);
    out.ipAddress = props.ipAddress;
  }
  if (props.country !== undefined) {
    if (!/^[A-Za-z]{2}$/.test(props.country) || !isCountryCode(props.country)) {
      p.add(`country '${props.country}' is not an ISO 3166-1 alpha-2 country code; use two letters such as FR or US`);
    }
    out.country = props.country.toUpperCase();
  }
  const set = (key: string, v: string | undefined) => {
    if (v !== undefined) out[key] = v;
  };
  set('clientAppType', p.enumValue('clientAppType', props.clientAppType, CLIENT_APP_TYPES, 'ClientAppType'));
  set('devicePlatform', p.enumValue('devicePlatform', props.devicePlatform, DEVICE_PLATFORMS, 'DevicePlatform'));
  set('signInRiskLevel', p.enumValue('signInRiskLevel', props.signInRiskLevel, RISK_LEVELS, 'RiskLevel'));
  set('userRiskLevel', p.enumValue('userRiskLevel', props.userRiskLevel, RISK_LEVELS, 'RiskLevel'));
  set('servicePrincipalRiskLevel', p.enumValue('servicePrincipalRiskLevel', props.servicePrincipalRiskLevel, RISK_LEVELS, 'RiskLevel'));
  set('insiderRiskLevel', p.enumValue('insiderRiskLevel', props.insiderRiskLevel, INSIDER_RISK_LEVELS, 'InsiderRiskLevel'));
  const flow = p.enumValue('authenticationFlow', props.authenticationFlow, TRANSFER_METHODS, 'AuthenticationFlow');
  if (flow !== undefined) out.authenticationFlow = { transferMethod: flow };
  if (props.device !== undefined) out.deviceInfo = deviceInfo(p, props.device);
  return out;
}

function deviceInfo(p: Problems, d: SignInDevice): Json {
  const out: Json = {};
  const { extensionAttributes, ...rest } = d;
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) out[key] = value;
  for (const [index, value] of Object.entries(extensionAttributes ?? {})) {
    if (!/^([1-9]|1[0-5])$/.test(index)) p.add(`device.extensionAttributes: '${index}' is not 1 to 15`);
    else out[`extensionAttribute${index}`] = value;
  }
  return out;
}

function context(p: Problems, props: SignInTargetProps): Json {
  const given = [props.applications !== undefined, props.userAction !== undefined, props.authenticationContext !== undefined].filter((x) => x).length;
  if (given !== 1) {
    p.add(`give exactly one of applications, userAction and authenticationContext (${given === 0 ? 'none is' : `${given} are`} given)`);
  }
  if (props.userAction !== undefined) {
    const term = USER_ACTIONS.byValue(props.userAction.value) ?? USER_ACTIONS.bySignIn(props.userAction.value);
    if (!term || term.signIn === false) {
      p.add(`userAction '${props.userAction.value}' is not a user action; use UserAction.REGISTER_SECURITY_INFORMATION or UserAction.REGISTER_OR_JOIN_DEVICES`);
      return { '@odata.type': '#microsoft.graph.userActionContext', 'userAction': props.userAction.value };
    }
    return { '@odata.type': '#microsoft.graph.userActionContext', 'userAction': term.signIn || term.value };
  }
  if (props.authenticationContext !== undefined) {
    if (!/^c([1-9]|[1-9][0-9])$/.test(props.authenticationContext)) {
      p.add(`authenticationContext '${props.authenticationContext}' is not an authentication context; use c1 to c99`);
    }
    return { '@odata.type': '#microsoft.graph.authContext', 'authenticationContextValue': props.authenticationContext };
  }
  const apps = props.applications ?? [];
  if (props.applications !== undefined && apps.length === 0) p.add('applications is empty; list at least one application id');
  apps.forEach((a, i) => {
    if (a !== 'Office365' && a !== 'MicrosoftAdminPortals') p.identity(`applications[${i}]`, a, 'azuread_application.portal');
  });
  return { '@odata.type': '#microsoft.graph.applicationContext', 'includeApplications': [...apps] };
}

/**
 * A sign-in for What-If, built from the library's enum-like classes instead of raw JSON: the same thing as a Graph
 * `POST /identity/conditionalAccess/evaluate` request body (v1.0) plus the offline `directory` extension (groups and
 * roles). Pass it to `WhatIf.evaluate`, or send `toGraphRequest()` to Graph as is.
 *
 * @example
 * const signIn = SignIn.guest({
 *   userId: '22222222-2222-4222-8222-222222222222',
 *   externalUserType: GuestOrExternalUserType.B2B_COLLABORATION_GUEST,
 *   userAction: UserAction.REGISTER_SECURITY_INFORMATION,
 *   ipAddress: '198.51.100.7',
 *   clientAppType: ClientAppType.BROWSER,
 *   memberOf: [],
 *   roles: [],
 * });
 * WhatIf.fromStack(stack).evaluate(signIn).outcome.access; // 'blocked'
 */
export class SignIn {
  /**
   * A member user signs in.
   *
   * @param props who, to what, from where
   * @throws Error naming each bad property, its value and the fix
   */
  public static user(props: UserSignInProps): SignIn {
    const p = new Problems('SignIn.user');
    const s = SignIn.forUser(p, props, {});
    p.throwIfAny();
    return s;
  }

  /**
   * A guest or external user signs in.
   *
   * @param props who (with the kind of guest and their home tenant), to what, from where
   * @throws Error naming each bad property, its value and the fix
   */
  public static guest(props: GuestSignInProps): SignIn {
    const p = new Problems('SignIn.guest');
    const extra: Json = {};
    if (props.externalUserType === undefined) {
      p.add('externalUserType is required; use a GuestOrExternalUserType constant such as GuestOrExternalUserType.B2B_COLLABORATION_GUEST');
    } else {
      const type = props.externalUserType.value;
      const term = GUEST_OR_EXTERNAL_USER_TYPES.bySignIn(type);
      if (!term || type === GUEST_OR_EXTERNAL_USER_TYPES.value('NONE')) {
        p.add(`externalUserType '${type}' is not a guest or external user type; use a GuestOrExternalUserType constant (for a member, use SignIn.user)`);
      }
      extra.externalUserType = type;
    }
    if (props.externalTenantId !== undefined) {
      if (!isGuid(props.externalTenantId)) p.add(`externalTenantId '${props.externalTenantId}' is not a GUID; use the guest's home tenant id`);
      extra.externalTenantId = props.externalTenantId;
    }
    const s = SignIn.forUser(p, props, extra);
    p.throwIfAny();
    return s;
  }

  /**
   * A workload identity (single-tenant service principal) signs in to applications.
   *
   * @param props which service principal, to what, from where
   * @throws Error naming each bad property, its value and the fix
   */
  public static servicePrincipal(props: ServicePrincipalSignInProps): SignIn {
    const p = new Problems('SignIn.servicePrincipal');
    p.identity('servicePrincipalId', props.servicePrincipalId, 'azuread_service_principal.app');
    const ctx = context(p, { applications: props.applications });
    const cond = conditions(p, { ipAddress: props.ipAddress, country: props.country, servicePrincipalRiskLevel: props.servicePrincipalRiskLevel });
    p.throwIfAny();
    return new SignIn(
      {
        signInIdentity: { '@odata.type': SP_SIGN_IN, 'servicePrincipalId': props.servicePrincipalId },
        signInContext: ctx,
        signInConditions: cond,
        appliedPoliciesOnly: props.appliedPoliciesOnly ?? false,
      },
      undefined,
    );
  }

  private static forUser(p: Problems, props: UserSignInProps, extra: Json): SignIn {
    p.identity('userId', props.userId, 'azuread_user.alice');
    p.identities('memberOf', props.memberOf, 'azuread_group.admins');
    const directory: Json = {};
    if (props.memberOf !== undefined) directory.memberOf = [...props.memberOf];
    if (props.roles !== undefined) directory.roles = props.roles.map((r) => r.templateId);
    const ctx = context(p, props);
    const cond = conditions(p, props);
    return new SignIn(
      {
        signInIdentity: { '@odata.type': USER_SIGN_IN, 'userId': props.userId, ...extra },
        signInContext: ctx,
        signInConditions: cond,
        appliedPoliciesOnly: props.appliedPoliciesOnly ?? false,
      },
      Object.keys(directory).length > 0 ? directory : undefined,
    );
  }

  private constructor(private readonly body: Json, private readonly directoryExtension: Json | undefined) {}

  /**
   * The Graph `POST /identity/conditionalAccess/evaluate` request body (v1.0): `signInIdentity`, `signInContext`,
   * `signInConditions` and `appliedPoliciesOnly`, with `@odata.type` keys. Groups and roles are not part of it.
   */
  public toGraphRequest(): { [key: string]: any } {
    return JSON.parse(JSON.stringify(this.body));
  }

  /**
   * The request body plus the offline `directory` extension (`memberOf`, `roles`) when groups or roles were given:
   * what `WhatIf.evaluate` and the `signIn` of a scenarios file read.
   */
  public toJson(): { [key: string]: any } {
    const out = this.toGraphRequest();
    if (this.directoryExtension !== undefined) out.directory = JSON.parse(JSON.stringify(this.directoryExtension));
    return out;
  }
}
