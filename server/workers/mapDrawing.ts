/**
 * @module workers/mapDrawing
 * The overview map drawn in a worker thread (job `map`, routes/mapSvg.ts): the township
 * boundaries and names are read from the worker's own database handle once per database
 * generation, so a map's job carries only its values (sending the province's 326 KB topology with
 * each job cost about 30 ms of reading, parsing and copying). A map of more townships than are
 * named on it is drawn on the view kept for its kind (workers/mapViews.ts), given its values. When
 * a worker starts it draws the map several times: Vega's first drawings of 1,500 polygons in a
 * thread take two to three times as long as the later ones (its code is compiled as it runs), and
 * a planner's first map should not.
 */
import type { Topology } from 'topojson-specification';
import type { Database } from '../db/Database.ts';
import { specToSvg, viewOf } from '../notebooks/charts.ts';
import { TOPOJSON_FILE } from '../../contract/tables.ts';
import { mapChartSpec, mapTakesNewValues, mapTownshipValues, type LayerValues, type MapLayerId } from '../../web/src/charts/mapLayers.ts';
import { MapViews } from './mapViews.ts';
import type { Lang } from '../../web/src/i18n/index.ts';

export interface MapJob {
  readonly layer: MapLayerId;
  readonly values: Pick<LayerValues, 'rows' | 'unit'>;
  readonly lang: Lang;
  /** The database file the values came from (Database.fileIdentity on the main thread): the boundaries must be that file's too. */
  readonly file: string;
}

interface Geometry { readonly topology: Topology | null; readonly names: ReadonlyMap<string, string> }

/** The geometry being read or read, the database file it is of, and its maps drawn so far. */
let kept: { readonly file: string; readonly geometry: Promise<Geometry>; readonly views: MapViews } | null = null;

async function read(db: Database): Promise<Geometry> {
  const [townships, asset] = await Promise.all([
    db.query<{ code: string; name: string }>('meta/townships'),
    db.query('meta/asset', { name: TOPOJSON_FILE }),
  ]);
  const content = asset[0]?.content;
  return {
    topology: typeof content === 'string' ? JSON.parse(content) as Topology : null,
    names: new Map(townships.map((t) => [t.code, t.name])),
  };
}

/**
 * The boundaries and names of the file the values came from (read again after an import). The
 * worker's own handle notices a swapped-in file up to a second after the main thread's: asked for
 * a newer file than it has open, it looks at once, so the new data is never drawn on the old map.
 */
async function generation(db: Database, file: string): Promise<NonNullable<typeof kept>> {
  const current = await db.fileIdentityMatching(file);
  if (kept?.file !== current) {
    kept?.views.clear();
    const reading = { file: current, geometry: read(db), views: new MapViews() };
    kept = reading;
    // a failed read is tried again by the next drawing; a newer read is left alone
    reading.geometry.catch(() => { if (kept === reading) kept = null; });
  }
  return kept;
}

export async function drawMap(db: Database, job: MapJob): Promise<string> {
  const { geometry, views } = await generation(db, job.file);
  const { topology, names } = await geometry;
  const input = { ...job, nameOf: (code: string) => names.get(code) ?? code, topology };
  if (!mapTakesNewValues(input)) return specToSvg(mapChartSpec(input));
  return views.draw(`${job.layer} ${job.values.unit} ${job.lang}`, () => viewOf(mapChartSpec(input)), mapTownshipValues(input));
}

/**
 * Vega's code reaches full speed only after several drawings (it is compiled in tiers as it runs),
 * and each kind of map (whole numbers or rates, townships marked small or not) takes its own: on the
 * province set, compiled for each drawing, a TFR map after three drawings of the population map
 * took 96 ms, after four of both kinds 73–98 ms, after eight 34–40 ms, after sixteen 29–33 ms. The
 * warm-up's drawings also leave the population and TFR views kept (zh), so a planner's first such
 * map is drawn on a kept view (about 18 ms). About 0.5 s of the worker's time when it starts.
 */
const WARM_UP: readonly { layer: MapLayerId; unit: string }[] = [
  { layer: 'population', unit: 'persons' }, { layer: 'tfr', unit: 'children per woman' },
];
const WARM_UP_ROUNDS = 8;

/** Draws the current generation's map several times, with made-up values, to compile Vega before a planner asks. */
export async function warmUpMap(db: Database): Promise<void> {
  const file = await db.fileIdentity();
  const { names } = await (await generation(db, file)).geometry;
  const rows = [...names.keys()].map((township, i) => ({ township, value: 1 + (i % 13) / 10, small: i % 50 === 0 }));
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const { layer, unit } of WARM_UP) await drawMap(db, { layer, values: { rows, unit }, lang: 'zh', file });
  }
}
