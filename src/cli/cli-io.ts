/**
 * What every `cdktf-entra-ca` command shares: output, exit codes, bad-input errors and reading the
 * files commands take. Internal module.
 */
import * as fs from 'fs';
import * as path from 'path';
import { WhatIf } from '../analysis/what-if';
import { ConditionalAccessModel } from '../model/conditional-access-model';
import { WhatIfStackError } from '../what-if/errors';

/** Exit code of a successful run. */
export const EXIT_OK = 0;
/** Exit code when a check failed: a scenario expectation, an error finding, a gap, a report. */
export const EXIT_FAILED = 1;
/** Exit code for bad input. */
export const EXIT_BAD_INPUT = 2;

/** The exit codes a command sets. */
export type ExitCode = typeof EXIT_OK | typeof EXIT_FAILED | typeof EXIT_BAD_INPUT;

/** Bad input: printed to stderr, exit code 2. */
export class BadInput extends Error {}

/** Reads `--max-seconds` (`gaps` and `report`: the time the gap analysis may take). */
export function maxSecondsOption(text: string): number {
  const n = Number(text);
  if (!(n > 0) || !Number.isFinite(n)) throw new BadInput(`--max-seconds: '${text}' is not a positive number of seconds; e.g. --max-seconds 120`);
  return n;
}

/** A command's view of the run: where to print, how to resolve paths, how to set the exit code. */
export interface CliIo {
  /** Print to standard output. */
  out(text: string): void;
  /** Print to standard error. */
  err(text: string): void;
  /** A path given on the command line, resolved against the working directory. */
  resolve(p: string): string;
  /** Set the exit code (the highest one set wins). */
  exit(code: ExitCode): void;
}

/** Reads a JSON file; unreadable or invalid JSON is bad input. */
export function readJson(file: string, what: string): unknown {
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

/** Reads a synthesized stack for What-If. */
export function loadStack(stack: string): WhatIf {
  try {
    return WhatIf.fromFile(stack);
  } catch (e) {
    if (e instanceof WhatIfStackError) throw new BadInput(e.message);
    throw e;
  }
}

/** Reads a synthesized stack into the policy model. */
export function loadModel(stack: string): ConditionalAccessModel {
  try {
    return ConditionalAccessModel.fromFile(stack);
  } catch (e) {
    throw new BadInput((e as Error).message);
  }
}

/** The package version, for `--version`. */
export function version(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/** Indents every non-empty line. */
export function indentText(text: string, indent: string): string {
  return text
    .split('\n')
    .map((l) => (l ? indent + l : l))
    .join('\n');
}
