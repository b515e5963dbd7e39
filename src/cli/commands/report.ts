/**
 * `cdktf-entra-ca report <stack> [--out <file>] [--format html|md] [--require <requirement>] [--tenant <export...>]`: one self-contained
 * page (no CDN, works offline) with every policy in portal words, a matrix of users × resources × locations with
 * the outcome colour-coded, the gaps and the lint findings. Exit 0, or 2 on bad input or when the gap analysis did
 * not finish within --max-seconds (the report is still written, and says what is incomplete).
 */
import * as fs from 'fs';
import { Command } from 'commander';
import { DEFAULT_MAX_SECONDS } from '../../gaps/analysis';
import { GapRequirement } from '../../gaps/requirement';
import type * as Export from '../../graph/graph-export';
import type { TenantDiff } from '../../graph/tenant-diff';
import type * as Report from '../../report/report';
import { BadInput, CliIo, EXIT_BAD_INPUT, loadModel, maxSecondsOption } from '../cli-io';

/** Adds the command. */
export function registerReport(program: Command, io: CliIo): void {
  program
    .command('report')
    .description('write a self-contained report of the stack\'s policies: portal words, a users × resources × locations matrix, the gaps and the lint findings')
    .argument('<stack>', 'a cdk.tf.json, or a stack directory containing one (cdktf.out/stacks/<name>)')
    .option('--out <file>', 'write the report to this file (default: standard output)')
    .option('--format <format>', 'html or md', 'html')
    .option('--require <requirement>', 'the requirement the gaps and the matrix colours are about (as for gaps --require)', 'mfa')
    .option('--max-seconds <seconds>', 'stop the matrix and the gap analysis after this long; the report says what is incomplete (exit 2)', String(DEFAULT_MAX_SECONDS))
    .option('--tenant <exports...>', 'the tenant\'s Graph JSON, as for diff: the report adds what deploying the stack changes in it')
    .exitOverride()
    .action((stack: string, opts: { out?: string; format: string; require: string; maxSeconds: string; tenant?: string[] }) => {
      if (opts.format !== 'html' && opts.format !== 'md') throw new BadInput(`--format: '${opts.format}' is not html or md`);
      let requirement: GapRequirement;
      try {
        requirement = GapRequirement.parse(opts.require);
      } catch (e) {
        throw new BadInput(`--require: ${(e as Error).message}`);
      }
      const maxSeconds = maxSecondsOption(opts.maxSeconds);
      const model = loadModel(io.resolve(stack));
      let tenantDiff: TenantDiff | undefined;
      if (opts.tenant) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { GraphExport: Exporter } = require('../../graph/graph-export') as typeof Export;
        try {
          // from the file, not the model: the import blocks (adopted ids) are not part of the model
          tenantDiff = Exporter.fromFile(io.resolve(stack)).diffFiles(opts.tenant.map((p) => io.resolve(p)));
        } catch (e) {
          throw new BadInput(`--tenant: ${(e as Error).message}`);
        }
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const report = require('../../report/report') as typeof Report;
      const data = report.buildReport(model, { require: requirement, maxSeconds, tenantDiff });
      const text = opts.format === 'md' ? report.renderMarkdown(data) : report.renderHtml(data);
      if (opts.out) {
        const file = io.resolve(opts.out);
        try {
          fs.writeFileSync(file, text);
        } catch (e) {
          throw new BadInput(`${file}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the path`);
        }
        io.out(`${file}: ${data.counts.total} policies, ${data.gaps.gaps.length} gaps for ${requirement.value}, ${data.findings.length} lint findings\n`);
      } else {
        io.out(text);
      }
      if (!data.gaps.complete || !data.matrix.complete) {
        io.err(`report: incomplete: ${data.gaps.incomplete ?? 'the matrix ran out of time'}\n`);
        io.exit(EXIT_BAD_INPUT);
      }
    });
}
