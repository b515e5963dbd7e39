import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import type * as Gaps from '../gaps/analysis';
import type { GapOptions, GapReport, SignInClass, SignInClassOptions } from '../gaps/model';
import { ConditionalAccessModel } from '../model/conditional-access-model';
import { listStacks, parseStackJson, readStackJson, STACK_FILE } from '../model/stack-file';
import { synthesizedJson } from '../private/synthesized-json';
import type * as Engine from '../what-if/engine';
import { WhatIfInputError, WhatIfStackError } from '../what-if/errors';
import { WhatIfPolicyInfo, WhatIfReport } from '../what-if/model';
import { SignIn } from '../what-if/sign-in';

let engineModule: typeof Engine | undefined;

/** The evaluator modules, loaded on first use (see engine.ts); kept, as `require` costs microseconds per `evaluate`. */
function engine(): typeof Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engineModule ??= require('../what-if/engine') as typeof Engine;
  return engineModule;
}

/** The gap analysis modules, loaded on first use. */
function gaps(): typeof Gaps {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../gaps/analysis') as typeof Gaps;
}

const stackError = (message: string) => new WhatIfStackError(message);

/**
 * Offline What-If for Conditional Access: evaluates the policies of a synthesized stack against a sign-in, the
 * way Microsoft Graph's `POST /identity/conditionalAccess/evaluate` does for a live tenant, but before
 * `cdktf deploy`.
 *
 * The stack is read and compiled once by a factory (`fromStack`, `fromFile`, `fromOutdir`, `fromStackJson`);
 * `evaluate` can then be called many times. It reads `azuread_conditional_access_policy`,
 * `azuread_named_location` and `azuread_authentication_strength_policy` resources and resolves references between
 * them; anything it cannot know offline (a data source, an imported id) makes the conditions that need it
 * `notEnoughInformation` rather than guessing.
 *
 * @example
 * const whatIf = WhatIf.fromStack(stack);
 * const report = whatIf.evaluate({
 *   signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', userId: 'azuread_user.alice' },
 *   signInContext: { '@odata.type': '#microsoft.graph.userActionContext', userAction: 'registerSecurityInformation' },
 *   signInConditions: { ipAddress: '198.51.100.7', country: 'FR' },
 *   directory: { memberOf: [], roles: [] },
 * });
 * report.outcome.access; // 'requiresControls'
 */
export class WhatIf {
  /**
   * Reads the JSON text of a synthesized stack (the content of `cdk.tf.json`, or the string `Testing.synth`
   * returns).
   *
   * @param json the stack JSON
   * @throws WhatIfStackError when the text is not JSON
   */
  public static fromStackJson(json: string): WhatIf {
    return WhatIf.fromModel(ConditionalAccessModel.fromTerraformJson(parseStackJson(json, 'the stack JSON', stackError), '<json>'));
  }

  /**
   * Reads a synthesized stack from disk.
   *
   * @param pathToCdkTfJsonOrStackDir a `cdk.tf.json` file; a stack directory containing one
   *   (`cdktf.out/stacks/<name>`); or a `cdktf.out` directory (or a project directory containing `cdktf.out`)
   *   that holds exactly one stack
   * @throws WhatIfStackError when nothing readable is found, naming what was looked for
   */
  public static fromFile(pathToCdkTfJsonOrStackDir: string): WhatIf {
    const { file, json } = readStackJson(pathToCdkTfJsonOrStackDir, stackError);
    return WhatIf.fromModel(ConditionalAccessModel.fromTerraformJson(json, file));
  }

  /**
   * Reads stack `stackName` from a `cdktf.out` directory (`<outdir>/stacks/<stackName>/cdk.tf.json`).
   *
   * @param outdir the cdktf output directory, usually `cdktf.out`
   * @param stackName the stack's name (its construct id)
   * @throws WhatIfStackError when the stack is not there, listing the stacks that are
   */
  public static fromOutdir(outdir: string, stackName: string): WhatIf {
    const dir = path.join(outdir, 'stacks', stackName);
    if (!fs.existsSync(path.join(dir, STACK_FILE))) {
      const stacks = listStacks(outdir);
      throw new WhatIfStackError(
        `${path.join(dir, STACK_FILE)}: not found; ${
          stacks.length > 0 ? `stacks in ${outdir} are ${stacks.join(', ')}` : `run 'cdktf synth' to create ${outdir}`
        }`,
      );
    }
    return WhatIf.fromFile(dir);
  }

  /**
   * Synthesizes a stack in memory (with `Testing.synth`) and reads it. Aspects run; the stack is not written to
   * disk.
   *
   * @param stack the stack
   */
  public static fromStack(stack: TerraformStack): WhatIf {
    return WhatIf.fromModel(ConditionalAccessModel.fromTerraformJson(synthesizedJson(stack), stack.node.path));
  }

  /**
   * Compiles a policy model (e.g. one read with `ConditionalAccessModel.fromFile`).
   *
   * @param model the model
   */
  public static fromModel(model: ConditionalAccessModel): WhatIf {
    return new WhatIf(model);
  }

  /**
   * Renders a report as a human-readable table (one row per policy) followed by the outcome over enabled and
   * over report-only policies.
   *
   * @param report a report returned by `evaluate`
   */
  public static formatReport(report: WhatIfReport): string {
    return engine().formatReport(report);
  }

  /** The policies found in the stack, in stack order. */
  public readonly policies: WhatIfPolicyInfo[];

  /**
   * Things noticed while reading the stack that may surprise: invalid values (reported as `invalidCondition` /
   * `invalidPolicy`), rules the evaluator cannot interpret, `count`/`for_each` it cannot expand, and so on.
   */
  public readonly warnings: string[];

  /** Where the stack came from: a file path, a construct path, or `<json>`. */
  public readonly source: string;

  private readonly compiled: Engine.CompiledStack;
  private readonly evaluator: Engine.Evaluator;

  private constructor(model: ConditionalAccessModel) {
    const e = engine();
    this.compiled = e.compileModel(model);
    this.evaluator = new e.Evaluator(this.compiled);
    this.policies = this.compiled.policies.map((p) => p.info);
    this.warnings = [...this.compiled.warnings];
    this.source = model.source;
  }

  /**
   * Checks a sign-in without evaluating it.
   *
   * @param signIn a Graph evaluate request body (see `evaluate`)
   * @returns every problem found, each starting with the path of the field (empty when the sign-in is valid)
   */
  public validate(signIn: any): string[] {
    const prepared = engine().prepareSignIn(signIn instanceof SignIn ? signIn.toJson() : signIn, this.compiled);
    return Array.isArray(prepared) ? prepared : [];
  }

  /**
   * Partitions every sign-in into classes that the policies in scope treat alike (the same access decision), from
   * the values the policies mention: users, groups, roles, guest types and tenants; apps, suites and user actions;
   * client app types; platforms; named locations and "anywhere else"; countries; risk levels; device filter
   * outcomes; authentication flows; service principals. Each dimension has an "any other value" member, so the
   * classes cover every sign-in. Authentication contexts are not explored (no provider 3.7.0 policy targets one).
   *
   * @param options whose sign-ins, over the enabled policies or with the report-only ones as if on, and a time budget
   * @returns the classes, each with one concrete sign-in
   * @throws Error when the budget (`maxSeconds`) runs out first
   */
  public signInClasses(options: SignInClassOptions = {}): SignInClass[] {
    return gaps().signInClasses(this.compiled, options);
  }

  /**
   * Finds every class of sign-ins that does not face a requirement (e.g. MFA) under the enabled policies (or, with
   * `reportOnly`, the enabled and report-only ones as if all were on), exhaustively, merged into few groups described
   * in portal words, each with a stable id; deliberate exclusions (emergency-access accounts, the Directory
   * Synchronization Accounts role) are listed apart. A class whose outcome depends on a value known only at apply
   * time is reported as undetermined, never as covered. Past `maxSeconds` (default 60) it returns what it found with
   * `complete: false`.
   *
   * @param options the requirement, whose sign-ins, which policies, the time budget
   */
  public findGaps(options: GapOptions): GapReport {
    return gaps().findGaps(this.compiled, options);
  }

  /** @internal the compiled stack, for gap analysis and the report */
  public get _compiled(): Engine.CompiledStack {
    return this.compiled;
  }

  /**
   * Evaluates every policy against a sign-in.
   *
   * @param signIn exactly the body of Graph's `POST /identity/conditionalAccess/evaluate` (v1.0):
   *   `signInIdentity` (`#microsoft.graph.userSignIn` with `userId`, `externalUserType`, `externalTenantId`, or
   *   `#microsoft.graph.servicePrincipalSignIn` with `servicePrincipalId`), `signInContext`
   *   (`#microsoft.graph.applicationContext` with `includeApplications`, `#microsoft.graph.userActionContext`
   *   with `userAction`, or `#microsoft.graph.authContext`), `signInConditions` (`ipAddress`, `country`,
   *   `clientAppType`, `devicePlatform`, `signInRiskLevel`, `userRiskLevel`, `servicePrincipalRiskLevel`,
   *   `insiderRiskLevel`, `authenticationFlow`, `deviceInfo`) and `appliedPoliciesOnly`; plus the offline
   *   extension `directory: { memberOf: [...], roles: [...] }` (group ids and role template ids; omit a list
   *   when unknown). Ids may be GUIDs or Terraform addresses such as `azuread_group.admins`. Or a `SignIn`
   *   built with `SignIn.user`, `SignIn.guest` or `SignIn.servicePrincipal`.
   * @returns one result per policy, the access decision and the sign-in warnings
   * @throws WhatIfInputError when the sign-in is invalid; the message names every bad field, value and fix
   */
  public evaluate(signIn: any): WhatIfReport {
    const prepared = engine().prepareSignIn(signIn instanceof SignIn ? signIn.toJson() : signIn, this.compiled);
    if (Array.isArray(prepared)) throw new WhatIfInputError(prepared);
    return this.evaluator.report(prepared);
  }
}

