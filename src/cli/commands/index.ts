/**
 * The commands of `cdktf-entra-ca`, in the order `--help` lists them. Each module adds one command.
 */
import { Command } from 'commander';
import { registerLint } from './lint';
import { registerTest } from './test';
import { registerWhatIf } from './what-if';
import { CliIo } from '../cli-io';

/** Adds one command to the program. */
export type RegisterCommand = (program: Command, io: CliIo) => void;

/** Every command. */
export const COMMANDS: readonly RegisterCommand[] = [registerWhatIf, registerTest, registerLint];
