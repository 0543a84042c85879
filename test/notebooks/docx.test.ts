/**
 * Word output, opened as Word would open it (the .docx unzipped, its XML read): the annual report
 * has an image per chart and a Word table per report table, the Chinese section headings as Word
 * headings, figures numbered 图1… in order with Word captions (SEQ fields) under their images, A4 pages, Chinese fonts, and the births it quotes
 * equal to what the API answers; each image is white-backed, 16:9 to 4:3 and at least 150 dpi as
 * placed. `renkou report --format docx` writes the document alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command as reportCommand } from '../../server/cli/report.ts';
import { NOTEBOOK_DIR } from '../../server/notebooks/library.ts';
import { tempDir } from '../helpers.ts';
import { demoCounty, type DemoCounty } from './demoCounty.ts';

const dir = tempDir('docx');
let demo: DemoCounty;
let zip: JSZip;
let documentXml: string;

beforeAll(async () => {
  demo = await demoCounty(dir);
  const res = await demo.reports.request('/api/reports/situation-analysis?format=docx');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('wordprocessingml');
  expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain(`${demo.countyName}2024年人口形势分析.docx`);
  zip = await JSZip.loadAsync(await res.arrayBuffer());
  documentXml = await zip.file('word/document.xml')!.async('string');
}, 300_000);
afterAll(() => demo?.db.close());

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
/** Each paragraph's style and text. */
function paragraphs(xml: string): { style: string | null; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? null,
    text: decode([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  }));
}

/** Width, height and the first pixel (RGBA) of a PNG: the first row's first pixel is stored unfiltered whatever the row filter. */
function pngFacts(png: Buffer): { width: number; height: number; firstPixel: number[] } {
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const len = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  expect(png[25], 'colour type RGBA').toBe(6);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), firstPixel: [...raw.subarray(1, 5)] };
}

describe('the annual report as Word', () => {
  it('has one image per chart and one Word table per report table, numbered in order', async () => {
    const report = await (await demo.reports.request('/api/reports/situation-analysis?format=json')).json() as { charts: { title: string }[]; tables: { title: string }[] };
    expect(report.charts).toHaveLength(15);
    expect((documentXml.match(/<w:drawing>/g) ?? []).length).toBe(report.charts.length);
    expect((documentXml.match(/<w:tbl>/g) ?? []).length).toBe(report.tables.length);
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toHaveLength(report.charts.length);
    // figures 图1…图15 in document order (the alt text carries the title)
    const alt = [...documentXml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => decode(m[1]!));
    expect(alt.map((t) => /^图(\d+) /.exec(t)?.[1])).toEqual(report.charts.map((_, i) => String(i + 1)));
    expect(alt).toEqual(report.charts.map((c) => c.title));
    // each figure's title as the Word caption right under its image; tables 表1…表3 as captions
    // above real tables whose header row repeats on each page
    const raw = [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const underImages = raw.flatMap((p, i) => (p.includes('<w:drawing>') ? [paragraphs(raw[i + 1] ?? '')[0]] : []));
    expect(underImages).toEqual(report.charts.map((c) => ({ style: 'Caption', text: c.title })));
    const captions = paragraphs(documentXml).filter((p) => p.style === 'Caption').map((p) => p.text);
    expect(captions.filter((c) => c.startsWith('表'))).toEqual(report.tables.map((t) => t.title));
    expect(captions.filter((c) => c.startsWith('表')).map((c) => /^表(\d+) /.exec(c)?.[1])).toEqual(report.tables.map((_, i) => String(i + 1)));
    expect((documentXml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(report.tables.length);
    // the numbers are Word's own (SEQ fields): Word renumbers them and cross-references them
    expect((documentXml.match(/<w:fldSimple w:instr="SEQ 图 \\\* ARABIC">/g) ?? []).length).toBe(report.charts.length);
    expect((documentXml.match(/<w:fldSimple w:instr="SEQ 表 \\\* ARABIC">/g) ?? []).length).toBe(report.tables.length);
  });

  it('uses the notebook\'s Chinese headings as Word headings, on A4 with Chinese fonts', async () => {
    const source = readFileSync(path.join(NOTEBOOK_DIR, 'situation-analysis.md'), 'utf8');
    const expected = [...source.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
    const headings = paragraphs(documentXml).filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(headings).toEqual(expected);
    expect(headings[0]).toBe('一、总体情况');
    expect(paragraphs(documentXml).find((p) => p.style === 'Title')!.text).toBe(`${demo.countyName}2024年人口形势分析`);
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:eastAsia="宋体"');
    expect(styles).toContain('w:eastAsia="黑体"');
  });

  it('quotes the births the API answers', async () => {
    const births = await (await demo.app.request('/api/indicators/births?township=all&from=2024&to=2024&compare=yoy')).json() as { rows: { value: number; change: number }[] };
    const b = births.rows[0]!;
    const text = paragraphs(documentXml).map((p) => p.text).join('\n');
    expect(text).toContain(`全年出生人口${b.value.toLocaleString('en-US')}人`);
    expect(text).toContain(`2024年清河县出生人口${b.value.toLocaleString('en-US')}人，比上年增加${Math.abs(b.change).toLocaleString('en-US')}人`);
    expect(text).not.toMatch(/\{\{|出错/);
  });

  it('places white-backed images of 16:9 to 4:3 at 150 dpi or more', async () => {
    const extents = [...documentXml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const targets = [...documentXml.matchAll(/<a:blip r:embed="([^"]+)"/g)].map((m) => new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels)![1]!);
    expect(targets).toHaveLength(15);
    for (const [i, target] of targets.entries()) {
      const png = pngFacts(await zip.file(`word/${target}`)!.async('nodebuffer'));
      const [cx, cy] = extents[i]!;
      const ratio = png.width / png.height;
      expect(ratio, target).toBeGreaterThanOrEqual(4 / 3 - 0.02);
      expect(ratio, target).toBeLessThanOrEqual(16 / 9 + 0.02);
      expect(cx! / cy!, target).toBeCloseTo(ratio, 1);
      const dpi = png.width / (cx! / 914_400); // EMU per inch
      expect(dpi, target).toBeGreaterThanOrEqual(150);
      expect(png.firstPixel, `${target} background`).toEqual([255, 255, 255, 255]);
    }
  });
});

describe('renkou report --format docx', () => {
  it('writes the Word document alone, named after the report', async () => {
    const out = path.join(dir, 'docx-only');
    const log = console.log;
    console.log = () => {};
    try {
      expect(await reportCommand.run(['situation-analysis', '--db', demo.dbPath, '--out', out, '--format', 'docx'])).toBe(0);
    } finally {
      console.log = log;
    }
    expect(readdirSync(out)).toEqual([`${demo.countyName}2024年人口形势分析.docx`]);
    const z = await JSZip.loadAsync(readFileSync(path.join(out, readdirSync(out)[0]!)));
    expect(((await z.file('word/document.xml')!.async('string')).match(/<w:drawing>/g) ?? []).length).toBe(15);
  }, 300_000);
});
