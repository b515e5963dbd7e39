/**
 * `cdktf-entra-ca diff <stack> <tenant export...> [--state <file>] [--json]`: what applying the stack would
 * change in the tenant, per policy and named location, in portal words. Exit 0 when nothing changes, 1 when
 * something does, 2 on input that cannot be read or compared (nothing is written in any case).
 */
import { Command } from 'commander';
import type * as Export from '../../graph/graph-export';
import type { TenantDiff } from '../../graph/tenant-diff';
import { BadInput, CliIo, EXIT_FAILED, EXIT_OK } from '../cli-io';
import { readStateIds } from '../terraform-state';

/** Adds the command. */
export function registerDiff(program: Command, io: CliIo): void {
  program
    .command('diff')
    .description('what applying the stack would change in the tenant, per policy and named location, in portal words; exit 1 if anything changes')
    .argument('<stack>', 'a cdk.tf.json, or a stack directory containing one (cdktf.out/stacks/<name>)')
    .argument('<exports...>', 'the tenant\'s Graph JSON: files or directories (a GET .../policies response, single objects, PowerShell SDK exports; UTF-8 or UTF-16)')
    .option('--state <file>', 'the Terraform state (terraform state pull, or terraform show -json): match by its ids, and show objects it manages that the stack no longer has as deleted')
    .option('--json', 'print { hasChanges, counts, objects: [ { kind, change, displayName, address, id, matchedBy, stateChange, changes: [ { field, added, removed, before, after, text } ] } ], warnings }')
    .exitOverride()
    .action((stack: string, exports: string[], opts: { state?: string; json?: boolean }) => {
      // Loaded here, not at CLI start: only this command needs the exporter.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { GraphExport: Exporter } = require('../../graph/graph-export') as typeof Export;
      const stateIds = opts.state ? readStateIds(io.resolve(opts.state)) : undefined;
      let diff: TenantDiff;
      try {
        diff = Exporter.fromFile(io.resolve(stack)).diffFiles(exports.map((p) => io.resolve(p)), { stateIds });
      } catch (e) {
        throw new BadInput((e as Error).message);
      }
      io.out(opts.json ? `${JSON.stringify(diff.toJson(), null, 2)}\n` : diff.toText());
      io.exit(diff.hasChanges ? EXIT_FAILED : EXIT_OK);
    });
}
