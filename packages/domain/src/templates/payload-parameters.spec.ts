import fc from 'fast-check';
import { toPayloadComponents } from './payload-builder';
import { sendParametersFromPayload } from './payload-parameters';
import type { BodyParameter, ButtonParameter, HeaderParameter } from './send-parameters.model';
import type { PayloadComponent } from './template-payload.model';

const text = fc.string({ maxLength: 20 });
const name = fc.option(fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/), { nil: undefined });
const withName = <T extends object>(value: T, parameterName: string | undefined): T => (parameterName === undefined ? value : { ...value, parameterName });
const media = fc.oneof(fc.record({ id: fc.stringMatching(/^\d{1,10}$/) }), fc.record({ link: fc.constant('https://example.com/a.png') }));

const bodyParameter: fc.Arbitrary<BodyParameter> = fc.oneof(
  fc.tuple(text, name).map(([value, n]) => withName<BodyParameter>({ type: 'text', text: value }, n)),
  fc.tuple(text, fc.constantFrom('BRL', 'USD'), fc.integer(), name).map(([fallbackValue, code, amount1000, n]) => withName<BodyParameter>({ type: 'currency', currency: { fallbackValue, code, amount1000 } }, n)),
  fc.tuple(text, name).map(([fallbackValue, n]) => withName<BodyParameter>({ type: 'date_time', dateTime: { fallbackValue } }, n)),
);
const headerParameter: fc.Arbitrary<HeaderParameter> = fc.oneof(
  text.map((value): HeaderParameter => ({ type: 'text', text: value })),
  media.map((image): HeaderParameter => ({ type: 'image', image })),
  media.map((document): HeaderParameter => ({ type: 'document', document })),
  fc.record({ latitude: fc.double({ noNaN: true, min: -90, max: 90 }), longitude: fc.double({ noNaN: true, min: -180, max: 180 }) }).map((location): HeaderParameter => ({ type: 'location', location })),
);
const buttons: fc.Arbitrary<ButtonParameter[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 4 })
  .chain((indexes) =>
    fc.tuple(...indexes.map((index) =>
      fc.oneof(
        text.map((payload): ButtonParameter => ({ subType: 'quick_reply', index, payload })),
        text.map((value): ButtonParameter => ({ subType: 'url', index, text: value })),
        text.map((couponCode): ButtonParameter => ({ subType: 'copy_code', index, couponCode })),
        fc.option(text, { nil: undefined }).map((flowToken): ButtonParameter => (flowToken === undefined ? { subType: 'flow', index } : { subType: 'flow', index, flowToken })),
      ),
    )),
  )
  .map((list) => [...list].sort((a, b) => a.index - b.index));

describe('sendParametersFromPayload', () => {
  it('reads back exactly what the payload builder wrote', () => {
    fc.assert(
      fc.property(fc.option(headerParameter, { nil: undefined }), fc.array(bodyParameter, { maxLength: 5 }), buttons, (header, body, buttonValues) => {
        const components = toPayloadComponents(header, body, buttonValues);
        const read = sendParametersFromPayload(components);
        expect(read).toEqual({
          ok: true,
          parameters: { ...(header ? { header } : {}), ...(body.length > 0 ? { body } : {}), ...(buttonValues.length > 0 ? { buttons: buttonValues } : {}) },
        });
      }),
    );
  });

  it('reads a template without components as no parameters', () => {
    expect(sendParametersFromPayload(undefined)).toEqual({ ok: true, parameters: {} });
  });

  it.each<[string, PayloadComponent[], RegExp]>([
    ['two header parameters', [{ type: 'header', parameters: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] }], /exactly one parameter/],
    ['an image in the body', [{ type: 'body', parameters: [{ type: 'image', image: { id: '1' } }] }], /not image/],
    ['a non-numeric button index', [{ type: 'button', sub_type: 'url', index: 'x', parameters: [{ type: 'text', text: 'a' }] }], /not a whole number/],
    ['a url button with a payload', [{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'payload', payload: 'a' }] }], /takes a text/],
    ['a quick reply without parameters', [{ type: 'button', sub_type: 'quick_reply', index: '0', parameters: [] }], /takes a payload/],
  ])('refuses %s', (_case, components, problem) => {
    expect(sendParametersFromPayload(components)).toEqual({ ok: false, problem: expect.stringMatching(problem) });
  });
});
