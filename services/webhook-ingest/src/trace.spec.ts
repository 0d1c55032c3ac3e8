import { isTraceparent } from '@recado/contracts';
import { traceOf } from './trace';

describe('traceOf', () => {
  const incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

  it("continues the caller's trace, with its state", () => {
    expect(traceOf({ traceparent: incoming, tracestate: 'vendor=1' })).toEqual({ traceparent: incoming, tracestate: 'vendor=1' });
  });

  it.each([[undefined], ['garbage'], ['00-00000000000000000000000000000000-00f067aa0ba902b7-01x']])('starts a new trace when the header is %j', (header) => {
    const trace = traceOf(header === undefined ? {} : { traceparent: header, tracestate: 'dropped=1' });
    expect(isTraceparent(trace.traceparent)).toBe(true);
    expect(trace.traceparent).not.toBe(header);
    expect(trace.tracestate).toBeUndefined();
  });

  it('starts a different trace for every call', () => {
    expect(traceOf({}).traceparent).not.toBe(traceOf({}).traceparent);
  });
});
