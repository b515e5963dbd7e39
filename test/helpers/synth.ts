import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';

/** A synthesized stack, parsed. */
export interface SynthesizedStack {
  readonly resource: Record<string, Record<string, any>>;
  readonly data?: Record<string, Record<string, any>>;
}

/** Build constructs in a fresh stack and return its parsed synthesized JSON (validations off). */
export function synth(build: (stack: TerraformStack) => void): SynthesizedStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  build(stack);
  return JSON.parse(Testing.synth(stack));
}

/** The only resource of a type in a synthesized stack. */
export function only(json: SynthesizedStack, type: string): any {
  const all = Object.values(json.resource?.[type] ?? {});
  if (all.length !== 1) {
    throw new Error(`expected exactly one ${type}, found ${all.length}`);
  }
  return all[0];
}

/** A fresh stack to build in. */
export function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'test');
}

/** Parsed synth of an existing stack. */
export function synthOf(scope: Construct): SynthesizedStack {
  return JSON.parse(Testing.synth(scope as TerraformStack));
}
