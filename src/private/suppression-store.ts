/**
 * Where rule suppressions live on constructs: `RuleSuppressions.of(scope).add(...)` records them here, and the
 * synth metadata reads them back for every Conditional Access resource (its scopes' suppressions, the innermost
 * reason winning). Kept below the rules so that writing the synthesized JSON does not load them. Internal module.
 */
import { IConstruct } from 'constructs';

const SUPPRESSIONS = Symbol.for('cdktf-entra-conditional-access.RuleSuppressions');

/** Records a suppression on a construct (the reason is already checked). */
export function recordSuppression(scope: IConstruct, ruleId: string, reason: string): void {
  const host = scope as unknown as { [SUPPRESSIONS]?: Map<string, string> };
  if (!host[SUPPRESSIONS]) {
    Object.defineProperty(host, SUPPRESSIONS, { value: new Map<string, string>() });
  }
  host[SUPPRESSIONS]!.set(ruleId, reason);
}

/** Every rule suppressed on a construct or one of its scopes, with its reason (the innermost reason wins). */
export function suppressionsOf(construct: IConstruct): { [ruleId: string]: string } {
  const out: { [ruleId: string]: string } = {};
  for (const c of construct.node.scopes) {
    const map = (c as unknown as { [SUPPRESSIONS]?: Map<string, string> })[SUPPRESSIONS];
    for (const [id, reason] of map ?? []) out[id] = reason;
  }
  return out;
}
