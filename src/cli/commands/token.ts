/** `distillwatch token create|list|revoke`: API tokens of the server (stored hashed in DATA/tokens.json). */
import type { Command } from 'commander';
import { OperatorError } from '../../core/errors.js';
import { createToken, ROLES, type Role, readTokens, revokeToken } from '../../server/tokens.js';
import { formatTable } from '../format.js';

const DEFAULT_DATA = 'distillwatch-data';

/** Registers `token`. */
export function register(program: Command): void {
  const token = program.command('token').description('Manage the API tokens of `distillwatch serve`');
  token
    .command('create')
    .description('Create a token and print it (shown once; only its hash is stored)')
    .requiredOption('--role <role>', `role: ${ROLES.join(', ')} (each includes the ones before it)`)
    .option('--data <dir>', 'data directory of the server', DEFAULT_DATA)
    .option('--note <text>', 'who or what the token is for (shown in the audit log)')
    .action((options: { role: string; data: string; note?: string }) => {
      if (!(ROLES as readonly string[]).includes(options.role)) {
        throw new OperatorError('usage', `--role must be one of ${ROLES.join(', ')}, got '${options.role}'`);
      }
      const { secret, record } = createToken(options.data, options.role as Role, options.note ?? null);
      process.stderr.write(`created ${record.role} token ${record.id} in ${options.data}\n`);
      process.stdout.write(`${secret}\n`);
    });
  token
    .command('list')
    .description('List tokens (ids, roles, notes; never secrets)')
    .option('--data <dir>', 'data directory of the server', DEFAULT_DATA)
    .action((options: { data: string }) => {
      const rows = readTokens(options.data).map((t) => [t.id, t.role, t.createdAt, t.note ?? '']);
      process.stdout.write(`${formatTable(['id', 'role', 'created', 'note'], rows)}\n`);
    });
  token
    .command('revoke')
    .description('Revoke a token by id (the server stops accepting it within a second)')
    .argument('<id>', 'token id (see token list)')
    .option('--data <dir>', 'data directory of the server', DEFAULT_DATA)
    .action((id: string, options: { data: string }) => {
      if (!revokeToken(options.data, id))
        throw new OperatorError('usage', `no token ${id} in ${options.data}`);
      process.stderr.write(`revoked token ${id}\n`);
    });
}
