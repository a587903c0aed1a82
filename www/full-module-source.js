// Where the full module comes from. On a served page it is fetched when asked for (a dynamic
// import of its glue, which fetches the .wasm beside it). The single-file build starts on the
// full module (www/first-module.js) and replaces this module with one that is never asked.

/** The full module, initialised: its glue's exports. */
export async function importFullModule() {
  const glue = await import('./pkg/gumbel_explorer.js');
  await glue.default();
  return glue;
}
