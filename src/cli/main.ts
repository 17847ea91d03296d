#!/usr/bin/env node
/** The distillwatch command line: parse, call the engine, print. All commands are listed in commands/index.ts. */
import { Command } from 'commander';
import { exitCodeOf, OperatorError } from '../core/errors.js';
import { commands } from './commands/index.js';
import { runWithHeapCap } from './heap.js';

const program = new Command('distillwatch')
  .description('Find distillation campaigns in LLM API traffic by correlating accounts.')
  .version('0.1.0')
  .showHelpAfterError();
for (const register of commands) register(program);

// A long scan runs again with a heap cap sized to the machine (heap.ts); -1: it could not.
const rerun = runWithHeapCap(process.argv.slice(2));
const rerunCode = rerun === null ? -1 : await rerun;
if (rerunCode >= 0) process.exitCode = rerunCode;
else
  program.parseAsync(process.argv).catch((error: unknown) => {
    const message =
      error instanceof OperatorError ? error.message : ((error as Error)?.stack ?? String(error));
    process.stderr.write(`distillwatch: ${message}\n`);
    process.exitCode = exitCodeOf(error);
  });
