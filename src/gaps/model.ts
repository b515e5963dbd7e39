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
   * Decide over the enabled and the report-only policies together, as if the report-only ones were on (the question
   * to ask before switching them on). By default, over the enabled policies only.
   * @default false
   */
  readonly reportOnly?: boolean;
  /**
   * Stop after this many seconds instead of running out of time or memory on a policy set whose sign-ins split into
   * too many classes: `findGaps` then returns what it found with `complete: false` and what it did not finish;
   * `signInClasses` throws an Error saying so.
   * @default 60
   */
  readonly maxSeconds?: number;
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
  /**
   * A stable id, derived from what the gap covers and its outcome (not from its position): the same policies give
   * the same ids, so CI output can be diffed, e.g. `G-3f9a1c2e`.
   */
  readonly id: string;
  /** Who, to what, from where, in portal words, e.g. `guests · any app except Office 365 · outside trusted locations (HQ)`. */
  readonly description: string;
  /** What they get instead, e.g. `allowed without MFA`. */
  readonly outcome: string;
  /**
   * Addresses of the policies that meet the requirement for some sign-ins the description covers, not for the
   * example one: those sign-ins are not in the gap ("unless one of these applies"). Empty when none.
   */
  readonly unless: string[];
  /**
   * Why the gap is deliberate, when it is: its sign-ins are those of an emergency-access account declared with
   * `EmergencyAccess` (or a policy's `emergencyAccess`), of the Directory Synchronization Accounts role the
   * templates exclude, or of directory roles excluded where rule CA7 is suppressed with a reason.
   * @default - a hole, not an exclusion made on purpose
   */
  readonly onPurpose?: string;
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
  /** Whether the report-only policies were decided over as if on, together with the enabled ones. */
  readonly reportOnly: boolean;
  /** Whether the analysis finished; when false, `gaps` lists what was found before `maxSeconds` ran out. */
  readonly complete: boolean;
  /**
   * What was left unfinished, when `complete` is false.
   * @default - the analysis finished
   */
  readonly incomplete?: string;
  /** The number of sign-in classes explored. */
  readonly classes: number;
  /** The gaps that are holes; empty when every sign-in faces the requirement (or is excluded on purpose). */
  readonly gaps: Gap[];
  /** The gaps that come from deliberate exclusions (see `Gap.onPurpose`), listed apart from the holes. */
  readonly excludedOnPurpose: Gap[];
}
