/**
 * `cdktf-entra-ca gaps <stack> --require <mfa | block | compliantDevice | strength:<id> | ...>
 * [--users members|guests|all|servicePrincipals] [--report-only] [--max-seconds <n>] [--json]`: every class of
 * sign-ins that does not face the requirement. Exit 1 when gaps exist, 0 when none, 2 on bad input or when the
 * analysis did not finish within --max-seconds.
 */
import { Command } from 'commander';
import { DEFAULT_MAX_SECONDS } from '../../gaps/analysis';
import { formatGaps, gapsJson } from '../../gaps/format';
import { GapUsers } from '../../gaps/model';
import { GapRequirement } from '../../gaps/requirement';
import { BadInput, CliIo, EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, loadStack, maxSecondsOption } from '../cli-io';

const USERS: readonly string[] = Object.values(GapUsers);

/** Adds the command. */
export function registerGaps(program: Command, io: CliIo): void {
  program
    .command('gaps')
    .description('list every class of sign-ins that does not face a requirement (e.g. MFA) under the stack\'s policies; exit 1 if there is one, 2 if the analysis did not finish')
    .argument('<stack>', 'a cdk.tf.json, or a stack directory containing one (cdktf.out/stacks/<name>)')
    .requiredOption('--require <requirement>', 'mfa, block, compliantDevice, domainJoinedDevice, approvedApplication, compliantApplication, passwordChange, strength:<id or name> or termsOfUse:<id>')
    .option('--users <users>', `whose sign-ins: ${USERS.join(', ')}`, 'all')
    .option('--report-only', 'decide over the enabled and the report-only policies together, as if the report-only ones were on (before switching them on); default: the enabled policies only')
    .option('--max-seconds <seconds>', 'stop after this long and say what was not finished (exit 2)', String(DEFAULT_MAX_SECONDS))
    .option('--json', 'print { "requirement", "complete", "gaps": [ { "id", "description", "outcome", "unless", "policies", "signIn" } ], "excludedOnPurpose": [ ... ] }')
    .exitOverride()
    .action((stack: string, opts: { require: string; users: string; reportOnly?: boolean; maxSeconds: string; json?: boolean }) => {
      let require: GapRequirement;
      try {
        require = GapRequirement.parse(opts.require);
      } catch (e) {
        throw new BadInput(`--require: ${(e as Error).message}`);
      }
      if (!USERS.includes(opts.users)) throw new BadInput(`--users: '${opts.users}' is not one of ${USERS.join(', ')}`);
      const maxSeconds = maxSecondsOption(opts.maxSeconds);
      const whatIf = loadStack(io.resolve(stack));
      for (const warning of whatIf.warnings) io.err(`warning: ${warning}\n`);
      const report = whatIf.findGaps({ require, users: opts.users as GapUsers, reportOnly: opts.reportOnly ?? false, maxSeconds });
      if (opts.json) io.out(JSON.stringify(gapsJson(report), null, 2) + '\n');
      else io.out(formatGaps(report));
      if (!report.complete) {
        io.err(`gaps: ${report.incomplete}\n`);
        io.exit(EXIT_BAD_INPUT);
      }
      io.exit(report.gaps.length > 0 ? EXIT_FAILED : EXIT_OK);
    });
}
