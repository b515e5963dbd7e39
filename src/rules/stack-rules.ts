/**
 * The rules of one synthesized stack: the library's rules plus those added with
 * `ConditionalAccessRules.of(scope)` on the stack or the app. Internal module.
 */
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { DEFAULT_RULES } from './default-rules';
import { lintModel } from './lint-model';
import { IConditionalAccessRule, RuleFinding } from './rule';
import { ConditionalAccessModel } from '../model/conditional-access-model';
import { synthesizedJson } from '../private/synthesized-json';

const ADDED_RULES = Symbol.for('cdktf-entra-conditional-access.AddedRules');

/** Records rules added on a scope. */
export function addRulesTo(scope: IConstruct, rules: readonly IConditionalAccessRule[]): void {
  const host = scope as unknown as { [ADDED_RULES]?: IConditionalAccessRule[] };
  if (!host[ADDED_RULES]) Object.defineProperty(host, ADDED_RULES, { value: [] });
  for (const r of rules) {
    if (!host[ADDED_RULES]!.some((x) => x.id === r.id)) host[ADDED_RULES]!.push(r);
  }
}

/** The rules that judge a stack: the library's, then those added on its scopes (app first). */
export function rulesFor(stack: IConstruct): IConditionalAccessRule[] {
  const out: IConditionalAccessRule[] = [...DEFAULT_RULES];
  for (const s of stack.node.scopes) {
    for (const r of (s as unknown as { [ADDED_RULES]?: IConditionalAccessRule[] })[ADDED_RULES] ?? []) {
      if (!out.some((x) => x.id === r.id)) out.push(r);
    }
  }
  return out;
}

/**
 * Runs the aspects, records the rule metadata, produces the stack's JSON and lints it.
 * @param toTerraform how to produce the JSON when the aspects have run already (the stack's own, unmemoised, method)
 */
export function lintStack(stack: TerraformStack, toTerraform?: () => any): { json: any; findings: RuleFinding[] } {
  const json = synthesizedJson(stack, toTerraform);
  const model = ConditionalAccessModel.fromTerraformJson(json, stack.node.path);
  return { json, findings: lintModel(model, rulesFor(stack), { stackPath: stack.node.path }) };
}
