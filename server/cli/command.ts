/**
 * @module cli/command
 * The shape every `renkou <command>` module exports, and the small argument parser they share.
 *
 * @example
 * export const command: Command = { name: 'ingest', summary: '…', run: async (argv) => 0 };
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Returns the process exit code. Throws only for bugs; user errors are printed and answered with 2. */
  run(argv: readonly string[]): Promise<number>;
}

/** An error meant for the person at the terminal: printed without a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function isUsageError(e: unknown): e is UsageError {
  return e instanceof UsageError;
}

/** `node:util` parseArgs with strict checking, turning its errors into a UsageError. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: readonly string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
