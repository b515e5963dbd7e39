// Public API of the offline What-If evaluator (jsii-compatible). Errors (WhatIfInputError, WhatIfStackError)
// extend Error, which jsii cannot represent: import them from 'cdktf-entra-conditional-access/lib/what-if/errors'.
export * from './model';
export * from './what-if';
export * from './sign-in';
