/**
 * `cdktf-entra-ca test <stack> <scenarios> [--json] [--allow-warnings]`: check every scenario's expectations;
 * exit 1 when one fails, or when the stack has What-If warnings (printed with the results) unless
 * `--allow-warnings` is given.
 */
import { Command } from 'commander';
import { WhatIfReport } from '../../what-if/model';
import { formatReport } from '../../what-if/render';
import { BadInput, CliIo, EXIT_FAILED, EXIT_OK, indentText, loadStack, readJson } from '../cli-io';
import { checkScenario, formatMismatches, Mismatch, parseScenarios, problemPath, ScenarioFileError } from '../scenarios';

/** Adds the command. */
export function registerTest(program: Command, io: CliIo): void {
  const { out, resolve } = io;
  program
    .command('test')
    .description('check every scenario of a scenarios file against the stack; exit 1 if an expectation fails')
    .argument('<stack>', 'a cdk.tf.json, or a stack directory containing one (cdktf.out/stacks/<name>)')
    .argument('<scenarios>', 'JSON file { "scenarios": [ { "name", "signIn", "expect": { "access", "reportOnlyAccess", "policies" } } ] }')
    .option('--json', 'print the results as JSON')
    .option('--allow-warnings', 'do not fail when the stack has What-If warnings (they are still printed)')
    .exitOverride()
    .action((stack: string, scenariosFile: string, opts: { json?: boolean; allowWarnings?: boolean }) => {
      const whatIf = loadStack(resolve(stack));
      const warnings = whatIf.warnings;
      const warningsFail = warnings.length > 0 && !opts.allowWarnings;
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
        out(JSON.stringify({ passed: results.length - failed, failed, warnings, warningsFail, scenarios: results }, null, 2) + '\n');
      } else {
        if (warnings.length > 0) {
          out(`Stack warnings (${warningsFail ? 'each fails the run; pass --allow-warnings to accept them' : 'accepted with --allow-warnings'}):\n`);
          for (const w of warnings) out(`  warning: ${w}\n`);
          out('\n');
        }
        for (const r of results) {
          out(`${r.passed ? 'PASS' : 'FAIL'}  ${r.name}\n`);
          // (a failing scenario's report ends with its sign-in warnings)
          if (r.passed) for (const w of r.report.warnings) out(`      warning: ${w}\n`);
          if (!r.passed) {
            out(formatMismatches(r.mismatches, '      '));
            out(indentText(formatReport(r.report), '      '));
            out('\n');
          }
        }
        const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
        out(
          `${plural(results.length, 'scenario')}: ${results.length - failed} passed, ${failed} failed` +
            (warnings.length > 0 ? `; ${plural(warnings.length, 'stack warning')}${warningsFail ? ' (failing)' : ' (allowed)'}` : '') +
            '\n',
        );
      }
      io.exit(failed > 0 || warningsFail ? EXIT_FAILED : EXIT_OK);
    });

}
