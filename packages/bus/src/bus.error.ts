export type BusErrorCode = 'PUBLISH_FAILED' | 'BUS_CLOSED' | 'INVALID_SUBSCRIPTION';

/** The bus's one error type; `retriable` says whether the same call may succeed later. */
export class BusError extends Error {
  override readonly name = 'BusError';

  constructor(
    readonly code: BusErrorCode,
    message: string,
    readonly retriable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
