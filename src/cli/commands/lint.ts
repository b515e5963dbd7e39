/* eslint-disable @stylistic/max-len */
/**
 * `cdktf-entra-ca lint <stack dir | cdk.tf.json>... [--json]`: the lint rules over synthesized stacks,
 * including stacks not built with this library's constructs. Suppressions recorded at synth are
 * honoured. Exit 0 without error findings, 1 with one, 2 on unreadable input.
 */
import { Command } from 'commander';
import { ConditionalAccessRules } from '../../rules/conditional-access-rules';
import { RuleFinding, RuleSeverity } from '../../rules/rule';
import { CliIo, EXIT_FAILED, loadModel } from '../cli-io';

/** Adds the command. */
export function registerLint(program: Command, io: CliIo): void {
  program
    .command('lint')
    .description('run the lint rules over synthesized stacks (any stack of azuread_* resources); exit 1 on an error finding')
    .argument('<stacks...>', 'cdk.tf.json files or stack directories (cdktf.out/stacks/<name>)')
    .option('--json', 'print { "findings": [ { "rule", "severity", "address", "displayName", "message", "fix" } ] }')
    .exitOverride()
    .action((stacks: string[], opts: { json?: boolean }) => {
      // Read every stack first: one unreadable input is bad input for the whole run.
      const models = stacks.map((s) => loadModel(io.resolve(s)));
      const findings: Array<RuleFinding & { stack: string }> = models.flatMap((m) => ConditionalAccessRules.lint(m).map((f) => ({ ...f, stack: m.source })));
      if (opts.json) {
        io.out(JSON.stringify({
          findings: findings.map((f) => ({
            stack: f.stack,
            rule: f.ruleId,
            severity: f.severity,
            address: f.address ?? null,
            path: f.path,
            displayName: f.displayName ?? null,
            message: f.message,
            fix: f.fix,
          })),
        }, null, 2) + '\n');
      } else {
        for (const m of models) {
          const own = findings.filter((f) => f.stack === m.source);
          io.out(`${m.source}: ${m.policies.length} polic${m.policies.length === 1 ? 'y' : 'ies'}, ${own.length} finding${own.length === 1 ? '' : 's'}\n`);
          for (const f of own) {
            io.out(`  ${f.severity === RuleSeverity.ERROR ? 'error  ' : 'warning'} ${f.ruleId} ${f.address ?? f.path}\n           ${f.message}\n           fix: ${f.fix}\n`);
          }
        }
        const errors = findings.filter((f) => f.severity === RuleSeverity.ERROR).length;
        io.out(`${findings.length} finding${findings.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} warning${findings.length - errors === 1 ? '' : 's'}\n`);
      }
      if (findings.some((f) => f.severity === RuleSeverity.ERROR)) io.exit(EXIT_FAILED);
    });
}
