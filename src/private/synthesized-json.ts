/**
 * A stack's synthesized Terraform JSON in memory, with cdktf's `//` metadata (construct paths) and
 * the library's rule metadata (suppressions, declared emergency-access accounts), which
 * `Testing.synth` strips. Internal module.
 */
import { TerraformStack } from 'cdktf';
import { writeRuleMetadata } from './synth-metadata';

/**
 * Runs the stack's aspects (as `cdktf synth` does), records the rule metadata and returns the
 * stack's resolved Terraform JSON. `invokeAspects` is not exported from cdktf's root, so it is read
 * from the module `Testing.synth` itself uses; that path is one of the few cdktf-specific imports of
 * the library.
 * @param toTerraform produce the JSON this way, after the aspects have already run (at synth)
 */
export function synthesizedJson(stack: TerraformStack, toTerraform?: () => any): any {
  if (!toTerraform) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { invokeAspects } = require('cdktf/lib/synthesize/synthesizer') as { invokeAspects(s: TerraformStack): void };
    invokeAspects(stack);
  }
  writeRuleMetadata(stack);
  return toTerraform ? toTerraform() : stack.toTerraform();
}
