/**
 * @module pages/township/state
 * What the township page shows, read from the URL (the township and those compared with it, the
 * granularity, residence and years), with what every panel derives from it: the series names
 * and colours, and the township codes to ask for.
 */
import type { IndicatorRow, PeriodKind, Residence } from '../../api.ts';
import { t, type Lang } from '../../i18n/index.ts';
import { enumParam, intParam, townshipsParam, type PageContext } from '../../router.ts';
import { seriesColors, townshipName } from '../pageLabels.ts';

export const GRANULARITIES = ['year', 'statyear', 'half', 'stathalf', 'quarter', 'month'] as const satisfies readonly PeriodKind[];
export type Granularity = (typeof GRANULARITIES)[number];
/** Default span by granularity: monthly series stay readable over three years. */
const DEFAULT_SPAN: Record<Granularity, number> = { year: 10, statyear: 10, half: 5, stathalf: 5, quarter: 5, month: 3 };

export interface TownshipState {
  ctx: PageContext;
  lang: Lang;
  /** The chosen townships, the first one the page's own. */
  townships: string[];
  main: string;
  codes: string;
  granularity: Granularity;
  residence: Residence;
  from: number;
  to: number;
  /** Colours by series name, with the county; and without it (for counts, drawn for townships only). */
  colors: ReturnType<typeof seriesColors>;
  townshipColors: ReturnType<typeof seriesColors>;
  /** The county line beside the townships, for accounts that may see it. */
  withAll(list: string): string;
  /** Rows with the township's name beside its code, for downloads. */
  named(rows: readonly IndicatorRow[]): (IndicatorRow & { name: string })[];
}

export function readTownshipState(ctx: PageContext): TownshipState {
  const { meta, lang, params } = ctx;
  const chosen = townshipsParam(params, 'township', meta, meta.townships[0]?.name);
  const townships = chosen.length ? chosen : [meta.townships[0]!.code];
  const granularity = enumParam<Granularity>(params, 'granularity', GRANULARITIES, 'year');
  const to = intParam(params, 'to', meta.years.from, meta.years.to, meta.years.to);
  const countyName = t('county', lang);
  const names = [...(ctx.county ? [countyName] : []), ...townships.map((c) => townshipName(meta, c, lang))];
  return {
    ctx, lang, townships, main: townships[0]!, codes: townships.join(','), granularity,
    residence: enumParam<Residence>(params, 'residence', ['all', 'registered', 'migrant'], 'all'),
    from: intParam(params, 'from', meta.years.from, to, Math.max(meta.years.from, to - DEFAULT_SPAN[granularity] + 1)), to,
    colors: seriesColors(names, countyName),
    townshipColors: seriesColors(names.filter((n) => n !== countyName), countyName),
    withAll: (list) => (ctx.county ? `${list},all` : list),
    named: (rows) => rows.map((r) => ({ ...r, name: townshipName(meta, r.township, lang) })),
  };
}

export function smallCount(rows: readonly { small: boolean }[]): number {
  return rows.filter((r) => r.small).length;
}
