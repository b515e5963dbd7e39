/**
 * Keeps the README true: every ```ts block in it type-checks against the
 * library's source, as a user would paste it. Names the README uses without
 * defining (the user's own stack, ids, data sources) are declared in a
 * preamble; library names a snippet uses without importing are imported for it.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import * as lib from '../../src';

const ROOT = path.join(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
const SNIPPETS = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

/** What the README's snippets take as given. */
const PREAMBLE = `
import type * as __cdktf from 'cdktf';
import type * as __ca from 'cdktf-entra-conditional-access';
import type { DataAzureadGroup as __DataGroup } from '@cdktf/provider-azuread/lib/data-azuread-group';
import type { DataAzureadUser as __DataUser } from '@cdktf/provider-azuread/lib/data-azuread-user';
declare const app: __cdktf.App;
declare const stack: __cdktf.TerraformStack;
declare const policy: __ca.ConditionalAccessPolicy;
declare const breakGlassGroupId: string;
declare const onboardingGroup: __DataGroup;
declare const breakGlass1: __DataUser;
declare const breakGlass2: __DataUser;
declare const signIn: any;
declare const guestFromUntrustedIp: any;
declare const memberFromUntrustedIp: any;
declare const memberFromOffice: any;
`;

function withImports(snippet: string): string {
  const imported = new Set([...snippet.matchAll(/import\s*\{([^}]*)\}\s*from\s*'cdktf-entra-conditional-access'/g)]
    .flatMap((m) => m[1].split(',').map((n) => n.trim())));
  const used = Object.keys(lib).filter((name) => !imported.has(name) && new RegExp(`\\b${name}\\b`).test(snippet));
  const missing = used.length > 0 ? `import { ${used.join(', ')} } from 'cdktf-entra-conditional-access';\n` : '';
  return `${missing}${PREAMBLE}\n${snippet}\nexport {};\n`;
}

test('the README has a TypeScript snippet for each recipe, the building blocks, rules and What-If', () => {
  expect(SNIPPETS.length).toBeGreaterThanOrEqual(9);
});

test('every README TypeScript snippet type-checks against the library', () => {
  const files = new Map(SNIPPETS.map((s, i) => [path.join(ROOT, `test/readme/__snippet${i}.ts`), withImports(s)]));
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: ['jest', 'node'],
    baseUrl: ROOT,
    paths: {
      'cdktf-entra-conditional-access': ['src/index.ts'],
      'cdktf-entra-conditional-access/lib/*': ['src/*'],
    },
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (f) => files.get(path.resolve(f)) ?? readFile(f);
  host.fileExists = (f) => files.has(path.resolve(f)) || fileExists(f);
  const program = ts.createProgram([...files.keys()], options, host);
  const problems = [...files.keys()].flatMap((f) => {
    const source = program.getSourceFile(f)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => {
      const line = d.start === undefined ? '?' : source.getLineAndCharacterOfPosition(d.start).line + 1;
      return `${path.basename(f)}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
  });
  expect(problems).toEqual([]);
}, 120_000);
