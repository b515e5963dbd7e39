import { TerraformStack } from 'cdktf';
import { AuthenticationStrengthModel, NamedLocationModel, PolicyModel, ReferencedObjectModel } from './model';
import { parseReference } from './references';
import { readStackJson } from './stack-file';
import { parseTerraform, terraformResources } from './terraform-parser';
import { synthesizedJson } from '../private/synthesized-json';
import { AUTHENTICATION_STRENGTH_PATH } from '../vocabulary/authentication-strengths';

/**
 * A stack's Conditional Access objects as one model (Graph v1.0 terms, as azuread provider 3.7.0
 * sends them): what the lint rules, What-If, export, gap analysis and the report read.
 *
 * @example
 * const model = ConditionalAccessModel.fromFile('cdktf.out/stacks/baseline');
 * model.policies.filter((p) => p.state === 'enabled').map((p) => p.displayName);
 */
export class ConditionalAccessModel {
  /**
   * Reads the parsed JSON of a synthesized stack (`cdk.tf.json`).
   * @param json the parsed Terraform JSON
   * @param source where it came from, for messages
   * @default source '<json>'
   */
  public static fromTerraformJson(json: any, source?: string): ConditionalAccessModel {
    return new ConditionalAccessModel(json, source ?? '<json>');
  }

  /**
   * Reads a synthesized stack from disk.
   * @param pathToCdkTfJsonOrStackDir a `cdk.tf.json`, a stack directory (`cdktf.out/stacks/<name>`), or a
   *   `cdktf.out` directory holding one stack
   */
  public static fromFile(pathToCdkTfJsonOrStackDir: string): ConditionalAccessModel {
    const { file, json } = readStackJson(pathToCdkTfJsonOrStackDir, (m) => new Error(m));
    return new ConditionalAccessModel(json, file);
  }

  /**
   * Synthesizes a stack in memory (aspects run, nothing is written) and reads it.
   * @param stack the stack
   */
  public static fromStack(stack: TerraformStack): ConditionalAccessModel {
    return new ConditionalAccessModel(synthesizedJson(stack), stack.node.path);
  }

  /** Conditional Access policies, in document order. */
  public readonly policies: PolicyModel[];
  /** Named locations defined in the stack. */
  public readonly namedLocations: NamedLocationModel[];
  /** Custom authentication strengths defined in the stack. */
  public readonly authenticationStrengths: AuthenticationStrengthModel[];
  /** Every other resource and data source (users, groups, data sources policies may reference). */
  public readonly objects: ReferencedObjectModel[];
  /** What could not be read exactly (e.g. `count` / `for_each`, which cannot be expanded offline). */
  public readonly warnings: string[];
  /** Where the model came from: a file path, a construct path or `<json>`. */
  public readonly source: string;

  private readonly bodies: Map<string, any>;

  private constructor(json: unknown, source: string) {
    const parsed = parseTerraform(json);
    this.bodies = new Map(terraformResources(json).resources.map((r) => [r.address, r.body]));
    this.policies = parsed.policies;
    this.namedLocations = parsed.namedLocations;
    this.authenticationStrengths = parsed.authenticationStrengths;
    this.objects = parsed.objects;
    this.warnings = parsed.warnings;
    this.source = source;
  }

  /**
   * The named location a policy's location value refers to: a reference such as
   * `${azuread_named_location.office.object_id}` (or `.id`), or its literal object id.
   * @param value the value from `includeLocations` / `excludeLocations`
   * @returns the location, or undefined when it is not defined in this stack
   */
  public namedLocation(value: string): NamedLocationModel | undefined {
    const ref = parseReference(value);
    if (ref) return this.namedLocations.find((l) => l.address === ref.address);
    const id = value.toLowerCase();
    return this.namedLocations.find((l) => l.id !== undefined && l.id.toLowerCase() === id);
  }

  /**
   * The custom authentication strength a policy's `authenticationStrength.id` refers to.
   * @param value a reference such as `${azuread_authentication_strength_policy.tap.id}` or a full-path id
   * @returns the strength, or undefined when it is not defined in this stack (built-in strengths are not)
   */
  public authenticationStrength(value: string): AuthenticationStrengthModel | undefined {
    const ref = parseReference(value);
    if (ref) return this.authenticationStrengths.find((s) => s.address === ref.address);
    const id = value.toLowerCase().replace(AUTHENTICATION_STRENGTH_PATH.toLowerCase(), '');
    return this.authenticationStrengths.find((s) => s.id !== undefined && s.id.toLowerCase() === id);
  }

  /**
   * The Terraform JSON body a resource was synthesized with (snake_case attributes), for checks of
   * what the provider itself receives, such as the provider 3.7.0 contract.
   * @param address e.g. `azuread_conditional_access_policy.members`
   * @returns the body, or undefined when the model was not read from Terraform JSON
   */
  public terraformBody(address: string): any {
    return this.bodies.get(address);
  }

  /**
   * Another resource or data source by its Terraform address.
   * @param address e.g. `azuread_group.admins` or `data.azuread_group.break_glass`
   */
  public object(address: string): ReferencedObjectModel | undefined {
    return this.objects.find((o) => o.address === address);
  }
}
