/**
 * @module cli/backtest
 * `renkou backtest --base-year 2014 --to 2024 [--db file] [--json]`: project from an earlier base
 * with only the data up to it and compare with the observed resident population in each later
 * year; prints the county's errors and the MAPE across townships (server/projection/backtest.ts).
 */
import { existsSync } from 'node:fs';
import { Database } from '../db/Database.ts';
import { isDomainError } from '../errors/domain.ts';
import { backtest, formatBacktest } from '../projection/backtest.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';
import { dbPathFrom } from './config.ts';

const year = (v: string | undefined, flag: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1900 || n > 2200) throw new UsageError(`${flag} must be a year such as 2014`);
  return n;
};

export const command: Command = {
  name: 'backtest',
  summary: 'project from an earlier base year with only the data up to it and compare with the observed population (error by township and the county, MAPE)',
  usage: 'renkou backtest --base-year <year> [--to <year>] [--db <file>] [--json]',
  async run(argv) {
    const { values } = parseCommandArgs(argv, {
      'base-year': { type: 'string' }, to: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' },
    });
    const baseYear = year(values['base-year'], '--base-year');
    if (baseYear === undefined) throw new UsageError('--base-year is required');
    const dbPath = dbPathFrom(values.db);
    if (!existsSync(dbPath)) {
      console.error(`backtest: no database at ${dbPath}; run renkou ingest first or give --db`);
      return 2;
    }
    const db = await Database.open(dbPath);
    try {
      const years = (await db.query<{ year: number }>('projection/years')).map((r) => r.year);
      const to = year(values.to, '--to') ?? years[years.length - 1] ?? baseYear + 1;
      const report = await backtest(db, { baseYear, to });
      console.log(values.json ? JSON.stringify(report) : formatBacktest(report));
      return 0;
    } catch (e) {
      if (!isDomainError(e)) throw e;
      console.error(`backtest: ${e.message}`);
      return 2;
    } finally {
      db.close();
    }
  },
};
