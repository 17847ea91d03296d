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
