// Public API of the offline What-If evaluator (jsii-compatible; the WhatIf class is in analysis/). Errors (WhatIfInputError, WhatIfStackError)
// extend Error, which jsii cannot represent: import them from 'cdktf-entra-conditional-access/lib/what-if/errors'.
export * from './model';
export * from './sign-in';
