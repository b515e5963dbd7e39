/**
 * The scenarios file of `cdktf-entra-ca test`, and checking a report against a scenario's expectations.
 *
 * Format (every `expect` key is optional; `policies` keys are Terraform addresses or display names, values the
 * exact `analysisReasons` string). The offline `directory` extension may sit inside `signIn` (as in the issue) or
 * beside it, so that `signIn` stays a body Graph's evaluate API accepts as is:
 * ```json
 * { "scenarios": [ { "name": "...", "signIn": { ... }, "directory": { "memberOf": [], "roles": [] }, "expect": {
 *     "access": "blocked", "reportOnlyAccess": "allowed",
 *     "policies": { "azuread_conditional_access_policy.guests": "notSet", "Some display name": "users" } } } ] }
 * ```
 */
import { isObject, show } from '../private/json';
import { ANALYSIS_REASONS } from '../what-if/microsoft-data';
import { WhatIfAccess, WhatIfAccessDecision, WhatIfPolicyInfo, WhatIfReport } from '../what-if/model';

/** One scenario. */
export interface Scenario {
  /** The scenario's name, unique in the file. */
  readonly name: string;
  /** The sign-in: a Graph evaluate request body, with the `directory` extension if given. */
  readonly signIn: any;
  /** What the scenario expects. */
  readonly expect: Expectations;
  /** `scenarios[i] ('name')`, for messages. */
  readonly label: string;
  /** The `directory` extension was given beside `signIn` (and has been copied into it). */
  readonly directoryBeside: boolean;
}

/** What a scenario expects. */
export interface Expectations {
  /** Expected `outcome.access` (enabled policies). */
  readonly access?: string;
  /** Expected `outcome.reportOnly.access`. */
  readonly reportOnlyAccess?: string;
  /** Expected `analysisReasons` by policy address or display name. */
  readonly policies?: { [addressOrDisplayName: string]: string };
}

/** One expectation that did not hold. */
export interface Mismatch {
  /** What was compared, e.g. `access` or `policies["azuread_conditional_access_policy.guests"]`. */
  readonly key: string;
  /** The expected value. */
  readonly expected: string;
  /** The actual value, or a parenthesized explanation when there is none. */
  readonly actual: string;
  /** What to do about it, e.g. which sign-in details decide an `undetermined` access. */
  readonly hint?: string;
}

/** The scenarios file is malformed (exit code 2). */
export class ScenarioFileError extends Error {
  /** @param problems every problem found, each starting with the path in the file */
  constructor(public readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ScenarioFileError';
  }
}

const ACCESS_VALUES: string[] = Object.values(WhatIfAccess);
const SCENARIO_FIELDS = ['name', 'signIn', 'directory', 'expect'];
const EXPECT_FIELDS = ['access', 'reportOnlyAccess', 'policies'];

/** Checks an `analysisReasons` string written by a user; returns a problem or undefined. */
function reasonsProblem(value: string): string | undefined {
  if (value === 'notSet') return undefined;
  const unknown = value.split(',').filter((r) => !ANALYSIS_REASONS.includes(r));
  if (unknown.length === 0) return undefined;
  return `${unknown.map((u) => `'${u}'`).join(', ')} ${unknown.length === 1 ? 'is not an analysis reason' : 'are not analysis reasons'}; use notSet or a comma-joined list (no spaces) of ${ANALYSIS_REASONS.join(', ')}`;
}

/** Parses and validates a scenarios file's JSON. */
export function parseScenarios(json: unknown): Scenario[] {
  const problems: string[] = [];
  if (!isObject(json) || !Array.isArray(json.scenarios)) {
    throw new ScenarioFileError([`expected { "scenarios": [ { "name": ..., "signIn": ..., "expect": ... } ] }, got ${show(json)}`]);
  }
  for (const key of Object.keys(json)) {
    if (key !== 'scenarios' && key !== '$schema') problems.push(`${key}: unknown field; the file has only "scenarios"`);
  }
  if (json.scenarios.length === 0) problems.push('scenarios: is empty; add at least one scenario');
  const out: Scenario[] = [];
  const names = new Set<string>();
  json.scenarios.forEach((raw: unknown, i: number) => {
    const at = `scenarios[${i}]`;
    if (!isObject(raw)) {
      problems.push(`${at}: expected an object with name, signIn and expect, got ${show(raw)}`);
      return;
    }
    const name = raw.name;
    const label = typeof name === 'string' ? `${at} ('${name}')` : at;
    if (typeof name !== 'string' || name.trim() === '') problems.push(`${at}.name: expected a non-empty string, got ${show(name)}`);
    else if (names.has(name)) problems.push(`${label}.name: duplicate scenario name; give each scenario its own name`);
    else names.add(name);
    for (const key of Object.keys(raw)) {
      if (!SCENARIO_FIELDS.includes(key)) problems.push(`${label}.${key}: unknown field; allowed fields are ${SCENARIO_FIELDS.join(', ')}`);
    }
    let signIn = raw.signIn;
    if (!isObject(signIn)) {
      problems.push(`${label}.signIn: expected a Graph evaluate request body (an object), got ${show(signIn)}`);
    } else if (raw.directory !== undefined) {
      if (signIn.directory !== undefined) {
        problems.push(`${label}.directory: also given as signIn.directory; keep one of them`);
      } else {
        signIn = { ...signIn, directory: raw.directory };
      }
    }
    const expect = raw.expect ?? {};
    if (!isObject(expect)) {
      problems.push(`${label}.expect: expected an object, got ${show(expect)}`);
    } else {
      for (const key of Object.keys(expect)) {
        if (!EXPECT_FIELDS.includes(key)) problems.push(`${label}.expect.${key}: unknown field; allowed fields are ${EXPECT_FIELDS.join(', ')}`);
      }
      for (const key of ['access', 'reportOnlyAccess']) {
        const v = expect[key];
        if (v !== undefined && !ACCESS_VALUES.includes(v)) {
          problems.push(`${label}.expect.${key}: ${show(v)} is not an access decision; use one of ${ACCESS_VALUES.join(', ')}`);
        }
      }
      if (expect.policies !== undefined) {
        if (!isObject(expect.policies)) {
          problems.push(`${label}.expect.policies: expected an object mapping policy addresses or display names to analysisReasons, got ${show(expect.policies)}`);
        } else {
          for (const [key, v] of Object.entries(expect.policies)) {
            if (typeof v !== 'string') {
              problems.push(`${label}.expect.policies["${key}"]: expected an analysisReasons string such as "notSet" or "users,location", got ${show(v)}`);
            } else {
              const p = reasonsProblem(v);
              if (p) problems.push(`${label}.expect.policies["${key}"]: ${p}`);
            }
          }
        }
      }
    }
    out.push({ name: String(name), signIn, expect: isObject(expect) ? expect : {}, label, directoryBeside: raw.directory !== undefined });
  });
  if (problems.length > 0) throw new ScenarioFileError(problems);
  return out;
}

/** Compares a report with a scenario's expectations. */
export function checkScenario(scenario: Scenario, report: WhatIfReport, policies: WhatIfPolicyInfo[]): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const e = scenario.expect;
  const names = new Map(policies.map((p) => [p.address, p.displayName]));
  if (e.access !== undefined && e.access !== report.outcome.access) {
    mismatches.push({ key: 'access', expected: e.access, actual: report.outcome.access, ...undeterminedHint(report.outcome, names) });
  }
  if (e.reportOnlyAccess !== undefined && e.reportOnlyAccess !== report.outcome.reportOnly.access) {
    mismatches.push({
      key: 'reportOnlyAccess',
      expected: e.reportOnlyAccess,
      actual: report.outcome.reportOnly.access,
      ...undeterminedHint(report.outcome.reportOnly, names),
    });
  }
  const byAddress = new Map(report.results.map((r) => [r.address, r]));
  for (const [key, expected] of Object.entries(e.policies ?? {})) {
    const matches = policies.filter((p) => p.address === key);
    const targets = matches.length > 0 ? matches : policies.filter((p) => p.displayName === key);
    if (targets.length === 0) {
      mismatches.push({ key: `policies["${key}"]`, expected, actual: '(no policy with this address or display name in the stack)' });
      continue;
    }
    for (const p of targets) {
      // With appliedPoliciesOnly, a policy missing from the results did not apply.
      const actual = byAddress.get(p.address)?.analysisReasons ?? '(not applied; left out by appliedPoliciesOnly)';
      if (actual !== expected) {
        mismatches.push({ key: targets.length > 1 || p.address !== key ? `policies["${key}"] (${p.address})` : `policies["${key}"]`, expected, actual });
      }
    }
  }
  return mismatches;
}

/**
 * For an `undetermined` decision: which policies might apply and what to add to the sign-in to decide them. Empty
 * for any other decision.
 */
export function undeterminedHint(decision: WhatIfAccessDecision, names: ReadonlyMap<string, string>): { hint?: string } {
  if (decision.access !== WhatIfAccess.UNDETERMINED) return {};
  const policies = decision.undeterminedBy.map((a) => `${names.get(a) ?? a} (${a})`).join(', ');
  const details = decision.missing.filter((m) => /^(signIn|directory)/.test(m));
  const other = decision.missing.filter((m) => !/^(signIn|directory)/.test(m));
  return {
    hint:
      `notEnoughInformation for ${policies}, which would change access if ${decision.undeterminedBy.length === 1 ? 'it applied' : 'they applied'}` +
      (details.length > 0 ? `; add to the sign-in: ${details.join(', ')}` : '') +
      (other.length > 0 ? `; not decidable offline: ${other.join('; ')}` : ''),
  };
}

/** Where a sign-in problem is in the scenarios file (`directory` may sit beside `signIn`). */
export function problemPath(s: Scenario, problem: string): string {
  return s.directoryBeside && problem.startsWith('directory') ? `${s.label}.${problem}` : `${s.label}.signIn.${problem}`;
}

function quoteValue(value: string): string {
  return value.startsWith('(') ? value : JSON.stringify(value);
}

/** Renders mismatches as a diff: `- expected`, `+ actual` per key. */
export function formatMismatches(mismatches: Mismatch[], indent: string): string {
  return mismatches
    .map(
      (m) =>
        `${indent}${m.key}\n${indent}- expected: ${quoteValue(m.expected)}\n${indent}+ actual:   ${quoteValue(m.actual)}\n` +
        (m.hint !== undefined ? `${indent}  ${m.hint}\n` : ''),
    )
    .join('');
}
