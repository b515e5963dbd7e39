/**
 * `cdktf-entra-ca gaps <stack> --require <mfa | block | compliantDevice | strength:<id> | ...>
 * [--users members|guests|all|servicePrincipals] [--report-only] [--json]`: every class of sign-ins that does
 * not face the requirement, exhaustively. Exit 1 when gaps exist, 0 when none, 2 on bad input.
 */
import { Command } from 'commander';
import { formatGaps, gapsJson } from '../../gaps/format';
import { GapUsers } from '../../gaps/model';
import { GapRequirement } from '../../gaps/requirement';
import { BadInput, CliIo, EXIT_FAILED, EXIT_OK, loadStack } from '../cli-io';

const USERS: readonly string[] = Object.values(GapUsers);

/** Adds the command. */
export function registerGaps(program: Command, io: CliIo): void {
  program
    .command('gaps')
    .description('list every class of sign-ins that does not face a requirement (e.g. MFA) under the stack\'s policies; exit 1 if there is one')
    .argument('<stack>', 'a cdk.tf.json, or a stack directory containing one (cdktf.out/stacks/<name>)')
    .requiredOption('--require <requirement>', 'mfa, block, compliantDevice, domainJoinedDevice, approvedApplication, compliantApplication, passwordChange, strength:<id or name> or termsOfUse:<id>')
    .option('--users <users>', `whose sign-ins: ${USERS.join(', ')}`, 'all')
    .option('--report-only', 'decide over report-only policies instead of enabled ones')
    .option('--json', 'print { "requirement", "gaps": [ { "description", "outcome", "policies", "signIn" } ] }')
    .exitOverride()
    .action((stack: string, opts: { require: string; users: string; reportOnly?: boolean; json?: boolean }) => {
      let require: GapRequirement;
      try {
        require = GapRequirement.parse(opts.require);
      } catch (e) {
        throw new BadInput(`--require: ${(e as Error).message}`);
      }
      if (!USERS.includes(opts.users)) throw new BadInput(`--users: '${opts.users}' is not one of ${USERS.join(', ')}`);
      const whatIf = loadStack(io.resolve(stack));
      for (const warning of whatIf.warnings) io.err(`warning: ${warning}\n`);
      const report = whatIf.findGaps({ require, users: opts.users as GapUsers, reportOnly: opts.reportOnly ?? false });
      if (opts.json) io.out(JSON.stringify(gapsJson(report), null, 2) + '\n');
      else io.out(formatGaps(report, whatIf.policies));
      io.exit(report.gaps.length > 0 ? EXIT_FAILED : EXIT_OK);
    });
}
