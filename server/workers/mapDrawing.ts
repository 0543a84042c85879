/**
 * @module workers/mapDrawing
 * The overview map drawn in a worker thread (job `map`, routes/mapSvg.ts): the township
 * boundaries and names are read from the worker's own database handle once per database
 * generation, so a map's job carries only its values (sending the province's 326 KB topology with
 * each job cost about 30 ms of reading, parsing and copying). When a worker starts it draws the
 * map a few times: Vega's first drawing of 1,500 polygons in a thread takes about three times as
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
 * Vega's code reaches full speed only after a few drawings: a province's map took 150, 100 and 70
 * ms the first three times in a thread, then 45–55 ms (the province set, its TFR layer).
 */
const WARM_UP_DRAWINGS = 3;

/** Draws the current generation's map a few times, with made-up values, to compile Vega before a planner asks. */
export async function warmUpMap(db: Database): Promise<void> {
  const file = await db.fileIdentity();
  const { names } = await geometry(db, file);
  const rows = [...names.keys()].map((township, i) => ({ township, value: i, small: false }));
  for (let i = 0; i < WARM_UP_DRAWINGS; i++) await drawMap(db, { layer: 'population', values: { rows, unit: 'persons' }, lang: 'zh', file });
}
