/**
 * @module workers/mapDrawing
 * The overview map drawn in a worker thread (job `map`, routes/mapSvg.ts): the township
 * boundaries and names are read from the worker's own database handle once per database
 * generation, so a map's job carries only its values (sending the province's 326 KB topology with
 * each job cost about 30 ms of reading, parsing and copying). When a worker starts it draws the
 * map several times: Vega's first drawings of 1,500 polygons in a thread take two to three times as
 * long as the later ones (its code is compiled as it runs), and a planner's first map should not.
 */
import type { Topology } from 'topojson-specification';
import type { Database } from '../db/Database.ts';
import { specToSvg } from '../notebooks/charts.ts';
import { TOPOJSON_FILE } from '../../contract/tables.ts';
import { mapChartSpec, type LayerValues, type MapLayerId } from '../../web/src/charts/mapLayers.ts';
import type { Lang } from '../../web/src/i18n/index.ts';

export interface MapJob {
  readonly layer: MapLayerId;
  readonly values: Pick<LayerValues, 'rows' | 'unit'>;
  readonly lang: Lang;
  /** The database file the values came from (Database.fileIdentity on the main thread): the boundaries must be that file's too. */
  readonly file: string;
}

interface Geometry { readonly topology: Topology | null; readonly names: ReadonlyMap<string, string> }

/** The geometry being read or read, and the database file it is of. */
let kept: { readonly file: string; readonly geometry: Promise<Geometry> } | null = null;

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
async function geometry(db: Database, file: string): Promise<Geometry> {
  const current = await db.fileIdentityMatching(file);
  if (kept?.file !== current) {
    const reading = { file: current, geometry: read(db) };
    kept = reading;
    // a failed read is tried again by the next drawing; a newer read is left alone
    reading.geometry.catch(() => { if (kept === reading) kept = null; });
  }
  return kept.geometry;
}

export async function drawMap(db: Database, job: MapJob): Promise<string> {
  const { topology, names } = await geometry(db, job.file);
  return specToSvg(mapChartSpec({ ...job, nameOf: (code) => names.get(code) ?? code, topology }));
}

/**
 * Vega's code reaches full speed only after several drawings (it is compiled in tiers as it runs),
 * and each kind of map (whole numbers or rates, townships marked small or not) takes its own: on the
 * province set a TFR map after three drawings of the population map took 96 ms, after four of
 * both kinds 73–98 ms, after eight 34–40 ms. About 0.6 s of the worker's time when it starts.
 */
const WARM_UP: readonly { layer: MapLayerId; unit: string }[] = [
  { layer: 'population', unit: 'persons' }, { layer: 'tfr', unit: 'children per woman' },
];
const WARM_UP_ROUNDS = 4;

/** Draws the current generation's map several times, with made-up values, to compile Vega before a planner asks. */
export async function warmUpMap(db: Database): Promise<void> {
  const file = await db.fileIdentity();
  const { names } = await geometry(db, file);
  const rows = [...names.keys()].map((township, i) => ({ township, value: 1 + (i % 13) / 10, small: i % 50 === 0 }));
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const { layer, unit } of WARM_UP) await drawMap(db, { layer, values: { rows, unit }, lang: 'zh', file });
  }
}
