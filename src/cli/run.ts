/**
 * The `cdktf-entra-ca` command line, as a function: `runCli(argv)` returns the exit code and what would be
 * printed, so it can be tested without spawning a process. `main.ts` is the thin executable wrapper.
 *
 * Exit codes: 0 success; 1 a scenario expectation failed; 2 bad input (unreadable file, bad JSON, invalid
 * sign-in or scenarios file, unknown command or option).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Command, CommanderError } from 'commander';
import { checkScenario, Mismatch, parseScenarios, Scenario, ScenarioFileError } from './scenarios';
import { WhatIfInputError, WhatIfStackError } from '../what-if/errors';
import { WhatIfReport } from '../what-if/model';
import { formatReport } from '../what-if/render';
import { WhatIf } from '../what-if/what-if';

/** What a CLI run produced. */
export interface CliResult {
  /** 0 success, 1 a failed expectation, 2 bad input. */
  readonly exitCode: number;
  /** What the command printed on standard output. */
  readonly stdout: string;
  /** What the command printed on standard error (errors, stack warnings, usage). */
  readonly stderr: string;
}

/** Options for `runCli`. */
export interface CliOptions {
  /** Directory relative paths are resolved against (default: `process.cwd()`). */
  readonly cwd?: string;
}

/** Bad input: printed to stderr, exit code 2. */
class BadInput extends Error {}

/** Exit code of a successful run. */
export const EXIT_OK = 0;
/** Exit code when a scenario expectation failed. */
export const EXIT_FAILED = 1;
/** Exit code for bad input. */
export const EXIT_BAD_INPUT = 2;

function version(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new BadInput(`${file}: cannot read the ${what} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the path`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BadInput(`${file}: the ${what} is not valid JSON (${(e as Error).message})`);
  }
}

function loadStack(stack: string): WhatIf {
  try {
    return WhatIf.fromFile(stack);
  } catch (e) {
    if (e instanceof WhatIfStackError) throw new BadInput(e.message);
    throw e;
  }
}

/** Where a sign-in problem is in the scenarios file (`directory` may sit beside `signIn`). */
function problemPath(s: Scenario, problem: string): string {
  return s.directoryBeside && problem.startsWith('directory') ? `${s.label}.${problem}` : `${s.label}.signIn.${problem}`;
}

function quote(value: string): string {
  return value.startsWith('(') ? value : JSON.stringify(value);
}

/** Renders mismatches as a diff: `- expected`, `+ actual` per key. */
export function formatMismatches(mismatches: Mismatch[], indent: string): string {
  return mismatches
    .map((m) => `${indent}${m.key}\n${indent}- expected: ${quote(m.expected)}\n${indent}+ actual:   ${quote(m.actual)}\n`)
    .join('');
}

function indentText(text: string, indent: string): string {
  return text
    .split('\n')
    .map((l) => (l ? indent + l : l))
    .join('\n');
}

/**
 * Runs the CLI.
 *
 * @param argv the arguments after the executable, e.g. `['what-if', 'cdktf.out/stacks/app', '--scenario', 's.json']`
 */
export function runCli(argv: string[], options: CliOptions = {}): CliResult {
  const cwd = options.cwd ?? process.cwd();
  const resolve = (p: string) => path.resolve(cwd, p);
  let stdout = '';
  let stderr = '';
  let exitCode = EXIT_OK;
  const out = (s: string) => {
    stdout += s;
  };
  const err = (s: string) => {
    stderr += s;
  };
  const warnings = (w: WhatIf) => {
    for (const warning of w.warnings) err(`warning: ${warning}\n`);
  };

  const program = new Command('cdktf-entra-ca')
    .description('Offline What-If for Microsoft Entra Conditional Access policies in a synthesized CDK for Terraform stack')
    .version(version())
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err })
    .showHelpAfterError('(run cdktf-entra-ca --help for usage)');

  program
    .command('what-if')
    .description('evaluate the stack\'s policies against one sign-in (a Graph evaluate request body) or every scenario of a scenarios file')
    .argument('<stack>', 'a cdk.tf.json, or a stack directory containing one (cdktf.out/stacks/<name>)')
    .requiredOption('--scenario <file>', 'JSON file: a Graph evaluate request body, or a { "scenarios": [...] } file')
    .option('--json', 'print the report as JSON')
    .exitOverride()
    .action((stack: string, opts: { scenario: string; json?: boolean }) => {
      const whatIf = loadStack(resolve(stack));
      warnings(whatIf);
      const file = resolve(opts.scenario);
      const json = readJson(file, 'scenario');
      const isScenarioFile = typeof json === 'object' && json !== null && 'scenarios' in json;
      const items: Array<{ name?: string; scenario?: Scenario; signIn: any }> = [];
      if (isScenarioFile) {
        try {
          for (const s of parseScenarios(json)) items.push({ name: s.name, scenario: s, signIn: s.signIn });
        } catch (e) {
          if (e instanceof ScenarioFileError) throw new BadInput(e.problems.map((p) => `${file}: ${p}`).join('\n'));
          throw e;
        }
      } else {
        items.push({ signIn: json });
      }
      const problems = items.flatMap((item) => whatIf.validate(item.signIn).map((p) => `${file}: ${item.scenario ? problemPath(item.scenario, p) : p}`));
      if (problems.length > 0) throw new BadInput(problems.join('\n'));
      const reports = items.map((item) => ({ name: item.name, report: whatIf.evaluate(item.signIn) }));
      if (opts.json) {
        out(JSON.stringify(isScenarioFile ? reports : reports[0].report, null, 2) + '\n');
      } else {
        out(reports.map((r) => (r.name !== undefined ? `Scenario: ${r.name}\n` : '') + formatReport(r.report)).join('\n'));
      }
    });

  program
    .command('test')
    .description('check every scenario of a scenarios file against the stack; exit 1 if an expectation fails')
    .argument('<stack>', 'a cdk.tf.json, or a stack directory containing one (cdktf.out/stacks/<name>)')
    .argument('<scenarios>', 'JSON file { "scenarios": [ { "name", "signIn", "expect": { "access", "reportOnlyAccess", "policies" } } ] }')
    .option('--json', 'print the results as JSON')
    .exitOverride()
    .action((stack: string, scenariosFile: string, opts: { json?: boolean }) => {
      const whatIf = loadStack(resolve(stack));
      warnings(whatIf);
      const file = resolve(scenariosFile);
      let scenarios;
      try {
        scenarios = parseScenarios(readJson(file, 'scenarios file'));
      } catch (e) {
        if (e instanceof ScenarioFileError) throw new BadInput(e.problems.map((p) => `${file}: ${p}`).join('\n'));
        throw e;
      }
      const problems = scenarios.flatMap((s) => whatIf.validate(s.signIn).map((p) => `${file}: ${problemPath(s, p)}`));
      if (problems.length > 0) throw new BadInput(problems.join('\n'));

      const results: Array<{ name: string; passed: boolean; mismatches: Mismatch[]; report: WhatIfReport }> = [];
      for (const s of scenarios) {
        const report = whatIf.evaluate(s.signIn);
        const mismatches = checkScenario(s, report, whatIf.policies);
        results.push({ name: s.name, passed: mismatches.length === 0, mismatches, report });
      }
      const failed = results.filter((r) => !r.passed).length;
      if (opts.json) {
        out(JSON.stringify({ passed: results.length - failed, failed, scenarios: results }, null, 2) + '\n');
      } else {
        for (const r of results) {
          out(`${r.passed ? 'PASS' : 'FAIL'}  ${r.name}\n`);
          if (!r.passed) {
            out(formatMismatches(r.mismatches, '      '));
            out(indentText(formatReport(r.report), '      '));
            out('\n');
          }
        }
        out(`${results.length} scenario${results.length === 1 ? '' : 's'}: ${results.length - failed} passed, ${failed} failed\n`);
      }
      exitCode = failed > 0 ? EXIT_FAILED : EXIT_OK;
    });

  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // help asked for (--help, help, --version) is a success; help shown because no command was given is not
      const asked = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help';
      exitCode = asked && argv.length > 0 ? EXIT_OK : EXIT_BAD_INPUT;
    } else if (e instanceof BadInput || e instanceof WhatIfInputError || e instanceof WhatIfStackError) {
      err(`error: ${e.message.split('\n').join('\nerror: ')}\n`);
      exitCode = EXIT_BAD_INPUT;
    } else {
      throw e;
    }
  }
  return { exitCode, stdout, stderr };
}
