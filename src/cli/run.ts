/**
 * The `cdktf-entra-ca` command line, as a function: `runCli(argv)` returns the exit code and what would be
 * printed, so it can be tested without spawning a process. `main.ts` is the thin executable wrapper; each
 * command is a module of `commands/`.
 *
 * Exit codes: 0 success; 1 a check failed (a scenario expectation, an error finding, a gap); 2 bad input
 * (unreadable file, bad JSON, invalid sign-in or scenarios file, unknown command or option).
 */
import * as path from 'path';
import { Command, CommanderError } from 'commander';
import { BadInput, CliIo, EXIT_BAD_INPUT, EXIT_OK, ExitCode, version } from './cli-io';
import { COMMANDS } from './commands';
import { WhatIfInputError, WhatIfStackError } from '../what-if/errors';

export { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK } from './cli-io';

/** What a CLI run produced. */
export interface CliResult {
  /** 0 success, 1 a failed check, 2 bad input. */
  readonly exitCode: number;
  /** What the command printed on standard output. */
  readonly stdout: string;
  /** What the command printed on standard error (errors, stack warnings, usage). */
  readonly stderr: string;
}

/** Options for `runCli`. */
export interface CliOptions {
  /** Directory relative paths are resolved against (default: `process.cwd()`). */
  readonly cwd?: string;
}

/**
 * Runs the CLI.
 *
 * @param argv the arguments after the executable, e.g. `['what-if', 'cdktf.out/stacks/app', '--scenario', 's.json']`
 */
export function runCli(argv: string[], options: CliOptions = {}): CliResult {
  const cwd = options.cwd ?? process.cwd();
  let stdout = '';
  let stderr = '';
  let exitCode: ExitCode = EXIT_OK;
  const io: CliIo = {
    out: (s) => {
      stdout += s;
    },
    err: (s) => {
      stderr += s;
    },
    resolve: (p) => path.resolve(cwd, p),
    exit: (code) => {
      exitCode = Math.max(exitCode, code) as ExitCode;
    },
  };

  const program = new Command('cdktf-entra-ca')
    .description('Offline checks for Microsoft Entra Conditional Access policies in synthesized CDK for Terraform stacks')
    .version(version())
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run cdktf-entra-ca --help for usage)');
  for (const register of COMMANDS) register(program, io);

  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // help asked for (--help, help, --version) is a success; help shown because no command was given is not
      const asked = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help';
      exitCode = asked && argv.length > 0 ? EXIT_OK : EXIT_BAD_INPUT;
    } else if (e instanceof BadInput || e instanceof WhatIfInputError || e instanceof WhatIfStackError) {
      io.err(`error: ${e.message.split('\n').join('\nerror: ')}\n`);
      exitCode = EXIT_BAD_INPUT;
    } else {
      throw e;
    }
  }
  return { exitCode, stdout, stderr };
}
