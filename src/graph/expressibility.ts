/**
 * Which Graph fields azuread provider 3.7.0 cannot express. One table, read by the importer (to
 * report each such field per object with its JSON path), by the export comparison (to keep them in
 * the normal form, so a lost field shows as a difference) and by the generated docs table.
 *
 * Sources: provider 3.7.0 schema and expand functions (`/work/notes/provider-contract.md` §1.2,
 * §1.4, §2.4: the provider sends Graph v1.0 only, and only the fields listed there); Graph v1.0 and
 * beta shapes (`/work/notes/docs-facts.md` §7, "Beta-only / not-yet-documented properties seen in
 * real exports"). Internal module.
 */
import { LossCategory } from './import-finding';

/** A Graph field (or a value of a field) provider 3.7.0 cannot express. */
export interface InexpressibleField {
  /** JSON path from the object's root, array indexes left out, e.g. `conditions.agents`. */
  readonly path: string;
  /**
   * The value of a list or flags field that is inexpressible (other values of the field are fine).
   * @default - any non-empty value of the field
   */
  readonly value?: string;
  /** What is lost when the field is left out. */
  readonly category: LossCategory;
  /** The feature, in the portal's or the docs' words. */
  readonly feature: string;
}

function field(path: string, category: LossCategory, feature: string, value?: string): InexpressibleField {
  return { path, category, feature, value };
}

const C = LossCategory.CONDITION;
const K = LossCategory.CONTROL;
const P = LossCategory.PROPERTY;

/** Policy fields provider 3.7.0 has no attribute for (paths from the policy root). */
export const INEXPRESSIBLE_POLICY_FIELDS: readonly InexpressibleField[] = [
  field('conditions.times', C, 'the times condition (beta)'),
  field('conditions.deviceStates', C, 'device state condition (deprecated; replaced by the device filter)'),
  field('conditions.devices.includeDevices', C, 'legacy device state include list (beta)'),
  field('conditions.devices.excludeDevices', C, 'legacy device state exclude list (beta)'),
  field('conditions.devices.includeDeviceStates', C, 'legacy device states (beta)'),
  field('conditions.devices.excludeDeviceStates', C, 'legacy device states (beta)'),
  field('conditions.agents', C, 'agent identities: agent users (beta)'),
  field('conditions.agentIdRiskLevels', C, 'agent identities: agent risk (beta)'),
  field('conditions.agentContext', C, 'agent identities: agent context (beta)'),
  field('conditions.clientApplications.includeAgentIdServicePrincipals', C, 'agent identities: agent service principals (beta)'),
  field('conditions.clientApplications.excludeAgentIdServicePrincipals', C, 'agent identities: agent service principals (beta)'),
  field('conditions.clientApplications.agentIdServicePrincipalFilter', C, 'agent identities: agent filter (beta)'),
  field('conditions.users.includeUsers', C, 'agent identities: all agent users (beta)', 'AllAgentIdUsers'),
  field('conditions.applications.includeApplications', C, 'agent identities: all agent resources (beta)', 'AllAgentIdResources'),
  field('conditions.applications.includeAuthenticationContextClassReferences', C, 'authentication contexts'),
  field('conditions.applications.applicationFilter', C, 'filter for applications (custom security attributes)'),
  field('conditions.applications.networkAccess', C, 'Global Secure Access traffic profiles (beta)'),
  field('conditions.applications.globalSecureAccess', C, 'Global Secure Access traffic profiles (beta)'),
  field('conditions.applications.includeProtectionLevels', C, 'application protection levels (beta)'),
  field('conditions.clients', C, 'client condition (beta)'),
  field('grantControls.builtInControls', K, 'require risk remediation', 'riskRemediation'),
  field('grantControls.builtInControls', K, 'require compliant network (Global Secure Access)', 'compliantNetwork'),
  field('sessionControls.continuousAccessEvaluation', K, 'continuous access evaluation'),
  field('sessionControls.secureSignInSession', K, 'token protection (secure sign-in session)'),
  field('sessionControls.globalSecureAccessFilteringProfile', K, 'Global Secure Access security profile (beta)'),
  field('sessionControls.networkAccessSecurity', K, 'Global Secure Access network access security (beta)'),
  field('sessionControls.blockSensitiveActions', K, 'block sensitive actions (beta)'),
  field('description', P, 'policy description (v1.0; provider 3.7.0 has no description attribute)'),
  field('partialEnablementStrategy', P, 'partial enablement strategy (beta)'),
];

/** Named location types provider 3.7.0 cannot create (its read matches no case for them). */
export const INEXPRESSIBLE_LOCATION_TYPES: readonly InexpressibleField[] = [
  field('@odata.type', P, 'compliant network location (Global Secure Access)', 'compliantNetworkNamedLocation'),
  field('@odata.type', P, 'private link location (beta)', 'privateLinkNamedLocation'),
  field('@odata.type', P, 'service tag location (beta)', 'serviceTagNamedLocation'),
  field('ipRanges', P, 'IP range given as lower and upper address (provider 3.7.0 drops it)', 'iPv4Range'),
  field('ipRanges', P, 'IP range given as lower and upper address (provider 3.7.0 drops it)', 'iPv6Range'),
];

const BY_PATH = new Map<string, InexpressibleField>(INEXPRESSIBLE_POLICY_FIELDS.filter((f) => f.value === undefined).map((f) => [f.path, f]));

/** The inexpressible field at this path (array indexes left out), if the whole field is inexpressible. */
export function inexpressibleField(path: string): InexpressibleField | undefined {
  return BY_PATH.get(path);
}

/** The entry for an inexpressible value of a list or flags field, if this value is one. */
export function inexpressibleValue(path: string, value: string): InexpressibleField | undefined {
  return INEXPRESSIBLE_POLICY_FIELDS.find((f) => f.value !== undefined && f.path === path && f.value.toLowerCase() === value.toLowerCase());
}

/** The entry for an inexpressible named location type (`#microsoft.graph.<type>`), if it is one. */
export function inexpressibleLocationType(odataType: string): InexpressibleField | undefined {
  const type = odataType.replace(/^#?microsoft\.graph\./, '').toLowerCase();
  return INEXPRESSIBLE_LOCATION_TYPES.find((f) => f.path === '@odata.type' && f.value!.toLowerCase() === type);
}

/** The entry for an inexpressible IP range type, if it is one. */
export function inexpressibleRangeType(odataType: string): InexpressibleField | undefined {
  const type = odataType.replace(/^#?microsoft\.graph\./, '').toLowerCase();
  return INEXPRESSIBLE_LOCATION_TYPES.find((f) => f.path === 'ipRanges' && f.value!.toLowerCase() === type);
}
