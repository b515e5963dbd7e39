/**
 * `cdktf-entra-ca import <file|dir>... [--out <file.ts>] [--name <Class>] [--adopt] [--allow-broadened] [--json]`:
 * Microsoft Graph JSON (a tenant export, templates, single objects) → a TypeScript module of the
 * library's L2 constructs. Exit 0 when everything converted as is, 1 when converted with reports (a
 * field provider 3.7.0 cannot express, a placeholder, a suppressed lint error, an object not
 * converted), 2 when an input could not be read (the module is still written for the rest).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import type * as Import from '../../graph/graph-import';
import { BadInput, CliIo, ExitCode } from '../cli-io';

interface ImportOptions {
  out?: string;
  name: string;
  adopt?: boolean;
  allowBroadened?: boolean;
  json?: boolean;
  importPath?: string;
}

/** Adds the command. */
export function registerImport(program: Command, io: CliIo): void {
  program
    .command('import')
    .description('convert Graph JSON policies and named locations into a TypeScript module of this library\'s constructs; exit 1 with reports, 2 on unreadable input')
    .argument('<paths...>', 'Graph JSON files or directories (a GET .../policies response, single objects, PowerShell SDK exports; UTF-8 or UTF-16)')
    .option('--out <file.ts>', 'write the module here (default: print it; the report goes to stderr)')
    .option('--name <ClassName>', 'name of the generated construct class', 'ImportedConditionalAccess')
    .option('--adopt', 'adopt the existing objects: each construct calls importFrom with the object\'s id (Terraform import blocks)')
    .option('--allow-broadened', 'convert policies even without a condition provider 3.7.0 cannot express (they then apply to other sign-ins)')
    .option('--import-path <module>', 'where the generated code imports the library from', 'cdktf-entra-conditional-access')
    .option('--json', 'print the report as JSON: { exitCode, summary, objects: [ { kind, source, displayName, status, findings } ], unreadable, fillIns }')
    .exitOverride()
    .action((paths: string[], opts: ImportOptions) => {
      if (!/^[A-Z][A-Za-z0-9_]*$/.test(opts.name)) {
        throw new BadInput(`--name: '${opts.name}' is not a class name; use a PascalCase identifier such as ImportedConditionalAccess`);
      }
      // Loaded here, not at CLI start: only this command needs the importer.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { GraphImport: Importer } = require('../../graph/graph-import') as typeof Import;
      const result = Importer.fromFiles(paths.map((p) => io.resolve(p)), {
        adopt: opts.adopt === true,
        allowBroadened: opts.allowBroadened === true,
        sourceRoot: io.resolve('.'),
      });
      const objects = result.namedLocations.length + result.policies.length;
      if (objects === 0) {
        const why = result.unreadable.map((f) => `${f.source}: ${f.message}`).join('\n');
        throw new BadInput(`no policy or named location could be read${why ? `:\n${why}` : ''}`);
      }
      const module = result.toTypeScript({ className: opts.name, importPath: opts.importPath });
      let written: string | undefined;
      if (opts.out) {
        written = io.resolve(opts.out);
        try {
          fs.mkdirSync(path.dirname(written), { recursive: true });
          fs.writeFileSync(written, module);
        } catch (e) {
          throw new BadInput(`--out: cannot write ${written} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        }
      }
      if (opts.json) {
        io.out(`${JSON.stringify({
          exitCode: result.exitCode,
          out: written ?? null,
          summary: summary(result),
          objects: [
            ...result.namedLocations.map((l) => ({ kind: 'namedLocation', source: l.source, displayName: l.displayName, id: l.id ?? null, status: l.status, constructId: l.constructId ?? null, findings: l.findings })),
            ...result.policies.map((p) => ({ kind: 'policy', source: p.source, displayName: p.displayName, id: p.id ?? null, status: p.status, constructId: p.constructId ?? null, findings: p.findings })),
          ],
          unreadable: result.unreadable,
          fillIns: result.fillIns,
          ...(written ? {} : { module }),
        }, null, 2)}\n`);
      } else if (written) {
        io.out(result.report());
        io.out(`wrote ${written}\n`);
      } else {
        io.out(module);
        io.err(result.report());
      }
      io.exit(result.exitCode as ExitCode);
    });
}

function summary(result: Import.GraphImport): { [key: string]: number } {
  const all = [...result.namedLocations, ...result.policies];
  return {
    policies: result.policies.length,
    namedLocations: result.namedLocations.length,
    converted: all.filter((o) => o.status === 'converted').length,
    convertedWithReports: all.filter((o) => o.status === 'convertedWithReports').length,
    notConverted: all.filter((o) => o.status === 'notConverted').length,
    unreadable: result.unreadable.length,
    fillIns: result.fillIns.length,
  };
}
