/** Every CLI command, one line each. A command module exports a function that registers it. */
import type { Command } from 'commander';
import { register as baselineCommand } from './baseline.js';
import { register as enrichCommand } from './enrich.js';
import { register as evalCommand } from './eval.js';
import { register as fingerprintCommand } from './fingerprint.js';
import { register as residencyCommand } from './residency.js';
import { register as scanCommand } from './scan.js';
import { register as serveCommand } from './serve.js';
import { register as simulateCommand } from './simulate.js';
import { register as tokenCommand } from './token.js';

/** Registers one command on the program. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  fingerprintCommand,
  enrichCommand,
  residencyCommand,
  simulateCommand,
  evalCommand,
  baselineCommand,
  scanCommand,
  serveCommand,
  tokenCommand,
];
