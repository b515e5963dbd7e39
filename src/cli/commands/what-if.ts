/**
 * `cdktf-entra-ca what-if <stack> --scenario <file> [--json]`: evaluate one sign-in, or every scenario
 * of a scenarios file, and print the report.
 */
import { Command } from 'commander';
import { formatReport } from '../../what-if/render';
import { BadInput, CliIo, loadStack, readJson } from '../cli-io';
import { parseScenarios, problemPath, Scenario, ScenarioFileError } from '../scenarios';

/** Adds the command. */
export function registerWhatIf(program: Command, io: CliIo): void {
  const { out, resolve } = io;
  program
    .command('what-if')
    .description('evaluate the stack\'s policies against one sign-in (a Graph evaluate request body) or every scenario of a scenarios file')
    .argument('<stack>', 'a cdk.tf.json, or a stack directory containing one (cdktf.out/stacks/<name>)')
    .requiredOption('--scenario <file>', 'JSON file: a Graph evaluate request body, or a { "scenarios": [...] } file')
    .option('--json', 'print the report as JSON')
    .exitOverride()
    .action((stack: string, opts: { scenario: string; json?: boolean }) => {
      const whatIf = loadStack(resolve(stack));
      for (const warning of whatIf.warnings) io.err(`warning: ${warning}\n`);
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

}
