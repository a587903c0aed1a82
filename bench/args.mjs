// The benchmarks' command lines, read one way: `--name value` or `--name=value` for each option
// of a defaults object (`--kernel-reps` sets `kernelReps`), the value typed like the default
// (a number, a comma-separated list, else text); any other argument is refused.

const camel = (flag) => flag.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/** The options `defaults` with what `argv` (the arguments after the script's name) sets. */
export function parseArgs(argv, defaults) {
  const opts = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const name = flag.startsWith('--') ? camel(flag.slice(2)) : null;
    if (!name || !Object.hasOwn(defaults, name)) throw new Error(`unknown argument ${argv[i]}`);
    const value = inline ?? argv[++i];
    const given = defaults[name];
    if (typeof given === 'number') opts[name] = Number(value);
    else if (Array.isArray(given)) opts[name] = value.split(',').map((s) => s.trim()).filter(Boolean);
    else opts[name] = value;
  }
  return opts;
}
