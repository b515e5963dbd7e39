/**
 * Jest helpers for testing Conditional Access stacks with the offline What-If evaluator.
 *
 * ```ts
 * // jest.config: setupFilesAfterEnv: ['cdktf-entra-conditional-access/lib/testing/setup']
 * import { whatIf } from 'cdktf-entra-conditional-access/lib/testing';
 *
 * expect(whatIf(stack, guestFromUntrustedIp)).toBeBlocked();
 * expect(whatIf(stack, memberFromUntrustedIp)).toRequireControls(['mfa']);
 * expect(whatIf(stack, memberFromTrustedIp)).toSkipPolicy('Combined Security Info Registration with TAP', 'location');
 * ```
 *
 * Not part of the jsii API (jest types are TypeScript-only); import it from `.../lib/testing`.
 */
import { TerraformStack } from 'cdktf';
import { WhatIf } from '../analysis';
import { undeterminedHint } from '../cli/scenarios';
import { formatGaps } from '../gaps/format';
import { GapUsers } from '../gaps/model';
import { GapRequirement } from '../gaps/requirement';
import { SignIn, WhatIfAccess, WhatIfAccessDecision, WhatIfPolicyResult, WhatIfReport, WhatIfRequirement } from '../what-if';
import { controlsLabel, formatReport } from '../what-if/render';

/** Options of `toHaveNoGaps`. */
export interface NoGapsOptions {
  /** The requirement: `'mfa'`, `'block'`, `'compliantDevice'`, `'strength:<id or name>'`, ... or a `GapRequirement`. */
  readonly require: string | GapRequirement;
  /** Whose sign-ins: `'members'`, `'guests'`, `'all'` (default) or `'servicePrincipals'`. */
  readonly users?: 'members' | 'guests' | 'all' | 'servicePrincipals' | GapUsers;
  /** Over the enabled and the report-only policies together, as if the report-only ones were on. Default false. */
  readonly reportOnly?: boolean;
}

/** Options of the access matchers. */
export interface WhatIfAccessOptions {
  /** Check the decision over report-only policies (`outcome.reportOnly`) instead of enabled ones. Default false. */
  readonly reportOnly?: boolean;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** The sign-in is blocked (an applying enabled policy, or report-only one with `{ reportOnly: true }`, blocks). */
      toBeBlocked(options?: WhatIfAccessOptions): R;
      /**
       * No applying policy blocks or requires a grant control, and no policy that would is `notEnoughInformation`
       * (an `undetermined` decision fails, saying what to add to the sign-in).
       */
      toBeAllowed(options?: WhatIfAccessOptions): R;
      /**
       * The decision is `undetermined`: a policy that would block or add a requirement is `notEnoughInformation`.
       */
      toBeUndetermined(options?: WhatIfAccessOptions): R;
      /**
       * Access requires grant controls; with `controls`, each entry must be required by some applying policy: a
       * built-in control (`mfa`), an authentication strength display name or id, or a terms of use id.
       */
      toRequireControls(controls?: string | string[], options?: WhatIfAccessOptions): R;
      /** The policy (Terraform address or display name) applies. */
      toApplyPolicy(nameOrAddress: string): R;
      /**
       * The policy (Terraform address or display name) does not apply; with `reasons`, its `analysisReasons` are
       * exactly these (a comma-joined string or a list, in any order).
       */
      toSkipPolicy(nameOrAddress: string, reasons?: string | string[]): R;
      /**
       * Gap analysis: every sign-in (of `users`, over the enabled policies, or with the report-only ones switched on) faces the requirement. Takes a
       * `TerraformStack`, a `WhatIf`, a path to a synthesized stack or its JSON text; fails with the gap list.
       */
      toHaveNoGaps(options: NoGapsOptions): R;
    }
  }
}

/**
 * Evaluates a sign-in against a stack.
 *
 * @param source a `TerraformStack` (synthesized in memory), a `WhatIf` (reuse one for many sign-ins: synthesis is
 *   the slow part), a path to a `cdk.tf.json` / stack directory, or the stack JSON text
 * @param signIn a Graph evaluate request body plus the optional `directory` extension, or a `SignIn`
 */
export function whatIf(source: TerraformStack | WhatIf | string, signIn: any | SignIn): WhatIfReport {
  return whatIfOf(source).evaluate(signIn);
}

function whatIfOf(source: TerraformStack | WhatIf | string): WhatIf {
  if (source instanceof WhatIf) return source;
  if (typeof source === 'string') return source.trimStart().startsWith('{') ? WhatIf.fromStackJson(source) : WhatIf.fromFile(source);
  return WhatIf.fromStack(source);
}

type MatcherResult = { pass: boolean; message: () => string };
type Context = jest.MatcherContext;

function isReport(v: unknown): v is WhatIfReport {
  return typeof v === 'object' && v !== null && Array.isArray((v as WhatIfReport).results) && typeof (v as WhatIfReport).outcome === 'object';
}

function assertReport(matcher: string, received: unknown): asserts received is WhatIfReport {
  if (!isReport(received)) {
    throw new Error(`${matcher}: expected a What-If report (the result of whatIf(stack, signIn) or WhatIf.evaluate), got ${typeof received}`);
  }
}

function details(report: WhatIfReport): string {
  return `\n\nWhat-If report:\n${formatReport(report).replace(/^/gm, '  ')}`;
}

function decisionOf(report: WhatIfReport, options?: WhatIfAccessOptions): { decision: WhatIfAccessDecision; scope: string } {
  return options?.reportOnly
    ? { decision: report.outcome.reportOnly, scope: 'report-only policies' }
    : { decision: report.outcome, scope: 'enabled policies' };
}

/** For an undetermined decision: a sentence naming the policies and what to add to the sign-in. */
function undeterminedText(report: WhatIfReport, decision: WhatIfAccessDecision): string {
  const { hint } = undeterminedHint(decision, new Map(report.results.map((r) => [r.address, r.displayName])));
  return hint === undefined ? '' : `\nThe decision is undetermined: ${hint}.`;
}

function accessMatcher(name: string, expected: WhatIfAccess) {
  return function (this: Context, received: unknown, options?: WhatIfAccessOptions): MatcherResult {
    assertReport(name, received);
    const { decision, scope } = decisionOf(received, options);
    const pass = decision.access === expected;
    return {
      pass,
      message: () =>
        `${this.utils.matcherHint(name, 'report', '')}\n\n` +
        (pass
          ? `Expected the sign-in not to be ${expected} under ${scope}, but it is.`
          : `Expected the sign-in to be ${expected} under ${scope}, but access is ${decision.access}.`) +
        undeterminedText(received, decision) +
        details(received),
    };
  };
}

function requirementMatches(r: WhatIfRequirement, control: string): boolean {
  if (r.builtInControls.includes(control)) return true;
  if (r.termsOfUse.includes(control) || r.customAuthenticationFactors.includes(control)) return true;
  const s = r.authenticationStrength;
  if (!s) return false;
  const lower = control.toLowerCase();
  return s.displayName === control || s.id === control || s.address === control || s.id.toLowerCase().endsWith(`/${lower}`);
}

function findPolicies(report: WhatIfReport, nameOrAddress: string, matcher: string): WhatIfPolicyResult[] {
  const byAddress = report.results.filter((r) => r.address === nameOrAddress);
  const found = byAddress.length > 0 ? byAddress : report.results.filter((r) => r.displayName === nameOrAddress);
  if (found.length === 0) {
    const known = report.results.map((r) => `${r.displayName} (${r.address})`).join(', ');
    throw new Error(
      `${matcher}: no policy with address or display name '${nameOrAddress}' in the report; policies in it: ${known || 'none'}` +
        ' (a sign-in with appliedPoliciesOnly: true leaves out the policies that do not apply)',
    );
  }
  return found;
}

function sortedReasons(reasons: string | string[]): string {
  const list = Array.isArray(reasons) ? reasons : reasons.split(',');
  return list
    .map((r) => r.trim())
    .filter((r) => r)
    .sort()
    .join(',');
}

/** The What-If matchers, for `expect.extend`. */
export const whatIfMatchers = {
  toBeBlocked: accessMatcher('toBeBlocked', WhatIfAccess.BLOCKED),
  toBeAllowed: accessMatcher('toBeAllowed', WhatIfAccess.ALLOWED),
  toBeUndetermined: accessMatcher('toBeUndetermined', WhatIfAccess.UNDETERMINED),

  toRequireControls(this: Context, received: unknown, controls?: string | string[], options?: WhatIfAccessOptions): MatcherResult {
    assertReport('toRequireControls', received);
    const { decision, scope } = decisionOf(received, options);
    const wanted = controls === undefined ? [] : Array.isArray(controls) ? controls : [controls];
    const missing = wanted.filter((c) => !decision.requirements.some((r) => requirementMatches(r, c)));
    const pass = decision.access === WhatIfAccess.REQUIRES_CONTROLS && missing.length === 0;
    const required = decision.requirements.map((r) => `${r.displayName}: ${controlsLabel(r)}`).join('; ') || 'nothing';
    return {
      pass,
      message: () =>
        `${this.utils.matcherHint('toRequireControls', 'report', wanted.length ? this.utils.printExpected(wanted) : '')}\n\n` +
        (pass
          ? `Expected the sign-in not to require ${wanted.length ? wanted.join(', ') : 'controls'} under ${scope}, but it requires ${required}.`
          : decision.access !== WhatIfAccess.REQUIRES_CONTROLS
            ? `Expected the sign-in to require controls under ${scope}, but access is ${decision.access}.`
            : `Expected ${missing.join(', ')} to be required under ${scope}, but the requirements are ${required}.`) +
        undeterminedText(received, decision) +
        details(received),
    };
  },

  toApplyPolicy(this: Context, received: unknown, nameOrAddress: string): MatcherResult {
    assertReport('toApplyPolicy', received);
    const found = findPolicies(received, nameOrAddress, 'toApplyPolicy');
    const pass = found.every((r) => r.policyApplies);
    return {
      pass,
      message: () =>
        `${this.utils.matcherHint('toApplyPolicy', 'report', this.utils.printExpected(nameOrAddress))}\n\n` +
        found
          .map((r) =>
            pass
              ? `Expected ${r.displayName} (${r.address}) not to apply, but it applies.`
              : `Expected ${r.displayName} (${r.address}) to apply, but it does not: ${r.analysisReasons}.`,
          )
          .join('\n') +
        details(received),
    };
  },

  toSkipPolicy(this: Context, received: unknown, nameOrAddress: string, reasons?: string | string[]): MatcherResult {
    assertReport('toSkipPolicy', received);
    const found = findPolicies(received, nameOrAddress, 'toSkipPolicy');
    const expected = reasons === undefined ? undefined : sortedReasons(reasons);
    const ok = (r: WhatIfPolicyResult) => !r.policyApplies && (expected === undefined || sortedReasons(r.analysisReasons) === expected);
    const pass = found.every(ok);
    const want = expected === undefined ? 'not to apply' : `not to apply because of ${expected.split(',').join(', ')}`;
    return {
      pass,
      message: () =>
        `${this.utils.matcherHint('toSkipPolicy', 'report', this.utils.printExpected(nameOrAddress))}\n\n` +
        found
          .map((r) =>
            pass
              ? `Expected ${r.displayName} (${r.address}) not to be skipped${expected ? ` for ${r.analysisReasons}` : ''}, but it is.`
              : `Expected ${r.displayName} (${r.address}) ${want}, but ${r.policyApplies ? 'it applies' : `its reasons are ${r.analysisReasons}`}.`,
          )
          .join('\n') +
        details(received),
    };
  },
};

/** `toHaveNoGaps`, for `expect.extend`. */
export const gapMatchers = {
  toHaveNoGaps(this: Context, received: unknown, options: NoGapsOptions): MatcherResult {
    const source = received as TerraformStack | WhatIf | string;
    if (!(received instanceof WhatIf) && typeof received !== 'string' && !(received instanceof TerraformStack)) {
      throw new Error(`toHaveNoGaps: expected a TerraformStack, a WhatIf, a path to a synthesized stack or its JSON text, got ${typeof received}`);
    }
    const require = options.require instanceof GapRequirement ? options.require : GapRequirement.parse(options.require);
    const w = whatIfOf(source);
    const report = w.findGaps({ require, users: (options.users ?? GapUsers.ALL) as GapUsers, reportOnly: options.reportOnly ?? false });
    const pass = report.complete && report.gaps.length === 0;
    return {
      pass,
      message: () =>
        `${this.utils.matcherHint('toHaveNoGaps', 'stack', this.utils.printExpected(options))}\n\n` +
        (pass ? `Expected gaps for ${require.value}, but every sign-in faces it (${report.classes} sign-in classes).` : `Expected no gaps, but:\n\n${formatGaps(report)}`),
    };
  },
};

/**
 * Registers the What-If matchers with jest's `expect`. Call it from a `setupFilesAfterEnv` file, or point
 * `setupFilesAfterEnv` at `cdktf-entra-conditional-access/lib/testing/setup`, which calls it.
 */
export function setupWhatIfMatchers(): void {
  expect.extend(whatIfMatchers);
  expect.extend(gapMatchers);
}
