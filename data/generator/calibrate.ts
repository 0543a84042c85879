/**
 * @module generator/calibrate
 * Fits the generator's embedded schedules to the published figures in test/fixtures/refdata (copies of the project's shared refdata) and
 * prints them, ready to paste into schedules.ts. Run: `npx tsx data/generator/calibrate.ts
 * [refdataDir]`. The generator itself never reads refdata; test/generator-calibration.test.ts
 * checks that the embedded numbers still reproduce refdata.
 *
 * Fits:
 * - base age structure: WPP2019 China 2000 population by 5-year group and sex, as shares;
 * - ASFR age shape: shifted gamma (mean, sd) by least squares on the 5-year shares of
 *   WPP2019 pasfr (periods 2000-2005 … 2015-2020) and WPP2024 pasfr (2020, 2023);
 * - mortality: per sex, m0 and a Siler hazard fitted by least squares on log mx (ages 1..100+)
 *   of WPP2019 China, periods 2000-2005 and 2015-2020.
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asfrShape, e0FromMx, groupShares, nelderMead, silerHazard, type Siler } from './fit.ts';

export const DEFAULT_REFDATA = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../test/fixtures/refdata');

type Row = Record<string, string>;

export function readCsv(path: string): Row[] {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const head = lines[0]!.split(',');
  return lines.slice(1).map((l) => {
    const cells = l.split(',');
    const r: Row = {};
    head.forEach((h, i) => { r[h] = cells[i] ?? ''; });
    return r;
  });
}

export interface RefData {
  /** WPP2019 China 2000, thousands, by sex then 21 groups 0-4..95-99,100+. */
  readonly pop2000: { male: number[]; female: number[] };
  /** pasfr shares (sum 1) of 15-19..45-49 keyed by a label and a mid-year. */
  readonly pasfr: { label: string; year: number; shares: number[] }[];
  /** WPP2019 China abridged mx by period start and sex: ages 0,1,5,…,100. */
  readonly mx: { period: number; sex: 'male' | 'female'; ages: number[]; mx: number[] }[];
  /** WPP2019 e0 by period start and sex. */
  readonly e0: { period: number; male: number; female: number }[];
  /** WPP2024 China SRB by year. */
  readonly srb: Map<number, number>;
}

export function refdataPresent(dir = DEFAULT_REFDATA): boolean {
  return existsSync(resolve(dir, 'wpp2019_pop_by5age_sex.csv'));
}

export function loadRefData(dir = DEFAULT_REFDATA): RefData {
  const china = (r: Row) => r['country_code'] === '156';
  const pop = readCsv(resolve(dir, 'wpp2019_pop_by5age_sex.csv')).filter((r) => china(r) && r['year'] === '2000' && r['variant'] === 'estimate');
  const bySex = (s: string) => pop.filter((r) => r['sex'] === s).sort((a, b) => Number(a['age_start']) - Number(b['age_start'])).map((r) => Number(r['pop_thousands']));
  const pasfr: RefData['pasfr'] = [];
  const p19 = readCsv(resolve(dir, 'wpp2019_pasfr.csv')).filter(china);
  for (const start of [2000, 2005, 2010, 2015]) {
    const rows = p19.filter((r) => Number(r['period_start']) === start).sort((a, b) => Number(a['age_start']) - Number(b['age_start']));
    const v = rows.map((r) => Number(r['pasfr_percent']));
    const t = v.reduce((a, b) => a + b, 0);
    pasfr.push({ label: `WPP2019 ${start}-${start + 5}`, year: start + 2.5, shares: v.map((x) => x / t) });
  }
  const p24 = readCsv(resolve(dir, 'wpp2024_pasfr_by5age_annual.csv')).filter(china);
  for (const year of [2020, 2023]) {
    const rows = p24.filter((r) => Number(r['year']) === year && Number(r['age_start']) >= 15 && Number(r['age_start']) <= 45)
      .sort((a, b) => Number(a['age_start']) - Number(b['age_start']));
    const v = rows.map((r) => Number(r['pasfr_percent']));
    const t = v.reduce((a, b) => a + b, 0);
    pasfr.push({ label: `WPP2024 ${year}`, year: year + 0.5, shares: v.map((x) => x / t) });
  }
  const mxRows = readCsv(resolve(dir, 'wpp2019_mx_abridged.csv')).filter(china);
  const mx: RefData['mx'] = [];
  for (const period of [2000, 2015]) {
    for (const sex of ['male', 'female'] as const) {
      const rows = mxRows.filter((r) => Number(r['period_start']) === period && r['sex'] === sex).sort((a, b) => Number(a['age_start']) - Number(b['age_start']));
      mx.push({ period, sex, ages: rows.map((r) => Number(r['age_start'])), mx: rows.map((r) => Number(r['mx'])) });
    }
  }
  const e0 = readCsv(resolve(dir, 'wpp2019_period_series.csv')).filter(china)
    .map((r) => ({ period: Number(r['period_start']), male: Number(r['e0M_estimate']), female: Number(r['e0F_estimate']) }))
    .filter((r) => r.period >= 2000 && r.period <= 2015);
  const srb = new Map<number, number>();
  for (const r of readCsv(resolve(dir, 'wpp2024_annual_series.csv')).filter(china)) {
    if (r['srb_m_per_f']) srb.set(Number(r['year']), Number(r['srb_m_per_f']));
  }
  return { pop2000: { male: bySex('male'), female: bySex('female') }, pasfr, mx, e0, srb };
}

export function fitAsfr(shares: readonly number[]): { mean: number; sd: number; origin: number } {
  const loss = ([m, s, o]: number[]) => {
    if (m! < 18 || s! < 2 || s! > 12 || o! < 5 || o! > 17 || m! - o! < 3) return 1e9;
    const g = groupShares(asfrShape(m!, s!, o!));
    return g.reduce((acc, v, i) => acc + (v - shares[i]!) ** 2, 0);
  };
  let x = [27, 5, 13];
  for (let r = 0; r < 4; r++) x = nelderMead(loss, x, [1, 0.5, 1]);
  return { mean: x[0]!, sd: x[1]!, origin: x[2]! };
}

/** Representative age of each abridged group for fitting: 1-4 → 2.5, 5-9 → 7.5, …, 100+ → 102. */
export function groupMid(ageStart: number): number {
  if (ageStart === 1) return 2.5;
  if (ageStart >= 100) return 102;
  return ageStart + 2.5;
}

export function fitSiler(ages: readonly number[], mx: readonly number[]): Siler {
  const pts = ages.map((a, i) => [a, mx[i]!] as const).filter(([a]) => a >= 1);
  const toP = (x: number[]): Siler => ({ a1: Math.exp(x[0]!), b1: Math.exp(x[1]!), a2: Math.exp(x[2]!), a3: Math.exp(x[3]!), b3: Math.exp(x[4]!) });
  const loss = (x: number[]) => {
    const p = toP(x);
    let s = 0;
    for (const [a, m] of pts) s += (Math.log(silerHazard(p, groupMid(a))) - Math.log(m)) ** 2;
    return s;
  };
  let x = [Math.log(0.003), Math.log(0.3), Math.log(0.0003), Math.log(3e-5), Math.log(0.09)];
  for (let r = 0; r < 6; r++) x = nelderMead(loss, x, [0.5, 0.3, 0.5, 0.5, 0.1], 6000);
  return toP(x);
}

export interface Calibration {
  readonly agePermille: { male: number[]; female: number[] };
  readonly asfrKnots: { label: string; year: number; mean: number; sd: number; origin: number }[];
  readonly mortality: { period: number; sex: 'male' | 'female'; m0: number; siler: Siler; e0: number }[];
}

/** Single-age mx 0..100 from m0 and a Siler hazard (rate at a + 0.5; 100+ at 102). */
export function singleAgeMx(m0: number, p: Siler): Float64Array {
  const mx = new Float64Array(101);
  mx[0] = m0;
  for (let a = 1; a < 100; a++) mx[a] = silerHazard(p, a + 0.5);
  mx[100] = silerHazard(p, 102);
  return mx;
}

export function calibrate(ref: RefData): Calibration {
  const total = [...ref.pop2000.male, ...ref.pop2000.female].reduce((a, b) => a + b, 0);
  const pm = (v: number[]) => v.map((x) => Math.round((x / total) * 1e6) / 1000);
  const asfrKnots = ref.pasfr.map((p) => ({ label: p.label, year: p.year, ...fitAsfr(p.shares) }));
  const mortality = ref.mx.map((m) => {
    const siler = fitSiler(m.ages, m.mx);
    const m0 = m.mx[0]!;
    return { period: m.period, sex: m.sex, m0, siler, e0: e0FromMx(singleAgeMx(m0, siler)) };
  });
  return { agePermille: { male: pm(ref.pop2000.male), female: pm(ref.pop2000.female) }, asfrKnots, mortality };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dir = process.argv[2] ?? DEFAULT_REFDATA;
  if (!refdataPresent(dir)) {
    console.error(`refdata not found in ${dir}`);
    process.exit(2);
  }
  const ref = loadRefData(dir);
  const c = calibrate(ref);
  const sig = (x: number) => Number(x.toPrecision(5));
  console.log('age structure (‰ of total, 0-4..95-99,100+):');
  console.log('  male:', JSON.stringify(c.agePermille.male));
  console.log('  female:', JSON.stringify(c.agePermille.female));
  console.log('ASFR shifted-gamma knots:');
  for (const k of c.asfrKnots) console.log(`  { year: ${k.year}, mean: ${sig(k.mean)}, sd: ${sig(k.sd)}, origin: ${sig(k.origin)} }, // ${k.label}`);
  console.log('mortality (m0 + Siler):');
  for (const m of c.mortality) {
    const s = m.siler;
    console.log(`  ${m.period} ${m.sex}: { m0: ${sig(m.m0)}, a1: ${sig(s.a1)}, b1: ${sig(s.b1)}, a2: ${sig(s.a2)}, a3: ${sig(s.a3)}, b3: ${sig(s.b3)} } e0=${m.e0.toFixed(2)}`);
  }
  console.log('WPP2019 e0:', JSON.stringify(ref.e0));
  console.log('WPP2024 SRB:', [2000, 2005, 2010, 2015, 2020, 2023].map((y) => `${y}: ${ref.srb.get(y)}`).join(', '));
}
