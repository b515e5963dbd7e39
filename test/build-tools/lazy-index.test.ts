import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lazifyIndex } = require('../../build-tools/lazy-index') as {
  lazifyIndex(libDir: string): { exports: number; modules: number; alreadyLazy: boolean };
};

/** The helpers tsc writes at the top of a module with `export * from`. */
const TS_EXPORT_HELPERS = `var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) { if (k2 === undefined) k2 = k; o[k2] = m[k]; }));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
`;

/** A compiled package as tsc emits it: two leaf modules, a barrel with `export *`, and an index re-exporting both ways. */
function compiledPackage(extraIndex = ''): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lazy-index-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  write('policy/policy.js', `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PolicyState = exports.Policy = void 0;
class Policy {}
exports.Policy = Policy;
var PolicyState;
(function (PolicyState) { PolicyState["ON"] = "enabled"; })(PolicyState || (exports.PolicyState = PolicyState = {}));
`);
  write('what-if/what-if.js', `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WhatIf = void 0;
class WhatIf {}
exports.WhatIf = WhatIf;
`);
  write('what-if/index.js', `"use strict";
${TS_EXPORT_HELPERS}Object.defineProperty(exports, "__esModule", { value: true });
__exportStar(require("./what-if"), exports);
`);
  write('index.js', `"use strict";
${TS_EXPORT_HELPERS}Object.defineProperty(exports, "__esModule", { value: true });
exports.PolicyState = exports.Policy = void 0;
var policy_1 = require("./policy/policy");
Object.defineProperty(exports, "Policy", { enumerable: true, get: function () { return policy_1.Policy; } });
Object.defineProperty(exports, "PolicyState", { enumerable: true, get: function () { return policy_1.PolicyState; } });
__exportStar(require("./what-if"), exports);
${extraIndex}`);
  return dir;
}

/** The modules of `dir` that a fresh node process has loaded after running `code` (with `lib` bound to the index). */
function loadedAfter(dir: string, code: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { execFileSync } = require('child_process') as typeof import('child_process');
  const script = `const lib = require(${JSON.stringify(dir)}); ${code};
console.log(JSON.stringify(Object.keys(require.cache).filter((f) => f.startsWith(${JSON.stringify(dir)})).map((f) => f.slice(${dir.length + 1})).sort()));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

describe('build-tools/lazy-index', () => {
  test('the rewritten index has the same exports, and loads a module only when one of its exports is used', () => {
    const dir = compiledPackage();
    expect(loadedAfter(dir, '')).toEqual(['index.js', 'policy/policy.js', 'what-if/index.js', 'what-if/what-if.js']);

    expect(lazifyIndex(dir)).toEqual({ exports: 3, modules: 2, alreadyLazy: false });

    expect(loadedAfter(dir, '')).toEqual(['index.js']);
    expect(loadedAfter(dir, 'void lib.Policy')).toEqual(['index.js', 'policy/policy.js']);
    // An export re-exported through a barrel loads its defining module, not the barrel.
    expect(loadedAfter(dir, 'void lib.WhatIf')).toEqual(['index.js', 'what-if/what-if.js']);
    // Names, values and identity are those of the defining modules.
    expect(loadedAfter(dir, `
      if (JSON.stringify(Object.keys(lib)) !== '["Policy","PolicyState","WhatIf"]') throw new Error(Object.keys(lib).join());
      if (lib.PolicyState.ON !== 'enabled') throw new Error('enum');
      if (lib.WhatIf !== require(${JSON.stringify(path.join(dir, 'what-if/what-if.js'))}).WhatIf) throw new Error('identity');
      if (lib.Policy !== lib.Policy) throw new Error('stable')`)).toEqual(['index.js', 'policy/policy.js', 'what-if/what-if.js']);
    // ESM named imports: the names are visible to Node's CommonJS export detection.
    expect(fs.readFileSync(path.join(dir, 'index.js'), 'utf8')).toContain('0 && (module.exports = { Policy, PolicyState, WhatIf });');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { execFileSync } = require('child_process') as typeof import('child_process');
    const esm = `import { PolicyState, WhatIf } from ${JSON.stringify(path.join(dir, 'index.js'))}; console.log(PolicyState.ON, typeof WhatIf);`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', esm], { encoding: 'utf8' }).trim()).toBe('enabled function');
  });

  test('a second run leaves a lazy index alone', () => {
    const dir = compiledPackage();
    lazifyIndex(dir);
    const once = fs.readFileSync(path.join(dir, 'index.js'), 'utf8');
    expect(lazifyIndex(dir)).toEqual({ exports: 0, modules: 0, alreadyLazy: true });
    expect(fs.readFileSync(path.join(dir, 'index.js'), 'utf8')).toBe(once);
  });

  test('an export whose defining module cannot be told fails the build and leaves the index as compiled', () => {
    const dir = compiledPackage('exports.Helper = function helper() {};\n');
    const before = fs.readFileSync(path.join(dir, 'index.js'), 'utf8');
    expect(() => lazifyIndex(dir)).toThrow(/cannot tell where these exports .* are defined \(need exactly one module each\):\n {2}Helper: defined in no module/);
    expect(fs.readFileSync(path.join(dir, 'index.js'), 'utf8')).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.lazy-index-check'))).toEqual([]);
  });
});
