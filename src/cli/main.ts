#!/usr/bin/env node
// The `cdktf-entra-ca` executable: a thin wrapper around runCli (see run.ts for commands and exit codes).
import { runCli } from './run';

const result = runCli(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
