/**
 * The evaluator's working parts, behind one module so that `WhatIf` loads them
 * only when it is first used: an app that only synthesizes never pays for them
 * at import. Internal module.
 */
export { Evaluator } from './evaluator';
export { formatReport } from './render';
export { prepareSignIn } from './prepare-sign-in';
export { compileModel } from './compile-stack';
export type { CompiledStack } from './compiled-stack';
