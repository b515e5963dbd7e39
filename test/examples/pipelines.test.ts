// The example pipelines (examples/pipelines/*.yml): parsed with the `yaml` package; every `cdktf-entra-ca`
// command they run is parsed by the CLI's own commander program (actions replaced, nothing runs), and the
// deploy waits for the gates, the diff and an approval.
import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { parse } from 'yaml';
import { CliIo } from '../../src/cli/cli-io';
import { COMMANDS } from '../../src/cli/commands';

const ROOT = path.join(__dirname, '..', '..');
const load = (name: string): any => parse(fs.readFileSync(path.join(ROOT, 'examples', 'pipelines', name), 'utf8'));
const GITHUB = load('github-actions.yml');
const AZURE = load('azure-pipelines.yml');

/** The real program with every command's action replaced: parsing checks commands, arguments and options. */
function program(): Command {
  const io: CliIo = { out: () => undefined, err: () => undefined, resolve: (p) => p, exit: () => undefined };
  const p = new Command('cdktf-entra-ca').exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  for (const register of COMMANDS) register(p, io);
  for (const c of p.commands) c.action(() => undefined);
  return p;
}

/** Every string in a parsed YAML document. */
function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(strings);
  if (node && typeof node === 'object') return Object.values(node).flatMap(strings);
  return [];
}

/**
 * The `cdktf-entra-ca` command lines of a pipeline as argv arrays: pipeline variables (`$NAME`, `${NAME}`,
 * `$(NAME)`) expanded, unquoted expansions split into words, the line cut at a shell operator.
 */
function commandLines(doc: unknown, variables: Record<string, string>): string[][] {
  const lines = strings(doc).flatMap((s) => s.replace(/\\\n\s*/g, ' ').split('\n'));
  return lines
    .filter((l) => /\bcdktf-entra-ca\s/.test(l))
    .map((l) => {
      const command = l.slice(l.indexOf('cdktf-entra-ca') + 'cdktf-entra-ca'.length);
      const expanded = command.replace(/\$\(([\w.]+)\)|\$\{(\w+)\}|\$(\w+)/g, (_m, a, b, c) => variables[a ?? b ?? c] ?? 'VALUE');
      return words(expanded);
    });
}

/** Shell words up to the first operator (`||`, `&&`, `;`, `|`, `>`). */
function words(text: string): string[] {
  const out: string[] = [];
  const re = /\s*(?:"([^"]*)"|'([^']*)'|(\|\||&&|[;|>])|([^\s"';|>&]+))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[3]) break;
    out.push(m[1] ?? m[2] ?? m[4]);
  }
  return out;
}

function check(argv: string[]): void {
  program().parse(argv, { from: 'user' });
}

const PIPELINES: Array<[string, any, Record<string, string>]> = [
  ['github-actions.yml', GITHUB, GITHUB.env],
  ['azure-pipelines.yml', AZURE, AZURE.variables],
];

describe.each(PIPELINES)('%s', (_name, doc, variables) => {
  const lines = commandLines(doc, variables);

  test('runs lint, the What-If scenarios, gaps, the report and diff', () => {
    expect(lines.map((l) => l[0])).toEqual(['lint', 'test', 'gaps', 'report', 'diff']);
  });

  test('every cdktf-entra-ca command exists with the arguments and options given', () => {
    for (const argv of lines) expect(() => check(argv)).not.toThrow();
  });

  test('the stack and scenarios it names are the example app\'s', () => {
    expect(fs.existsSync(path.join(ROOT, variables.SCENARIOS))).toBe(true);
    expect(variables.SCENARIOS).toBe(`examples/scenarios/${variables.STACK}.json`);
    expect(lines.find((l) => l[0] === 'gaps')).toEqual(['gaps', `cdktf.out/stacks/${variables.STACK}`, '--require', 'mfa', '--users', 'all', '--report-only']);
  });
});

test('the check fails for an option, a command or an argument the CLI does not have', () => {
  expect(() => check(['diff', 'stack', 'tenant', '--plan'])).toThrow("error: unknown option '--plan'");
  expect(() => check(['apply', 'stack'])).toThrow("error: unknown command 'apply'");
  expect(() => check(['gaps', 'stack'])).toThrow("error: required option '--require <requirement>' not specified");
  expect(() => check(['test', 'stack'])).toThrow("error: missing required argument 'scenarios'");
  expect(commandLines({ run: 'npx cdktf-entra-ca lint "cdktf.out/stacks/$STACK" --json || true' }, { STACK: 'a b' })).toEqual([['lint', 'cdktf.out/stacks/a b', '--json']]);
});

describe('GitHub Actions: deploy behind the gates, the diff and a required reviewer, with OIDC', () => {
  const jobs = GITHUB.jobs;

  test('the deploy job needs the gates and the plan, runs only on main, in the environment reviewers approve', () => {
    expect(jobs.deploy.needs).toEqual(['gates', 'plan']);
    expect(jobs.plan.needs).toBe('gates');
    expect(jobs.deploy.environment).toBe('conditional-access');
    expect(jobs.deploy.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(strings(jobs.deploy.steps).filter((s) => s.includes('npx cdktf deploy'))).toEqual(['npx cdktf deploy "$STACK" --skip-synth --auto-approve']);
    expect(strings(jobs.gates).concat(strings(jobs.plan)).some((s) => s.includes('npx cdktf deploy'))).toBe(false);
  });

  test('OIDC: an id token for the jobs that sign in, the provider told to use it; no client secret anywhere', () => {
    for (const job of [jobs.plan, jobs.deploy]) {
      expect(job.permissions['id-token']).toBe('write');
      expect(job.env).toMatchObject({ ARM_USE_OIDC: 'true', ARM_TENANT_ID: '${{ vars.AZURE_TENANT_ID }}' });
    }
    expect(jobs.deploy.env.ARM_CLIENT_ID).toBe('${{ vars.AZURE_DEPLOY_CLIENT_ID }}');
    expect(jobs.plan.env.ARM_CLIENT_ID).toBe('${{ vars.AZURE_READER_CLIENT_ID }}');
    expect(GITHUB.permissions).toEqual({ contents: 'read' });
    expect(JSON.stringify(GITHUB)).not.toMatch(/CLIENT_SECRET|secrets\./);
  });
});

describe('Azure Pipelines: deploy in a deployment job whose environment needs an approval', () => {
  const stage = (name: string) => AZURE.stages.find((s: any) => s.stage === name);

  test('the deploy stage depends on the gates and the plan; its deployment job names the environment', () => {
    expect(stage('plan').dependsOn).toBe('gates');
    expect(stage('deploy').dependsOn).toEqual(['gates', 'plan']);
    const job = stage('deploy').jobs[0];
    expect(job.deployment).toBe('deploy');
    expect(job.environment).toBe('conditional-access');
    expect(strings(job).filter((s) => s.includes('npx cdktf deploy'))).toEqual(['npx cdktf deploy "$(STACK)" --skip-synth --auto-approve']);
    expect(strings(stage('gates')).concat(strings(stage('plan'))).some((s) => s.includes('npx cdktf deploy'))).toBe(false);
  });

  test('OIDC through the service connection: the provider gets the connection id and the pipeline token', () => {
    expect(JSON.stringify(AZURE).match(/"task":"AzureCLI@2"/g)).toHaveLength(2);
    const deploy = stage('deploy').jobs[0].strategy.runOnce.deploy.steps.find((s: any) => s.task === 'AzureCLI@2');
    expect(deploy.inputs.azureSubscription).toBe('conditional-access-deploy');
    expect(deploy.env).toEqual({
      ARM_USE_OIDC: 'true',
      ARM_CLIENT_ID: '$(DEPLOY_CLIENT_ID)',
      ARM_TENANT_ID: '$(AZURE_TENANT_ID)',
      ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID: '$(DEPLOY_CONNECTION_ID)',
      SYSTEM_ACCESSTOKEN: '$(System.AccessToken)',
      SYSTEM_OIDCREQUESTURI: '$(System.OidcRequestUri)',
    });
    expect(JSON.stringify(AZURE)).not.toMatch(/CLIENT_SECRET/);
  });
});
