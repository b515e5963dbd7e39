import { Annotations, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import type { ConditionalAccessRules as Rules } from './conditional-access-rules';
import { RuleSeverity } from './rule';

const REGISTERED = Symbol.for('cdktf-entra-conditional-access.RulesRegistered');

/**
 * Make sure the lint rules run when the stack that holds `construct` is
 * synthesized (registered once per stack). Constructs call this; the rules
 * module is loaded only when the validation runs, so constructs and rules can
 * refer to each other without an import cycle.
 */
export function registerRules(construct: IConstruct): void {
  const stack = construct.node.scopes.find((c) => TerraformStack.isStack(c));
  if (!stack || REGISTERED in stack) return;
  Object.defineProperty(stack, REGISTERED, { value: true });
  stack.node.addValidation({
    validate: () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { ConditionalAccessRules } = require('./conditional-access-rules') as { ConditionalAccessRules: typeof Rules };
      const errors: string[] = [];
      // Construct paths are unique; index them once rather than searching the tree per warning
      // (with hundreds of CA8 warnings at tenant scale, the search dominated synth; see bench/).
      let byPath: Map<string, IConstruct> | undefined;
      for (const f of ConditionalAccessRules.check(stack)) {
        const text = `${f.message} (suppress: RuleSuppressions.of(construct).add('${f.ruleId}', reason))`;
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
