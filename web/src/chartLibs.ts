/**
 * @module chartLibs
 * Vega, Vega-Lite, vega-embed and Vega's expression interpreter in one place, imported only with
 * `import()` (embed.ts, chartExport.ts): the build makes them one chunk (`chartLibs-*.js`, most of
 * the app's weight) that a page loads with its first chart, never with the shell.
 */
export { default as embed, vega, vegaLite } from 'vega-embed';
export { expressionInterpreter } from 'vega-interpreter';
