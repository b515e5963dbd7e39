// Public API of gap analysis (jsii-compatible): `WhatIf.findGaps` / `WhatIf.signInClasses` take these.
export * from './model';
export * from './requirement';
