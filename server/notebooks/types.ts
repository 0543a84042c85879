/**
 * @module notebooks/types
 * The shapes shared by the notebook parser, runner and renderers: a parsed notebook (front
 * matter parameters and blocks, each with the line it starts on), named results with the API
 * request each figure can be checked against, the slots a narrative quotes, and errors shown in
 * place.
 */

/** What a front-matter parameter may hold. */
export type ParamType =
  | { readonly kind: 'township' }
  | { readonly kind: 'year' }
  | { readonly kind: 'int'; readonly min: number; readonly max: number }
  | { readonly kind: 'enum'; readonly values: readonly string[] };

export interface ParamDecl {
  readonly name: string;
  readonly type: ParamType;
  /** Literal default, `latest` (year: the last year of data), or null when required. */
  readonly default: string | null;
  readonly label: string;
  readonly line: number;
}

export type ParamValues = Readonly<Record<string, string | number>>;

interface BlockBase {
  /** 1-based line of the block's first line (the opening fence, for fenced blocks). */
  readonly line: number;
}

export interface MarkdownBlock extends BlockBase { readonly kind: 'markdown'; readonly text: string }
export interface SqlBlock extends BlockBase { readonly kind: 'sql'; readonly name: string; readonly text: string }
export interface IndicatorBlock extends BlockBase { readonly kind: 'indicator'; readonly name: string; readonly text: string }
export interface ChartBlock extends BlockBase { readonly kind: 'chart'; readonly name: string; readonly text: string }
export interface TableBlock extends BlockBase { readonly kind: 'table'; readonly name: string; readonly text: string }
/** A fence the parser could not accept (unknown kind, missing name): shown as an error in place. */
export interface BadBlock extends BlockBase { readonly kind: 'bad'; readonly name: string; readonly message: string }

export type Block = MarkdownBlock | SqlBlock | IndicatorBlock | ChartBlock | TableBlock | BadBlock;
export type DataBlock = SqlBlock | IndicatorBlock;

export interface Notebook {
  /** File name without `.md`. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** `description_en`: the list's description on the English pages (the report itself is Chinese). */
  readonly descriptionEn: string;
  /**
   * `county`: county users only; `township`: township users may render it for their townships;
   * `any`: a county report whose every block follows its township parameter (and `township: each`
   * the asker's scope), so a township account renders it for its own township.
   */
  readonly audience: 'county' | 'township' | 'any';
  readonly params: readonly ParamDecl[];
  readonly blocks: readonly Block[];
  /** Problems in the front matter itself (shown at the top; the blocks still render). */
  readonly frontMatterErrors: readonly NotebookError[];
}

export type Cell = string | number | boolean | null;
export type ResultRow = Record<string, Cell>;

/** Where a column's figures come from: the API request that answers the same numbers. */
export interface Provenance {
  /** Path and query string under the app, e.g. `/api/indicators/births?township=all&…`. */
  readonly api: string;
  /** GET unless said; a POST sends `body` as JSON (the projection). */
  readonly method?: 'POST';
  readonly body?: Readonly<Record<string, unknown>>;
  /**
   * Where the rows sit in the API's JSON answer: `rows`; `townships` (SRB ranking, assessment);
   * `items` (progress); `series` (projection: one row per `years[i]` with `results[0].series[field][i]`).
   */
  readonly rowsAt: RowsAt;
  /** The field of the API row that holds this column. */
  readonly field: string;
  /** The fields that identify one API row (township, period and the indicator's keys). */
  readonly keys: readonly string[];
}

export interface Result {
  readonly name: string;
  readonly block: BlockRef;
  readonly rows: readonly ResultRow[];
  readonly columns: readonly string[];
  /** By column; columns without provenance (names, SQL results) are not API figures. */
  readonly provenance: Readonly<Record<string, Provenance>>;
}

export interface BlockRef { readonly kind: Block['kind']; readonly name: string; readonly line: number }

export interface NotebookError {
  readonly block: BlockRef;
  /** The line of the problem itself (a slot's line inside a paragraph), 1-based in the file. */
  readonly line: number;
  readonly message: string;
}

/** One `{{ }}` slot as rendered, with what a test needs to check it against the API. */
export interface SlotRecord {
  readonly block: BlockRef;
  readonly line: number;
  readonly expr: string;
  readonly text: string;
  /** The value before formatting (a list for `list`/`count` slots over several rows). */
  readonly value: Cell | Cell[];
  readonly kind: 'param' | 'result' | 'meta';
  /** For result slots whose column has provenance: fetch `api`, filter rows by `match`, compare `field`. */
  readonly source: SlotSource | null;
}

export type RowsAt = 'rows' | 'townships' | 'series' | 'items';

export interface SlotSource {
  readonly api: string;
  readonly method?: 'POST';
  readonly body?: Readonly<Record<string, unknown>>;
  readonly rowsAt: RowsAt;
  readonly field: string;
  readonly match: Readonly<Record<string, Cell>>;
  /** `one`: exactly one row matches and its field equals the value; `count`/`list`: over all matches. */
  readonly aggregate: 'one' | 'count' | 'list';
}
