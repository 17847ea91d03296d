#!/usr/bin/env node
/** The distillwatch command line: parse, call the engine, print. All commands are listed in commands/index.ts. */
import { Command } from 'commander';
import { exitCodeOf, OperatorError } from '../core/errors.js';
import { commands } from './commands/index.js';

const program = new Command('distillwatch')
  .description('Find distillation campaigns in LLM API traffic by correlating accounts.')
  .version('0.1.0')
  .showHelpAfterError();
for (const register of commands) register(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof OperatorError ? error.message : ((error as Error)?.stack ?? String(error));
  process.stderr.write(`distillwatch: ${message}\n`);
  process.exitCode = exitCodeOf(error);
});
