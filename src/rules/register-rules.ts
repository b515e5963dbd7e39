import { Annotations, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import type * as Lint from './lint-model';
import { RuleSeverity } from './rule';
import type * as Stacks from './stack-rules';

const REGISTERED = Symbol.for('cdktf-entra-conditional-access.RulesRegistered');

/**
 * Make sure the lint rules run when the stack that holds `construct` is synthesized (registered once
 * per stack). Library constructs call this; `ConditionalAccessRules.of(scope)` calls it for stacks
 * of raw resources. The rules modules are loaded only when the validation runs.
 *
 * The validation runs after the aspects (so `EmergencyAccess.of()` exclusions are in) and judges
 * the stack's resolved JSON. cdktf produces that JSON right after the validations, so the stack keeps
 * the one the rules read and hands it to the synthesizer instead of resolving the stack twice.
 */
export function registerRules(construct: IConstruct): void {
  const stack = construct.node.scopes.find((c) => TerraformStack.isStack(c)) as TerraformStack | undefined;
  if (!stack || REGISTERED in stack) return;
  Object.defineProperty(stack, REGISTERED, { value: true });
  const toTerraform = stack.toTerraform.bind(stack);
  let synthesized: any;
  stack.toTerraform = () => {
    const json = synthesized ?? toTerraform();
    synthesized = undefined;
    return json;
  };
  stack.node.addValidation({
    validate: () => {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const { lintStack } = require('./stack-rules') as typeof Stacks;
      const { findingText } = require('./lint-model') as typeof Lint;
      /* eslint-enable @typescript-eslint/no-require-imports */
      const { json, findings } = lintStack(stack, toTerraform);
      synthesized = json;
      // A synth is synchronous: if nothing asked for the JSON by the next turn, drop it.
      setImmediate(() => {
        synthesized = undefined;
      });
      const errors: string[] = [];
      // Construct paths are unique; index them once rather than searching the tree per warning
      // (with hundreds of CA8 warnings at tenant scale, the search dominated synth; see bench/).
      let byPath: Map<string, IConstruct> | undefined;
      for (const f of findings) {
        const text = `${findingText(f)} (suppress: RuleSuppressions.of(construct).add('${f.ruleId}', reason))`;
        if (f.severity === RuleSeverity.ERROR) {
          errors.push(`${f.path}: ${text}`);
        } else {
          byPath ??= new Map(stack.node.findAll().map((c) => [c.node.path, c]));
          Annotations.of(byPath.get(f.path) ?? stack).addWarning(text);
        }
      }
      return errors;
    },
  });
}
