/**
 * @module test/demography/ccmppInputs
 * Engine inputs from the UN ccmppWPP single-year test data (1950 base, 70 annual steps):
 * life-table Sx, ASFR, SRB and net migration counts (timing `end`) as stored in refdata.
 */
import { scheduleFromRows } from '../../server/demography/schedule.ts';
import type { ProjectionInputs, Sex } from '../../server/demography/types.ts';
import { num, readCsv } from './refdata.ts';

const A = 101;
const START = 1950;
export const CCMPP_STEPS = 70;

/** Rows by year (1950..2019) of a by-age indicator, optionally filtered by sex and indicator. */
function byYearAge(file: string, keep: (r: Record<string, string>) => boolean, yearCol = 'time_start'): Float64Array[] {
  const rows = Array.from({ length: CCMPP_STEPS }, () => new Float64Array(A));
  for (const r of readCsv(file)) {
    if (!keep(r)) continue;
    const t = num(r, yearCol) - START;
    if (t >= 0 && t < CCMPP_STEPS) rows[t]![num(r, 'age_start')] = num(r, 'value');
  }
  return rows;
}

/** The lifetable file's column for one sex: one row per year 1950..2019. */
export function lifetableColumn(country: string, indicator: string, sex: Sex): Float64Array[] {
  return byYearAge(`ccmppWPP_${country}_1x1_lifetable.csv`, (r) => r.indicator === indicator && r.sex === sex);
}

/** Inputs as ccmppWPP used them, migration multiplied by `migrationScale`. */
export function ccmppInputs(country: string, migrationScale = 1): ProjectionInputs {
  const f = (k: string) => `ccmppWPP_${country}_1x1_${k}.csv`;
  const base = (sex: Sex) => {
    const p = new Float64Array(A);
    for (const r of readCsv(f('base_pop_1950'))) if (r.sex === sex) p[num(r, 'age_start')] = num(r, 'value');
    return p;
  };
  const mig = (sex: Sex) =>
    scheduleFromRows(byYearAge(f('mig_net_count'), (r) => r.sex === sex).map((row) => row.map((v) => v * migrationScale)));
  const srb = readCsv(f('srb_migparams'))
    .filter((r) => num(r, 'time_start') - START < CCMPP_STEPS)
    .sort((a, b) => num(a, 'time_start') - num(b, 'time_start'))
    .map((r) => [num(r, 'srb')]);
  return {
    ageWidth: 1,
    ageGroups: A,
    steps: CCMPP_STEPS,
    population: { male: base('male'), female: base('female') },
    survival: {
      male: scheduleFromRows(lifetableColumn(country, 'lt_Sx', 'male')),
      female: scheduleFromRows(lifetableColumn(country, 'lt_Sx', 'female')),
    },
    asfr: scheduleFromRows(byYearAge(f('asfr'), () => true)),
    srb: scheduleFromRows(srb),
    migration: { male: mig('male'), female: mig('female'), timing: 'end' },
  };
}
