/**
 * @module cli/main
 * `renkou <command> [options]`: the command-line entry. Commands are a lookup table of lazily
 * imported modules, so `renkou project` does not load DuckDB and `renkou serve` does not load
 * the generator.
 */
import { isUsageError, type Command } from './command.ts';

const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  start: () => import('./start.ts'),
  generate: () => import('./generate.ts'),
  map: () => import('./map.ts'),
  ingest: () => import('./ingest.ts'),
  serve: () => import('./serve.ts'),
  project: () => import('./project.ts'),
  docs: () => import('./docs.ts'),
  user: () => import('./user.ts'),
  rollback: () => import('./rollback.ts'),
  backtest: () => import('./backtest.ts'),
  report: () => import('./report.ts'),
};

async function help(): Promise<void> {
  console.log('renkou 人口 — population analytics for county planners\n\nCommands:');
  for (const load of Object.values(COMMANDS)) {
    const { command } = await load();
    console.log(`  ${command.usage}\n      ${command.summary}`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    await help();
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`unknown command "${name}"; run "renkou help" for the list`);
    return 2;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`usage: ${command.usage}\n  ${command.summary}`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (!isUsageError(e)) throw e;
    console.error(`${e.message}\nusage: ${command.usage}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
