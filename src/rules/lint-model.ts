/* eslint-disable @stylistic/max-len */
/**
 * Runs rules over a model and applies the suppressions recorded in it. Internal module: the public
 * entry points are `ConditionalAccessRules.check(scope)`, `ConditionalAccessRules.lint(model)`, the
 * synth-time validation and `cdktf-entra-ca lint`.
 */
import { ownerPath } from './ca5-duplicate-display-name';
import { IConditionalAccessRule, RuleFinding } from './rule';
import type { ConditionalAccessModel } from '../model/conditional-access-model';
import { ModelSource } from '../model/model';

/** Options of {@link lintModel}. */
export interface LintOptions {
  /** What findings on the whole stack are reported at (a construct path or a file). */
  readonly stackPath: string;
}

/** Every unsuppressed finding of `rules` on `model`, sorted by path, rule and message. */
export function lintModel(model: ConditionalAccessModel, rules: readonly IConditionalAccessRule[], options: LintOptions): RuleFinding[] {
  const objects = new Map<string, ModelSource & { displayName: string }>();
  for (const o of [...model.policies, ...model.namedLocations, ...model.authenticationStrengths]) objects.set(o.address, o);
  const all = [...objects.values()];
  const findings: RuleFinding[] = [];
  for (const rule of rules) {
    for (const v of rule.check(model)) {
      const target = v.address !== undefined ? objects.get(v.address) : undefined;
      // a finding on the whole stack is suppressed when the stack (so every object in it) suppresses the rule
      const suppressed = target ? target.suppressions?.[rule.id] !== undefined : all.length > 0 && all.every((o) => o.suppressions?.[rule.id] !== undefined);
      if (suppressed) continue;
      findings.push({
        ruleId: rule.id,
        severity: v.severity ?? rule.severity,
        path: target ? (target.constructPath ? ownerPath(target.constructPath) : target.address) : (v.address ?? options.stackPath),
        address: v.address,
        displayName: target?.displayName,
        message: v.message,
        fix: v.fix,
      });
    }
  }
  return findings.sort((a, b) => a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
}

/** The one-line text of a finding: `[CA1] message; fix`. */
export function findingText(f: RuleFinding): string {
  return `[${f.ruleId}] ${f.message}; ${f.fix}`;
}
