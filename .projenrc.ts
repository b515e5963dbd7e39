import { cdktf, javascript } from 'projen';

const project = new cdktf.ConstructLibraryCdktf({
  name: 'cdktf-entra-conditional-access',
  description:
    'Typed CDK for Terraform constructs for Microsoft Entra ID Conditional Access: named locations, policies, authentication strengths, the documented security-info registration recipes, synth-time lint rules and an offline What-If evaluator.',
  author: 'cdktf-entra-conditional-access maintainers',
  authorAddress: 'maintainers@users.noreply.example.com',
  repositoryUrl: 'https://github.com/cdktf-entra-conditional-access/cdktf-entra-conditional-access.git',
  license: 'Apache-2.0',
  keywords: ['cdktf', 'terraform', 'azuread', 'entra', 'conditional-access', 'security'],
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: '20.0.0',

  cdktfVersion: '0.21.0',
  constructsVersion: '^10.4.2',
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.0',

  peerDeps: ['@cdktf/provider-azuread@^14.3.1'],
  devDeps: [
    '@cdktf/provider-azuread@14.3.1',
    'cdktf@0.21.0',
    'cdktf-cli@0.21.0',
    'constructs@10.4.2',
    'fast-check@^4.3.0',
    // Parses the example pipelines in a test (test/examples/pipelines.test.ts).
    'yaml@^2.9.1',
    // ts-jest requires jest-util, an optional peer that npm does not hoist with jest 29.
    'jest-util@^29',
  ],
  // Non-jsii runtime dependencies must be bundled for jsii.
  bundledDeps: ['ipaddr.js@^2.2.0', 'i18n-iso-countries@^7.14.0', 'commander@^14.0.0'],
  bin: { 'cdktf-entra-ca': 'lib/cli/main.js' },

  // CI is `.ci/run`; this project does not use the GitHub workflows projen would generate.
  github: false,
  release: false,
  buildWorkflow: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  docgen: true,
  // The Python package (jsii-pacmak): `npx projen package:python` writes dist/python/*.whl.
  // examples/python is a Python CDKTF app over that wheel; scripts/python-check.sh holds it to the TypeScript examples.
  publishToPypi: {
    distName: 'cdktf-entra-conditional-access',
    module: 'cdktf_entra_conditional_access',
  },
  // Examples are compiled by `cdktf synth` (ts-node), not by jsii.
  excludeTypescript: ['examples/**'],
  // Source maps beside the JavaScript (lib/**/*.js.map, sources inlined there) instead of inside it:
  // every `require` reads and scans each module's text, and inline maps tripled it (bench row 1).
  tsconfig: { compilerOptions: { inlineSourceMap: false, sourceMap: true, inlineSources: true } },

  jestOptions: {
    // jest 30 resolves through unrs-resolver, whose per-platform optional bindings are not all
    // published to every registry mirror; npm then writes a lock file that `npm ci` rejects.
    jestVersion: '^29',
    // `--ci`: a snapshot that differs from the committed one fails instead of being rewritten.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      setupFilesAfterEnv: ['<rootDir>/test/setup-jest.ts'],
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/cdktf.out/', '/.consumer/'],
      // CI machines are slow (2 throttled cores): coverage instrumentation costs time nobody reads,
      // and jest's default on 2 cores is 1 worker.
      collectCoverage: false,
      maxWorkers: 2,
    },
  },
  gitignore: ['cdktf.out/', '.consumer/', '*.cpuprofile', '.bench/', '.python-check/', '__pycache__/'],
});

// eslint-import-resolver-typescript v4 resolves through unrs-resolver too (see jestVersion);
// v3 uses enhanced-resolve and has no native bindings.
project.deps.removeDependency('eslint-import-resolver-typescript');
project.addDevDeps('eslint-import-resolver-typescript@3.6.3');

// cdktf-cli depends on a pseudo-terminal package of prebuilt binaries for every platform: 34 MB, a third
// of every byte `npm ci` downloads (seen: `npm ci` 54 minutes on CI's slow network). It is used only to
// run terraform (deploy, diff, ...); this repository only synthesizes, so a stub stands in for it.
// (npm resolves a relative `file:` override from the dependent package's folder, so the stub is a root
// dev dependency and the override points at it with `$`.)
project.addDevDeps('@cdktf/node-pty-prebuilt-multiarch@file:./build-tools/node-pty-stub');
project.package.addField('overrides', {
  '@cdktf/node-pty-prebuilt-multiarch': '$@cdktf/node-pty-prebuilt-multiarch',
});

for (const p of ['cdktf.out/', 'examples/', 'bench/', '.bench/', 'build-tools/', 'scripts/', '.ci/', '.consumer/', '.python-check/', 'cdktf.json']) {
  project.addPackageIgnore(p);
}


// ts-jest only transpiles (test/tsconfig.json sets isolatedModules), so the tests are type-checked once here.
project.testTask.prependExec('tsc --noEmit -p test/tsconfig.json', { name: 'type-check tests' });

// `npm test` is the type-check and jest. The linter (type-aware, the whole tree) costs more CPU than
// half the test suite on the throttled 2-core CI machines, so it runs in `npx projen build` and as
// its own step of `.ci/run` instead of inside every test run (`npx projen eslint` runs it alone).
// (The build task itself is locked; post-compile is one of its steps.)
const eslintStep = project.testTask.steps.findIndex((step) => step.spawn === 'eslint');
if (eslintStep >= 0) {
  project.testTask.removeStep(eslintStep);
}
project.postCompileTask.spawn(project.tasks.tryFind('eslint')!);

// The compiled index loads each export's module on first use (see build-tools/lazy-index.js): an app
// that synthesizes policies does not load What-If, gap analysis or the Graph import at `require`.
project.compileTask.exec('node build-tools/lazy-index.js lib');

project.addTask('synth:examples', {
  description: 'Synthesize every example stack into cdktf.out/',
  exec: 'cdktf synth',
});
project.addTask('bench', {
  description: 'Benchmarks: library vs raw provider classes, What-If throughput (prints a markdown table)',
  steps: [
    { spawn: 'compile' },
    { exec: 'ts-node -P bench/tsconfig.json bench/run.ts', receiveArgs: true },
  ],
});

project.synth();
