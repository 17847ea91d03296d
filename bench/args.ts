/** Command-line options of the bench tools: `--name value` pairs taken out of argv, positionals left. */

/** Returns a taker of `--name value` options from `args` (mutated: what is taken is removed). */
export function optionTaker(args: string[]): (name: string, fallback: string) => string {
  return (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const value = args[i + 1];
    args.splice(i, 2);
    return value;
  };
}

/** Reads `--name value` options: the value, else the fallback (undefined without one). */
export interface OptionReader {
  (name: string): string | undefined;
  (name: string, fallback: string): string;
}

/** Returns a reader of `--name value` options from `args` (left as they are). */
export function optionReader(args: readonly string[]): OptionReader {
  return ((name: string, fallback?: string) => {
    const at = args.indexOf(`--${name}`);
    return at === -1 ? fallback : args[at + 1];
  }) as OptionReader;
}
