/**
 * The evaluator's working parts, behind one module so that `WhatIf` loads them
 * only when it is first used: an app that only synthesizes never pays for them
 * at import. Internal module.
 */
export { Evaluator } from './evaluator';
export { formatReport } from './render';
export { prepareSignIn } from './sign-in';
export { compileStack } from './stack';
export type { CompiledStack } from './stack';
