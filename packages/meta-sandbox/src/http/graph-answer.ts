/** What a Graph handler answers; the server writes it. */
export interface GraphAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export const success = (body: unknown): GraphAnswer => ({ status: 200, body });

/** A body already serialised to JSON. */
export class RawJson {
  constructor(readonly json: string) {}
}
