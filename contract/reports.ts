/**
 * @module contract/reports
 * The report library on the wire (`GET /api/reports`): each notebook's name, title and the
 * parameters its front matter declares, so the web can draw a form for them.
 */

/** A front-matter parameter as the form needs it. */
export interface ReportParam {
  name: string;
  label: string;
  type: 'township' | 'year' | 'int' | 'enum';
  /** Literal default, `latest` (year: the last year of data), or null when required. */
  default: string | null;
  required: boolean;
  values?: readonly string[];
  min?: number;
  max?: number;
}

export interface ReportInfo {
  name: string;
  title: string;
  description: string;
  /** The description for the English pages (front matter `description_en`); the Chinese one when none is given. */
  description_en: string;
  audience: string;
  params: ReportParam[];
  formats: string[];
}
