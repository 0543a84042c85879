/**
 * @module assessment/run
 * The assessment of one year: the scheme in force, every township's figures in the window, the
 * scores, ranks and categories, and — from the year before under the same scheme — who was in a
 * bottom group then (two years running is marked). Answers are kept per database generation,
 * scheme file and targets, so the 考核 page and the report do not recompute them.
 */
import { statSync } from 'node:fs';
import type { AnalyticsConfig } from '../config.ts';
import type { Database } from '../db/Database.ts';
import { Lru } from '../db/lru.ts';
import type { Catalog } from '../indicators/catalog.ts';
import { targetBook } from '../targets/load.ts';
import { assessmentInputs, windowOf, type AssessmentWindow } from './inputs.ts';
import { loadScheme, schemeFileFor, type Scheme } from './scheme.ts';
import { assess, type TownshipResult } from './score.ts';
import type { Assessment } from '../../contract/assessment.ts';
export type { Assessment };

const answers = new Lru<Assessment>(16);

async function scoreYear(db: Database, scheme: Scheme, window: AssessmentWindow, data: Catalog, config: AnalyticsConfig, previousBottom: ReadonlySet<string> | null): Promise<TownshipResult[]> {
  const book = await targetBook(db, config.targets);
  return assess(scheme, await assessmentInputs(db, scheme, window, data, config, book), previousBottom);
}

export async function runAssessment(db: Database, data: Catalog, config: AnalyticsConfig, year: number, windowKind?: 'year' | 'statyear'): Promise<Assessment> {
  const file = schemeFileFor(db.path);
  const key = JSON.stringify([year, windowKind ?? null, file, statSync(file).mtimeMs, config.targets.list()]);
  return answers.get(db, key, async () => {
    const scheme = loadScheme(file);
    const kind = windowKind ?? scheme.window;
    const window = windowOf(year, kind);
    const previousYear = year - 1 >= data.firstYear ? year - 1 : null;
    const before = previousYear === null ? null : await scoreYear(db, scheme, windowOf(previousYear, kind), data, config, null);
    const previousBottom = before === null ? null : new Set(before.filter((t) => t.bottom_group).map((t) => t.township));
    return {
      scheme: { file, name: scheme.name, window: scheme.window, items: scheme.items, categories: scheme.categories, default_category: scheme.default_category },
      year, window: { kind, label: window.label, first_day: window.firstDay, last_day: window.lastDay },
      previous_year: previousYear,
      townships: await scoreYear(db, scheme, window, data, config, previousBottom),
    };
  });
}
