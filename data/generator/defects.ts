/**
 * @module generator/defects
 * A small, known set of bad rows appended after the simulated rows, each breaking exactly one
 * contract rule (contract/tables.ts), so ingest's quarantine can be checked against
 * manifest.injected. They are extra rows: the accepted rows still match the simulation.
 *
 * births: 3 × missing_value (no mother_birth_date), 3 × mother_under_12, 3 × unknown_township,
 * 3 × future_date (born 2204, mother 28), 3 × duplicate_id (a copy of an earlier row with the
 * same id and a date 3 days later, appended last); migrants: 3 × unknown_township.
 */
import type { RuleId, TableName } from '../../contract/tables.ts';
import { addYears, dayOf, isoDate } from './dates.ts';
import { recordId } from './context.ts';
import { BIRTH_COL } from './records-births.ts';
import { codeInt, NULL_INT, type StageWriter } from './write.ts';

export interface InjectedDefect {
  readonly table: TableName;
  readonly rule: RuleId;
  readonly id: string;
  readonly note: string;
}

const PER_RULE = 3;

/** Staged births rows (see BIRTHS_STAGE): serial, day, code, …, mother, …, village. */
export function injectBirthDefects(w: StageWriter, samples: readonly number[][], unknownCode: string): InjectedDefect[] {
  const out: InjectedDefect[] = [];
  if (samples.length === 0) return out;
  const B = BIRTH_COL;
  let serial = 9000000;
  const template = (i: number) => samples[i % samples.length]!.slice();
  const idOf = (row: number[]) => recordId('B', String(row[B.code]), row[B.serial]!);
  const newId = (row: number[]) => {
    row[B.serial] = ++serial;
    return idOf(row);
  };
  for (let i = 0; i < PER_RULE; i++) {
    const row = template(i);
    const id = newId(row);
    row[B.mother] = NULL_INT;
    w.push(row);
    out.push({ table: 'births', rule: 'missing_value', id, note: 'mother_birth_date is null' });
  }
  for (let i = 0; i < PER_RULE; i++) {
    const row = template(i);
    const id = newId(row);
    const mother = addYears(row[B.day]!, -10) - 40 * (i + 1);
    row[B.mother] = mother;
    w.push(row);
    out.push({ table: 'births', rule: 'mother_under_12', id, note: `mother born ${isoDate(mother)}, about 10 at the birth` });
  }
  for (let i = 0; i < PER_RULE; i++) {
    const row = template(i);
    row[B.code] = codeInt(unknownCode);
    const id = newId(row);
    row[B.village] = NULL_INT;
    w.push(row);
    out.push({ table: 'births', rule: 'unknown_township', id, note: `township_code ${unknownCode} is not in regions` });
  }
  for (let i = 0; i < PER_RULE; i++) {
    const row = template(i);
    const id = newId(row);
    const day = dayOf(2204, 3, 1) + 30 * i;
    row[B.day] = day;
    row[B.mother] = addYears(day, -28) - 37 * i;
    w.push(row);
    out.push({ table: 'births', rule: 'future_date', id, note: `birth_date ${isoDate(day)}` });
  }
  for (let i = 0; i < PER_RULE; i++) {
    const row = template(i);
    const day = row[B.day]! + 3;
    row[B.day] = day;
    w.push(row);
    out.push({ table: 'births', rule: 'duplicate_id', id: idOf(row), note: `second row with this id, birth_date ${isoDate(day)}` });
    if (i + 1 >= samples.length) break;
  }
  return out;
}

/** Staged migrants rows (see MIGRANTS_STAGE): 0 serial, 1 township code. */
export function injectMigrantDefects(w: StageWriter, sample: readonly number[] | undefined, unknownCode: string): InjectedDefect[] {
  const out: InjectedDefect[] = [];
  if (!sample) return out;
  for (let i = 0; i < PER_RULE; i++) {
    const row = sample.slice();
    row[0] = 9000001 + i;
    row[1] = codeInt(unknownCode);
    w.push(row);
    out.push({ table: 'migrants', rule: 'unknown_township', id: recordId('L', unknownCode, row[0]), note: `township_code ${unknownCode} is not in regions` });
  }
  return out;
}
