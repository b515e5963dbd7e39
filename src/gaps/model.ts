import { GapRequirement } from './requirement';
import { WhatIfAccess, WhatIfRequirement } from '../what-if/model';

/** Whose sign-ins gap analysis explores. */
export enum GapUsers {
  /** Member users (not guests). */
  MEMBERS = 'members',
  /** Guest and external users, by guest type. */
  GUESTS = 'guests',
  /** Members and guests. */
  ALL = 'all',
  /** Workload identities: single-tenant service principals. */
  SERVICE_PRINCIPALS = 'servicePrincipals',
}

/** Which sign-ins, over which policies. */
export interface SignInClassOptions {
  /**
   * Whose sign-ins.
   * @default GapUsers.ALL
   */
  readonly users?: GapUsers;
  /**
   * Decide over report-only policies instead of enabled ones.
   * @default false
   */
  readonly reportOnly?: boolean;
}

/** What to look for. */
export interface GapOptions extends SignInClassOptions {
  /** What every sign-in must face: `GapRequirement.MFA`, `GapRequirement.BLOCK`, `GapRequirement.strength(...)`, ... */
  readonly require: GapRequirement;
}

/** A class of sign-ins that the policies in scope treat alike (the same access decision). */
export interface SignInClass {
  /** The class in portal words, e.g. `members · Register security information · outside HQ`. */
  readonly description: string;
  /** The access decision every sign-in of the class gets. */
  readonly access: WhatIfAccess;
  /** The requirements of the applying policies (when access is `requiresControls`). */
  readonly requirements: WhatIfRequirement[];
  /** Addresses of the policies in scope that apply to every sign-in of the class. */
  readonly policies: string[];
  /** Addresses of the policies that make access `undetermined` (values known only at apply time). */
  readonly undeterminedBy: string[];
  /** A concrete sign-in of the class: a Graph evaluate request body plus the offline `directory`. */
  readonly signIn: { [key: string]: any };
}

/** Sign-ins that do not face the requirement, merged from classes with the same outcome. */
export interface Gap {
  /** Who, to what, from where, in portal words, e.g. `guests · any app except Office 365 · outside trusted locations (HQ)`. */
  readonly description: string;
  /** What they get instead, e.g. `allowed without MFA`. */
  readonly outcome: string;
  /** The access decision. */
  readonly access: WhatIfAccess;
  /** Addresses of the policies that apply (or, when undetermined, that might apply). */
  readonly policies: string[];
  /**
   * One sign-in of the gap (Graph evaluate request body plus the offline `directory`), ready for
   * `cdktf-entra-ca what-if --scenario` or Graph's evaluate API.
   */
  readonly signIn: { [key: string]: any };
  /** How many sign-in classes the gap merges. */
  readonly classes: number;
}

/** The result of gap analysis. */
export interface GapReport {
  /** The requirement, in its command-line form, e.g. `mfa`. */
  readonly requirement: string;
  /** Whose sign-ins were explored. */
  readonly users: string;
  /** Whether report-only policies were used instead of enabled ones. */
  readonly reportOnly: boolean;
  /** The number of sign-in classes explored. */
  readonly classes: number;
  /** The gaps; empty when every sign-in faces the requirement. */
  readonly gaps: Gap[];
}
