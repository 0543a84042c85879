/**
 * @module workers/jobs
 * The heavy work of a request — a projection (probabilistic ones run thousands of draws), the
 * assumptions and backtest of a projection, a planning table (one projection per scenario), a
 * report render, a township's small-cell suppression pattern — as plain-data jobs, so that it can
 * run on a worker thread (workers/pool.ts) and never on the thread that answers everyone else.
 * `runJob` is the one implementation: the pool's workers call it, and `inlineJobs` calls it on
 * the calling thread (tests, the CLI).
 *
 * @example
 * const answer = await jobs.run({ kind: 'projection', req, baseYear, area: null });
 */
import type { Principal } from '../auth/principal.ts';
import type { AnalyticsConfig } from '../config.ts';
import { TargetEdits } from '../targets/edits.ts';
import type { Target } from '../targets/book.ts';
import type { Database } from '../db/Database.ts';
import { loadNotebook } from '../notebooks/library.ts';
import { renderNotebook, type RenderedReport } from '../notebooks/run.ts';
import { drawMap, type MapJob } from './mapDrawing.ts';
import { patternData, type PatternData } from '../disclosure/pattern.ts';
import { unitAssumptionsOf } from '../projection/assumptionsOf.ts';
import { backtest, type BacktestReport } from '../projection/backtest.ts';
import { assumptionsSummary, type AssumptionsSummary } from '../projection/output.ts';
import { runProjection, type ProjectionAnswer } from '../projection/project.ts';
import type { ProjectionRequest } from '../projection/request.ts';
import { planningTable, type PlanningTable, type PlanningTableRequest } from '../projection/planningTable.ts';

/** A rendered report without its in-memory results (what a route answers). */
export type ReportAnswer = Omit<RenderedReport, 'results'>;

export type Job =
  | { readonly kind: 'projection'; readonly req: ProjectionRequest; readonly baseYear: number; readonly area: readonly string[] | null }
  | { readonly kind: 'assumptions'; readonly scope: string; readonly name: string; readonly baseYear: number; readonly area: readonly string[] | null }
  | { readonly kind: 'backtest'; readonly baseYear: number; readonly to: number }
  | { readonly kind: 'planningTable'; readonly req: PlanningTableRequest; readonly area: readonly string[] | null }
  | { readonly kind: 'report'; readonly notebookDir: string; readonly name: string; readonly params: Readonly<Record<string, string>>; readonly who: Principal; readonly config: ConfigData }
  | { readonly kind: 'pattern'; readonly township: string; readonly threshold: number }
  | ({ readonly kind: 'map' } & MapJob);

export interface JobResults {
  projection: ProjectionAnswer;
  assumptions: AssumptionsSummary;
  backtest: BacktestReport;
  planningTable: PlanningTable;
  report: ReportAnswer;
  /** The suppression pattern of one township (disclosure/pattern.ts). */
  pattern: PatternData;
  /** The overview's map as SVG (workers/mapDrawing.ts: 1,500 polygons are 50–150 ms of Vega). */
  map: string;
}

export type JobResult<J extends Job> = JobResults[J['kind']];

/** The analytics settings as plain data (a worker thread gets data, not objects with methods). */
export interface ConfigData {
  readonly smallCell: number;
  readonly suppressSmall: boolean;
  readonly targetsFile: string | null;
  /** Target edits kept in memory (no file: tests, tools). */
  readonly edits: readonly Target[];
}

export function configData(config: AnalyticsConfig): ConfigData {
  return { smallCell: config.smallCell, suppressSmall: config.suppressSmall, targetsFile: config.targets.file, edits: config.targets.file === null ? config.targets.list() : [] };
}

function configFrom(data: ConfigData): AnalyticsConfig {
  const targets = new TargetEdits(data.targetsFile);
  for (const t of data.edits) targets.set(t, t.by ?? '', t.at ?? undefined);
  return { smallCell: data.smallCell, suppressSmall: data.suppressSmall, targets };
}

/** Where jobs run: a pool of worker threads, or the calling thread. */
export interface JobRunner {
  run<J extends Job>(job: J): Promise<JobResult<J>>;
  close(): Promise<void>;
}

export async function runJob(db: Database, job: Job): Promise<JobResults[Job['kind']]> {
  switch (job.kind) {
    case 'projection':
      return runProjection(db, job.req, job.baseYear, job.area);
    case 'assumptions':
      return assumptionsSummary(await unitAssumptionsOf(db, job.scope, job.baseYear, job.area), job.name);
    case 'backtest':
      return backtest(db, { baseYear: job.baseYear, to: job.to });
    case 'planningTable':
      return planningTable(db, job.req, job.area);
    case 'report': {
      const { results: _results, ...report } = await renderNotebook(loadNotebook(job.name, job.notebookDir), job.params, { db, config: configFrom(job.config), who: job.who });
      return report;
    }
    case 'pattern':
      return patternData(db, job.township, job.threshold);
    case 'map':
      return drawMap(db, job);
  }
}

/** Runs jobs on the calling thread, with the caller's database. */
export function inlineJobs(db: Database): JobRunner {
  return {
    run: <J extends Job>(job: J) => runJob(db, job) as Promise<JobResult<J>>,
    close: async () => {},
  };
}
