/**
 * @module workers/mapViews
 * Drawn maps kept as Vega views, one per kind of map (layer, unit, language) of one database
 * generation, and drawn again with the next values: Vega then redoes the colours and the legend,
 * not the compiling, the dataflow and the 1,500 polygons read from the topology. A province's
 * TFR map took 30–32 ms a drawing compiled each time, 18 ms given its new values. The picture is
 * the same: the SVG equal but for the legend gradient's running id (which any two drawings differ
 * by) and, when the new values give the legend a label it did not have, that label's place in the
 * SVG's order (written last, at the same position; a screen reader reads it last).
 *
 * A view draws one map at a time (a queue per view); at most `limit` views are kept, the least
 * recently drawn let go first.
 *
 * @example
 * const views = new MapViews();
 * const svg = await views.draw('tfr children per woman zh', () => viewOf(spec), townshipValues(rows));
 */
import type * as vega from 'vega';
import { TOWNSHIP_VALUES } from '../../web/src/charts/choropleth.ts';

interface KeptView {
  readonly view: vega.View;
  /** The drawing in progress or the last one (settled): the next waits for it. */
  queue: Promise<unknown>;
}

/** Nine layers in two languages would be 18; a planner's session uses a few. */
const DEFAULT_LIMIT = 6;

export class MapViews {
  private readonly kept = new Map<string, KeptView>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /** The SVG of the view kept under `key` (made by `build` when there is none) given `values`. */
  draw(key: string, build: () => vega.View, values: readonly object[]): Promise<string> {
    let entry = this.kept.get(key);
    if (entry) this.kept.delete(key); // to the end: the most recently drawn
    else entry = { view: build(), queue: Promise.resolve() };
    this.kept.set(key, entry);
    this.letGoBeyond(this.limit);
    const { view } = entry;
    const drawing = entry.queue.then(async () => {
      view.data(TOWNSHIP_VALUES, values as object[]);
      await view.runAsync();
      return view.toSVG();
    });
    entry.queue = drawing.catch(() => {
      // a view that failed to draw is not trusted again: the next drawing builds a new one
      if (this.kept.get(key) === entry) this.kept.delete(key);
      view.finalize();
    });
    return drawing;
  }

  /** Lets every view go (another database generation: other boundaries). */
  clear(): void {
    this.letGoBeyond(0);
  }

  get size(): number {
    return this.kept.size;
  }

  private letGoBeyond(limit: number): void {
    for (const [key, entry] of this.kept) {
      if (this.kept.size <= limit) break;
      this.kept.delete(key);
      void entry.queue.then(() => entry.view.finalize());
    }
  }
}
