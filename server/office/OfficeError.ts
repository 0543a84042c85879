/**
 * @module office/OfficeError
 * Why an office file could not be read or mapped, in Chinese for the county's data
 * administrator: which file, which column, what is wrong and what to do.
 */
export type OfficeErrorCode = 'format' | 'encoding' | 'unmapped' | 'profile' | 'values';

export class OfficeError extends Error {
  override readonly name = 'OfficeError';
  constructor(
    readonly code: OfficeErrorCode,
    message: string,
    readonly file?: string,
    readonly column?: string,
  ) {
    super(message);
  }
}

export function isOfficeError(e: unknown): e is OfficeError {
  return e instanceof OfficeError;
}
