/* eslint-disable @stylistic/max-len */
/**
 * The dimensions gap analysis splits sign-ins on, and what a node of its tree knows about its sign-ins (the
 * assignment): who (kind, user, groups, roles, tenant, service principal), which resource, where from, which client
 * app, platform, risks, device and flow. Internal module.
 */
import { ADDRESS_RE } from '../model/references';
import { isGuid } from '../private/validation';
import { TRANSFER_METHODS } from '../vocabulary/authentication-flows';
import { CLIENT_APP_TYPES } from '../vocabulary/client-app-types';
import { DEVICE_PLATFORMS } from '../vocabulary/device-platforms';
import { INSIDER_RISK_LEVELS, RISK_LEVELS } from '../vocabulary/risk-levels';
import { Vocabulary } from '../vocabulary/vocabulary';
import { CompiledPolicy } from '../what-if/compiled-stack';
import { DeviceFacts } from '../what-if/device-filter';
import { ParsedIp } from '../what-if/ip';
import { EnumList, K_ADDRESS, K_GUID, Term } from '../what-if/logic';
import {
  R_AUTHENTICATION_FLOW,
  R_CLIENT_APPS,
  R_DEVICE_PLATFORM,
  R_DEVICES,
  R_INSIDER_RISK,
  R_LOCATION,
  R_SIGN_IN_RISK,
  R_USER_RISK,
  R_USERS,
  R_WORKLOAD_IDENTITIES,
} from '../what-if/microsoft-data';
import { AppTerm, PreparedSignIn } from '../what-if/prepare-sign-in';

/** How the label of "not this user" starts (gap descriptions join several into one). */
export const OTHER_USERS = 'users other than ';

/** Which sign-ins to explore. */
export type UsersScope = 'members' | 'guests' | 'all' | 'servicePrincipals';

/** One value of a dimension at a node. */
export interface DimValue {
  /** Stable id within the dimension at this node, e.g. `id:<key>`, `else`, `in`, `out`. */
  readonly id: string;
  /** Portal words for "the sign-in has this value", e.g. `Browser`, `inside HQ`, `not in group Admins`. */
  readonly label: string;
  /** Whether this is the "any other value" member of the dimension. */
  readonly other: boolean;
  /**
   * For a value that stands for a group of values (an IP region, "client apps other than …", a device), chosen by
   * the policies the split was built from: whether policy `p` treats every value of the group alike on this
   * dimension. Absent for a single value, which every policy sees as it is.
   */
  readonly sameFor?: (p: CompiledPolicy) => boolean;
}

/** A dimension split at a node: its id (e.g. `clientApp`, `group:<key>`) and the value a class has. */
export interface Choice {
  readonly dim: string;
  readonly value: DimValue;
}

export interface IdentityValue {
  readonly term: Term;
  /** How a sign-in names it: a GUID or a Terraform address. */
  readonly json: string;
}

export interface KindValue extends DimValue {
  readonly servicePrincipal: boolean;
  /** `none` for members. */
  readonly externalUserType: string;
}

export interface ResourceValue extends DimValue {
  readonly context: number;
  readonly app?: AppTerm;
  readonly appJson?: string;
  readonly userActionUrn?: string;
  readonly userAction?: string;
}

export interface IpValue extends DimValue {
  readonly ip: ParsedIp;
  readonly text: string;
}

export interface DeviceValue extends DimValue {
  readonly facts: DeviceFacts;
  readonly json: { [key: string]: any };
}

export interface Assignment {
  readonly kind: KindValue;
  readonly resource: ResourceValue;
  readonly user?: IdentityValue;
  /** Keys of the users the sign-in is known not to be (the user is explored one listed user at a time). */
  readonly notUsers: ReadonlySet<string>;
  readonly tenant?: IdentityValue;
  readonly sp?: IdentityValue;
  readonly groups: ReadonlyMap<string, { in: boolean; value: IdentityValue }>;
  readonly roles: ReadonlyMap<string, { in: boolean; value: IdentityValue }>;
  readonly ip?: IpValue;
  readonly country?: string;
  readonly enums: { readonly [dim: string]: string };
  readonly device?: DeviceValue;
  readonly choices: Choice[];
}

/** The enum dimensions: sign-in field, vocabulary, policy list, unknown-condition bit, words. */
export interface EnumDim {
  readonly dim: string;
  readonly vocabulary: Vocabulary;
  readonly bit: number;
  readonly userOnly: boolean;
  readonly lists: (p: CompiledPolicy) => Array<EnumList | null>;
  readonly label: (value: string) => string;
  readonly otherLabel: (mentioned: string[]) => string;
  /** Values that never make a class (`all` means "not given"). */
  readonly skip: readonly string[];
}

export const ENUM_DIMS: readonly EnumDim[] = [
  {
    dim: 'clientApp',
    vocabulary: CLIENT_APP_TYPES,
    bit: R_CLIENT_APPS,
    userOnly: true,
    lists: (p) => [p.clientAppTypes],
    label: (v) => CLIENT_APP_TYPES.label(v).toLowerCase(),
    otherLabel: (m) => `client apps other than ${m.map((v) => CLIENT_APP_TYPES.label(v).toLowerCase()).join(', ')}`,
    skip: ['all'],
  },
  {
    dim: 'platform',
    vocabulary: DEVICE_PLATFORMS,
    bit: R_DEVICE_PLATFORM,
    userOnly: true,
    lists: (p) => [p.platformsInc, p.platformsExc],
    label: (v) => DEVICE_PLATFORMS.label(v),
    otherLabel: (m) => `platforms other than ${m.map((v) => DEVICE_PLATFORMS.label(v)).join(', ')}`,
    skip: ['all'],
  },
  {
    dim: 'signInRisk',
    vocabulary: RISK_LEVELS,
    bit: R_SIGN_IN_RISK,
    userOnly: true,
    lists: (p) => [p.signInRisk],
    label: (v) => `sign-in risk ${RISK_LEVELS.label(v).toLowerCase()}`,
    otherLabel: (m) => `sign-in risk other than ${m.join(', ')}`,
    skip: [],
  },
  {
    dim: 'userRisk',
    vocabulary: RISK_LEVELS,
    bit: R_USER_RISK,
    userOnly: true,
    lists: (p) => [p.userRisk],
    label: (v) => `user risk ${RISK_LEVELS.label(v).toLowerCase()}`,
    otherLabel: (m) => `user risk other than ${m.join(', ')}`,
    skip: [],
  },
  {
    dim: 'insiderRisk',
    vocabulary: INSIDER_RISK_LEVELS,
    bit: R_INSIDER_RISK,
    userOnly: true,
    lists: (p) => [p.insiderRisk],
    label: (v) => `insider risk ${INSIDER_RISK_LEVELS.label(v).toLowerCase()}`,
    otherLabel: (m) => `insider risk other than ${m.join(', ')}`,
    skip: [],
  },
  {
    dim: 'flow',
    vocabulary: TRANSFER_METHODS,
    bit: R_AUTHENTICATION_FLOW,
    userOnly: true,
    lists: (p) => [p.transferMethods],
    label: (v) => (v === 'none' ? 'no authentication transfer or device code flow' : TRANSFER_METHODS.label(v).toLowerCase()),
    otherLabel: (m) => `authentication flows other than ${m.join(', ')}`,
    skip: [],
  },
  {
    dim: 'spRisk',
    vocabulary: RISK_LEVELS,
    bit: R_WORKLOAD_IDENTITIES,
    userOnly: false,
    lists: (p) => [p.spRisk],
    label: (v) => `service principal risk ${RISK_LEVELS.label(v).toLowerCase()}`,
    otherLabel: (m) => `service principal risk other than ${m.join(', ')}`,
    skip: [],
  },
];

export const FIELD: { readonly [dim: string]: keyof PreparedSignIn } = {
  clientApp: 'clientAppType',
  platform: 'devicePlatform',
  signInRisk: 'signInRisk',
  userRisk: 'userRisk',
  insiderRisk: 'insiderRisk',
  flow: 'transferMethod',
  spRisk: 'servicePrincipalRisk',
};

/** The sign-in field of every dimension whose values may stand for a group of values (see `DimValue.sameFor`). */
export const GROUP_FIELD: { readonly [dim: string]: keyof PreparedSignIn } = {
  ...FIELD,
  ip: 'ip',
  country: 'country',
  device: 'device',
  tenant: 'externalTenant',
  sp: 'servicePrincipal',
};

/** A split of a node on one dimension. */
export interface Split {
  readonly dim: string;
  readonly values: DimValue[];
  assign(a: Assignment, value: DimValue): Omit<Assignment, 'choices'> & { choices: Choice[] };
  /** The value id a full sign-in has on this dimension (undefined when the sign-in does not say). */
  classify(s: PreparedSignIn): string | undefined;
}

/** The reason bit of the condition a dimension decides (every bit for a dimension it does not know). */
export function reasonBitOf(dim: string): number {
  const kind = dim.split(':')[0];
  if (kind === 'user' || kind === 'group' || kind === 'role' || kind === 'tenant') return R_USERS;
  if (kind === 'sp') return R_WORKLOAD_IDENTITIES;
  if (kind === 'ip' || kind === 'country') return R_LOCATION;
  if (kind === 'device') return R_DEVICES;
  return ENUM_DIMS.find((e) => e.dim === kind)?.bit ?? -1;
}

/**
 * Whether a policy list key is a value of its own: a GUID, or the address of a resource the stack defines. A data
 * source or an expression is only known at apply time (it may equal any GUID), so it is never split on and the
 * policies that use it stay undetermined.
 */
export function expressible(key: string): boolean {
  return isGuid(key) || (ADDRESS_RE.test(key) && !key.startsWith('data.'));
}

/** The term a sign-in naming `key` gets (the same one the policy holds). */
export function identityOf(key: string): IdentityValue {
  if (isGuid(key)) return { term: { key, kind: K_GUID }, json: key };
  return { term: { key, kind: K_ADDRESS }, json: key };
}
