/**
 * `renkou project --inputs <file> --out <file>` end to end on temporary files.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { command } from '../../server/cli/project.ts';
import { tempDir } from '../helpers.ts';

const A = 18;
const input = {
  name: 'toy county',
  ageWidth: 5,
  startYear: 2020,
  steps: 2,
  population: { male: new Array(A).fill(1000), female: new Array(A).fill(1000) },
  fertility: { asfr: Array.from({ length: A }, (_, i) => (i >= 3 && i < 10 ? 0.05 : 0)) },
  mortality: { male: { sx: new Array(A).fill(0.99) }, female: { sx: new Array(A).fill(0.995) } },
  srb: [1.1, 1.08],
  migration: { male: new Array(A).fill(5), female: new Array(A).fill(5) },
};

describe('project command', () => {
  it('writes years, population, births, deaths, migrants and summary series', async () => {
    const dir = tempDir('project');
    const inFile = path.join(dir, 'in.json');
    const outFile = path.join(dir, 'out.json');
    await writeFile(inFile, JSON.stringify(input));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = await command.run(['--inputs', inFile, '--out', outFile]);
    log.mockRestore();
    expect(code).toBe(0);
    const out = JSON.parse(await readFile(outFile, 'utf8'));
    expect(out.years).toEqual([2020, 2025, 2030]);
    expect(out.ages[17]).toBe(85);
    expect(out.population.female).toHaveLength(3);
    expect(out.population.female[0]).toHaveLength(A);
    expect(out.births.male).toHaveLength(2);
    expect(out.migrationTiming).toBe('even');
    expect(out.migrants.total[0]).toBeCloseTo(2 * A * 5, 8);
    expect(out.summary.total[0]).toBe(2 * A * 1000);
    const sum = (r: number[]) => r.reduce((a, b) => a + b, 0);
    const total1 = sum(out.population.male[1]) + sum(out.population.female[1]);
    expect(total1).toBeCloseTo(out.summary.total[0] + out.births.total[0] - out.deaths.total[0] + out.migrants.total[0], 8);
  });

  it('answers 2 and names the field on invalid input', async () => {
    const dir = tempDir('project');
    const inFile = path.join(dir, 'in.json');
    await writeFile(inFile, JSON.stringify({ ...input, mortality: { ...input.mortality, female: { sx: [...new Array(A - 1).fill(0.9), 1.5] } } }));
    const lines: string[] = [];
    const err = vi.spyOn(console, 'error').mockImplementation((m: string) => void lines.push(m));
    const code = await command.run(['--inputs', inFile, '--out', path.join(dir, 'out.json')]);
    err.mockRestore();
    expect(code).toBe(2);
    expect(lines.join('\n')).toContain('mortality.female.sx[17]: survivorship 1.5 is above 1');
  });

  it('throws a UsageError without --out', async () => {
    await expect(command.run(['--inputs', 'x.json'])).rejects.toThrow(/--out/);
  });
});
