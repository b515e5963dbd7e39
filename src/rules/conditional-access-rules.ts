import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { DEFAULT_RULES } from './default-rules';
import { lintModel } from './lint-model';
import { registerRules } from './register-rules';
import { IConditionalAccessRule, IRulePack, RuleFinding } from './rule';
import { addRulesTo, lintStack } from './stack-rules';
import type { ConditionalAccessModel } from '../model/conditional-access-model';

/**
 * The lint rules. They run as a validation of every stack that holds a construct of this
 * library, over the stack's synthesized resources (raw L1 resources and escape-hatch changes
 * included): errors fail `cdktf synth`, warnings are printed. One stack is one tenant. Suppress
 * findings with {@link RuleSuppressions}; add your own rules with `ConditionalAccessRules.of(scope)`.
 */
export class ConditionalAccessRules {
  /** The library's rules, with id, severity, explanation and source. */
  public static readonly RULES: IConditionalAccessRule[] = [...DEFAULT_RULES];

  /**
   * The rules of a scope: add rules or packs that run on its stacks. Also makes sure the rules
   * run on stacks of raw provider resources, which hold no construct of this library (for an app:
   * on the stacks it holds now).
   * @param scope an app, a stack or a construct in a stack (rules added to it judge the whole stack)
   */
  public static of(scope: IConstruct): ConditionalAccessRules {
    return new ConditionalAccessRules(scope);
  }

  /**
   * Synthesizes the stacks in `scope` in memory (aspects run, nothing is written) and returns the
   * unsuppressed findings on constructs inside `scope`.
   * @param scope an app, a stack or a construct
   */
  public static check(scope: IConstruct): RuleFinding[] {
    const prefix = scope.node.path;
    const stacks = stacksOf(scope);
    return stacks
      .flatMap((s) => lintStack(s).findings)
      .filter((f) => prefix === '' || f.path === prefix || f.path.startsWith(`${prefix}/`))
      .sort((a, b) => a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
  }

  /**
   * Lints a model read from anywhere (e.g. `ConditionalAccessModel.fromFile`), honouring the
   * suppressions recorded in it.
   * @param model the model
   * @param rules the rules to run
   * @default rules ConditionalAccessRules.RULES
   */
  public static lint(model: ConditionalAccessModel, rules?: IConditionalAccessRule[]): RuleFinding[] {
    return lintModel(model, rules ?? DEFAULT_RULES, { stackPath: model.source });
  }

  /**
   * @param scope the scope
   */
  private constructor(private readonly scope: IConstruct) {
    for (const s of stacksOf(scope)) registerRules(s);
  }

  /**
   * Run these rules too, on every stack in the scope.
   * @param rules your rules (ids must not start with `CA`)
   */
  public addRules(...rules: IConditionalAccessRule[]): void {
    rules.forEach((r, i) => {
      if (typeof r?.id !== 'string' || /^CA\d+$/.test(r.id) || typeof r.check !== 'function') {
        throw new Error(`rules[${i}]: '${r?.id}' is not a rule of your own; give it an id outside the library's CA1, CA2, ... and a check(model) method`);
      }
    });
    addRulesTo(this.scope, rules);
  }

  /**
   * Run a pack of rules too, on every stack in the scope.
   * @param pack the pack
   */
  public addPack(pack: IRulePack): void {
    this.addRules(...pack.rules);
  }
}

/** The stacks a scope is in or holds. */
function stacksOf(scope: IConstruct): TerraformStack[] {
  const own = scope.node.scopes.find((c) => TerraformStack.isStack(c)) as TerraformStack | undefined;
  if (own) return [own];
  return scope.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
}
