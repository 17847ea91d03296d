/**
 * Exceptions are for the operator (bad config, unreadable file, unreachable store), never for
 * findings. Each carries its exit code and HTTP status, mapped here and nowhere else.
 */
export type OperatorErrorKind = 'usage' | 'config' | 'input' | 'store' | 'internal';

const EXIT_CODES: Record<OperatorErrorKind, number> = {
  usage: 2,
  config: 3,
  input: 4,
  store: 5,
  internal: 70,
};
const HTTP_STATUSES: Record<OperatorErrorKind, number> = {
  usage: 400,
  config: 500,
  input: 400,
  store: 503,
  internal: 500,
};

/** An error the operator must act on. */
export class OperatorError extends Error {
  constructor(
    readonly kind: OperatorErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'OperatorError';
  }

  get exitCode(): number {
    return EXIT_CODES[this.kind];
  }

  get httpStatus(): number {
    return HTTP_STATUSES[this.kind];
  }
}

/** Exit code for any thrown value. */
export function exitCodeOf(error: unknown): number {
  return error instanceof OperatorError ? error.exitCode : EXIT_CODES.internal;
}
