/**
 * @module disclosure/pattern
 * The suppression pattern of one township: every published cell of every family in one lattice
 * (disclosure/lattice.ts) — so a relation between families, such as the in-migrants at 31 Dec in
 * the stock and in the population, is protected too — suppressed at the threshold. It depends only
 * on the data and the threshold, never on the question asked, so no two answers can be played off
 * against each other. Periods no lattice lists — a year to date, rolling 12 months, a range of
 * months, a statistical half-year — are shown only where published periods give them anyway.
 * Kept per database generation for the townships asked about last: 64, or a whole account's if more.
 *
 * @example
 * const pattern = await suppressionPattern(db, '999901101', 5);
 * pattern.hides(cellKey('births', '999901101', '2024YTD06', { R: 'registered' }));
 */
import type { Database } from '../db/Database.ts';
import { Lru } from '../db/lru.ts';
import type { JobRunner } from '../workers/jobs.ts';
import { calendar, spanMonths, type Calendar } from './calendar.ts';
import { addBirths } from './families/births.ts';
import { addDeaths } from './families/deaths.ts';
import { addMarriages } from './families/marriages.ts';
import { addMigrants } from './families/migrants.ts';
import { addPopulation } from './families/population.ts';
import { auditCore } from './coreAudit.ts';
import { Lattice, sliceName } from './lattice.ts';

/** A pattern as plain data (what a worker thread sends back). */
export interface PatternData {
  readonly hidden: string[];
  readonly joined: Record<string, number[]>;
}

export class Pattern {
  private readonly hidden: ReadonlySet<string>;
  private readonly joined: ReadonlyMap<string, ArrayLike<number>>;

  constructor(data: PatternData | { hidden: ReadonlySet<string>; joined: ReadonlyMap<string, ArrayLike<number>> }, private readonly cal: Calendar) {
    this.hidden = data.hidden instanceof Set ? data.hidden : new Set(data.hidden as string[]);
    this.joined = data.joined instanceof Map ? data.joined : new Map(Object.entries(data.joined as Record<string, number[]>));
  }

  /** True when an answer must not show this cell. */
  hides(key: string): boolean {
    if (this.hidden.has(key)) return true;
    const period = key.split('/')[2]!;
    if (this.cal.byLabel.has(period) || /^E\d{4}-\d{2}$/.test(period) || /^\d{4}$/.test(period)) return false;
    // A span no lattice lists: shown only when published periods join its two ends.
    const months = spanMonths(period);
    const roots = this.joined.get(sliceName(key));
    if (!months || !roots) return true;
    const from = this.cal.monthIndex.get(months[0]);
    const last = this.cal.monthIndex.get(months[1]);
    if (from === undefined || last === undefined) return true;
    return roots[from] !== roots[last + 1];
  }

  get size(): number {
    return this.hidden.size;
  }
}

const patterns = new Lru<Pattern>(64);

/** Keeps room for at least `townships` patterns (an account's all): fewer would recompute them on every answer. */
export function reservePatterns(townships: number): void {
  patterns.reserve(townships);
}

/** Builds the lattice of one township (exported for tests and the report sandbox). */
export async function townshipLattice(db: Database, township: string): Promise<Lattice> {
  const cal = await calendar(db);
  const lattice = new Lattice();
  await addPopulation(lattice, db, township);
  await addBirths(lattice, db, cal, township);
  await addMarriages(lattice, db, cal, township);
  await addMigrants(lattice, db, cal, township);
  await addDeaths(lattice, db, township);
  return lattice;
}

/** The lattice of one township suppressed at `threshold`, with the exact audit of its core birth cells. */
async function suppressed(db: Database, township: string, threshold: number): Promise<ReturnType<Lattice['suppress']>> {
  const [cal, lattice] = await Promise.all([calendar(db), townshipLattice(db, township)]);
  return lattice.suppress(threshold, undefined, (hidden) => auditCore(cal, township, hidden, (key) => lattice.count(key)));
}

/** The pattern of one township as plain data (the worker job). */
export async function patternData(db: Database, township: string, threshold: number): Promise<PatternData> {
  const { hidden, joined } = await suppressed(db, township, threshold);
  return { hidden: [...hidden], joined: Object.fromEntries([...joined].map(([k, v]) => [k, Array.from(v)])) };
}

/**
 * The cells of `township` that answers must not show, at `threshold` events. Computing one takes
 * about a second of CPU for a township of the demo county, so a server computes it on a worker
 * thread (`jobs`); without one it is computed here.
 */
export function suppressionPattern(db: Database, township: string, threshold: number, jobs?: JobRunner): Promise<Pattern> {
  return patterns.get(db, `${township}|${threshold}`, async () => {
    const cal = await calendar(db);
    if (jobs) return new Pattern(await jobs.run({ kind: 'pattern', township, threshold }), cal);
    return new Pattern(await suppressed(db, township, threshold), cal);
  });
}
