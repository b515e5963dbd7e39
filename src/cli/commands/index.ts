/* eslint-disable @stylistic/max-len */
/**
 * The commands of `cdktf-entra-ca`, in the order `--help` lists them. Each module adds one command.
 */
import { Command } from 'commander';
import { registerDiff } from './diff';
import { registerExport } from './export';
import { registerGaps } from './gaps';
import { registerImport } from './import';
import { registerLint } from './lint';
import { registerReport } from './report';
import { registerTest } from './test-command';
import { registerWhatIf } from './what-if';
import { CliIo } from '../cli-io';

/** Adds one command to the program. */
export type RegisterCommand = (program: Command, io: CliIo) => void;

/** Every command. */
export const COMMANDS: readonly RegisterCommand[] = [registerWhatIf, registerTest, registerLint, registerImport, registerExport, registerDiff, registerGaps, registerReport];
