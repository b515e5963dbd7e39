/**
 * `cdktf-entra-ca export <stack dir | cdk.tf.json> [--out <dir>] [--json]`: a synthesized stack's
 * policies and named locations (and custom authentication strengths) as Microsoft Graph v1.0 JSON,
 * one file per object plus `value.json`; values only known at apply time stay as `${...}` references
 * and are listed (and written to `references.json`). Exit 0, or 2 on unreadable input.
 */
import { Command } from 'commander';
import type * as Export from '../../graph/graph-export';
import { BadInput, CliIo } from '../cli-io';

/** Adds the command. */
export function registerExport(program: Command, io: CliIo): void {
  program
    .command('export')
    .description('write a synthesized stack\'s policies and named locations as Graph v1.0 JSON (one file per object plus value.json)')
    .argument('<stack>', 'a cdk.tf.json or a stack directory (cdktf.out/stacks/<name>)')
    .option('--out <dir>', 'write the files below this directory (default: print the value list)')
    .option('--json', 'print { value, references, warnings, written } as JSON')
    .exitOverride()
    .action((stack: string, opts: { out?: string; json?: boolean }) => {
      // Loaded here, not at CLI start: only this command needs the exporter.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { GraphExport: Exporter } = require('../../graph/graph-export') as typeof Export;
      let exported: Export.GraphExport;
      try {
        exported = Exporter.fromFile(io.resolve(stack));
      } catch (e) {
        throw new BadInput((e as Error).message);
      }
      let written: string[] = [];
      if (opts.out) {
        try {
          written = exported.writeTo(io.resolve(opts.out));
        } catch (e) {
          throw new BadInput(`--out: cannot write below ${io.resolve(opts.out)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        }
      }
      if (opts.json) {
        io.out(`${JSON.stringify({ ...exported.value(), references: exported.references, warnings: exported.warnings, written }, null, 2)}\n`);
        return;
      }
      const report = (print: (s: string) => void): void => {
        const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
        print(`${exported.source}: ${count(exported.policies.length, 'policy').replace('policys', 'policies')}, ${count(exported.namedLocations.length, 'named location')}, ${count(exported.authenticationStrengths.length, 'custom authentication strength')}\n`);
        if (exported.references.length > 0) {
          print(`${count(exported.references.length, 'value')} only known at apply time (left as references):\n`);
          for (const r of exported.references) {
            print(`  "${r.displayName}" ${r.path} = ${r.value}${r.targetName ? ` (${r.targetName})` : ''}\n`);
          }
        }
        for (const w of exported.warnings) print(`warning: ${w}\n`);
      };
      if (opts.out) {
        report(io.out);
        io.out(`wrote ${written.length} files below ${io.resolve(opts.out)}\n`);
      } else {
        io.out(`${JSON.stringify(exported.value(), null, 2)}\n`);
        report(io.err);
      }
    });
}
