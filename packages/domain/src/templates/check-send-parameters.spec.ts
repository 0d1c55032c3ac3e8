import type { Template } from './template.model';
import type { BodyParameter, HeaderParameter, TemplateSendParameters } from './send-parameters.model';
import { checkSendParameters } from './check-send-parameters.rule';
import { renderTemplateMessage } from './render-template';
import { PARAMETER_VIOLATION_CODES, type ParameterViolation, type ParameterViolationCode } from './parameter-violation.model';
import { SAMPLE_ORDER_UPDATE, SAMPLE_OTP, SAMPLE_PROMOTION, SAMPLE_RESERVATION } from './sample-templates.data';

const text = (value: string): BodyParameter => ({ type: 'text', text: value });
const namedText = (parameterName: string, value: string): BodyParameter => ({ type: 'text', text: value, parameterName });

const ORDER_OK: TemplateSendParameters = {
  header: { type: 'text', text: '#1234' },
  body: [text('Maria'), text('#1234'), text('2 dias')],
  buttons: [{ subType: 'url', index: 0, text: '1234' }],
};
const order = (patch: Partial<TemplateSendParameters>): TemplateSendParameters => ({ ...ORDER_OK, ...patch });
const RESERVATION_OK: TemplateSendParameters = {
  header: { type: 'image', image: { link: 'https://cdn.example.com/mesa.jpg' } },
  body: [namedText('first_name', 'Pablo'), namedText('number_of_guests', '4'), namedText('day', 'Saturday')],
};
const reservation = (patch: Partial<TemplateSendParameters>): TemplateSendParameters => ({ ...RESERVATION_OK, ...patch });
const otp = (bodyCode: string, buttonCode: string): TemplateSendParameters => ({
  body: [text(bodyCode)],
  buttons: [{ subType: 'url', index: 0, text: buttonCode }],
});
const withCatalog: Template = {
  ...SAMPLE_PROMOTION,
  components: [...SAMPLE_PROMOTION.components.slice(0, 3), { type: 'BUTTONS', buttons: [{ type: 'CATALOG', text: 'Ver catálogo' }] }],
};

/** Violations as `renderTemplateMessage` reports them (send-parameter checks + status). */
function violationsOf(template: Template, parameters: TemplateSendParameters): readonly ParameterViolation[] {
  const result = renderTemplateMessage(template, parameters);
  return result.ok ? [] : result.violations;
}

type Case = readonly [ParameterViolationCode, string, Template, TemplateSendParameters];

const cases: Case[] = [
  ['TEMPLATE_NOT_SENDABLE', 'status', { ...SAMPLE_ORDER_UPDATE, status: 'PAUSED' }, ORDER_OK],
  ['PARAMETER_COUNT_MISMATCH', 'body', SAMPLE_ORDER_UPDATE, order({ body: [text('Maria'), text('#1234')] })],
  ['PARAMETER_NAME_MISSING', 'body[0].parameterName', SAMPLE_RESERVATION, reservation({ body: [text('Pablo'), namedText('number_of_guests', '4'), namedText('day', 'Sat')] })],
  ['PARAMETER_NAME_NOT_ALLOWED', 'body[0].parameterName', SAMPLE_ORDER_UPDATE, order({ body: [namedText('nome', 'Maria'), text('#1'), text('2 dias')] })],
  ['PARAMETER_NAME_UNKNOWN', 'body[1].parameterName', SAMPLE_RESERVATION, reservation({ body: [namedText('first_name', 'Pablo'), namedText('guests', '4'), namedText('day', 'Sat')] })],
  ['PARAMETER_NAME_DUPLICATE', 'body[2].parameterName', SAMPLE_RESERVATION, reservation({ body: [namedText('first_name', 'Pablo'), namedText('day', 'Sat'), namedText('day', 'Sun')] })],
  ['PARAMETER_TYPE_NOT_ALLOWED', 'body[0].type', SAMPLE_ORDER_UPDATE, order({ body: [{ type: 'image', image: { id: '1' } } as unknown as BodyParameter, text('#1'), text('2 dias')] })],
  ['PARAMETER_VALUE_EMPTY', 'body[0].text', SAMPLE_ORDER_UPDATE, order({ body: [text('  '), text('#1'), text('2 dias')] })],
  ['PARAMETER_VALUE_INVALID_WHITESPACE', 'body[0].text', SAMPLE_ORDER_UPDATE, order({ body: [text('Maria\nSilva'), text('#1'), text('2 dias')] })],
  ['PARAMETER_VALUE_TOO_LONG', 'buttons[0].text', SAMPLE_ORDER_UPDATE, order({ buttons: [{ subType: 'url', index: 0, text: 'a'.repeat(2000) }] })],
  ['PARAMETER_VALUE_INVALID', 'body[2].currency.code', SAMPLE_ORDER_UPDATE, order({ body: [text('Maria'), text('#1'), { type: 'currency', currency: { fallbackValue: 'R$ 10,00', code: 'reais', amount1000: 10_000 } }] })],
  ['RENDERED_TEXT_TOO_LONG', 'body', SAMPLE_ORDER_UPDATE, order({ body: [text('x'.repeat(1000)), text('#1'), text('2 dias')] })],
  ['HEADER_PARAMETER_MISSING', 'header', SAMPLE_ORDER_UPDATE, { body: ORDER_OK.body, buttons: ORDER_OK.buttons }],
  ['HEADER_PARAMETER_UNEXPECTED', 'header', SAMPLE_OTP, { ...otp('123456', '123456'), header: { type: 'text', text: 'x' } }],
  ['HEADER_PARAMETER_TYPE_MISMATCH', 'header.type', SAMPLE_ORDER_UPDATE, order({ header: { type: 'image', image: { id: '1' } } })],
  ['MEDIA_SOURCE_INVALID', 'header.image', SAMPLE_RESERVATION, reservation({ header: { type: 'image', image: { link: 'http://insecure.example.com/a.jpg' } } })],
  ['BUTTON_INDEX_INVALID', 'buttons[1].index', SAMPLE_ORDER_UPDATE, order({ buttons: [{ subType: 'url', index: 0, text: '1' }, { subType: 'quick_reply', index: 5, payload: 'x' }] })],
  ['BUTTON_PARAMETER_MISSING', 'buttons', SAMPLE_ORDER_UPDATE, order({ buttons: [] })],
  ['BUTTON_PARAMETER_DUPLICATE', 'buttons[1].index', SAMPLE_ORDER_UPDATE, order({ buttons: [{ subType: 'url', index: 0, text: '1' }, { subType: 'url', index: 0, text: '2' }] })],
  ['BUTTON_PARAMETER_UNEXPECTED', 'buttons[0]', SAMPLE_PROMOTION, { header: { type: 'text', text: 'venta' }, body: [text('a'), text('b'), text('c')], buttons: [{ subType: 'url', index: 1, text: 'x' }, { subType: 'copy_code', index: 0, couponCode: '25OFF' }] }],
  ['BUTTON_SUB_TYPE_MISMATCH', 'buttons[0].subType', SAMPLE_ORDER_UPDATE, order({ buttons: [{ subType: 'quick_reply', index: 0, payload: 'x' }] })],
  ['BUTTON_KIND_NOT_SUPPORTED', 'buttons', withCatalog, { header: { type: 'text', text: 'venta' }, body: [text('a'), text('b'), text('c')] }],
  ['AUTH_CODE_MISMATCH', 'buttons[0].text', SAMPLE_OTP, otp('123456', '654321')],
];

describe('checkSendParameters', () => {
  it('accepts matching values', () => {
    expect(checkSendParameters(SAMPLE_ORDER_UPDATE, ORDER_OK)).toEqual([]);
    expect(checkSendParameters(SAMPLE_RESERVATION, RESERVATION_OK)).toEqual([]);
    expect(checkSendParameters(SAMPLE_OTP, otp('J$FpnYnP', 'J$FpnYnP'))).toEqual([]);
  });

  it('ignores the status (decide() owns it)', () => {
    expect(checkSendParameters({ ...SAMPLE_ORDER_UPDATE, status: 'PAUSED' }, ORDER_OK)).toEqual([]);
  });

  it.each(cases)('reports %s at %s', (code, path, template, parameters) => {
    expect(violationsOf(template, parameters)).toContainEqual(expect.objectContaining({ code, path }));
  });

  it('has a case for every violation code', () => {
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(PARAMETER_VIOLATION_CODES));
  });

  it.each([
    ['a tab', 'a\tb', 'PARAMETER_VALUE_INVALID_WHITESPACE'],
    ['five spaces', 'a     b', 'PARAMETER_VALUE_INVALID_WHITESPACE'],
    ['a carriage return', 'a\rb', 'PARAMETER_VALUE_INVALID_WHITESPACE'],
    ['four spaces', 'a    b', null],
    ['emoji and accents', 'Olá 😀 São Paulo', null],
  ] as const)('text with %s', (_label, value, code) => {
    const found = checkSendParameters(SAMPLE_ORDER_UPDATE, order({ body: [text(value), text('#1'), text('2 dias')] }));
    expect(found.map((v) => v.code)).toEqual(code === null ? [] : [code]);
  });

  it.each([
    ['currency', { type: 'currency', currency: { fallbackValue: 'R$ 10,99', code: 'BRL', amount1000: 10_990 } }, []],
    ['currency with a fractional amount1000', { type: 'currency', currency: { fallbackValue: 'R$ 1', code: 'BRL', amount1000: 1.5 } }, ['PARAMETER_VALUE_INVALID']],
    ['currency without fallback', { type: 'currency', currency: { fallbackValue: '', code: 'BRL', amount1000: 1000 } }, ['PARAMETER_VALUE_EMPTY']],
    ['date_time', { type: 'date_time', dateTime: { fallbackValue: '25 de fevereiro de 2026' } }, []],
    ['date_time without fallback', { type: 'date_time', dateTime: { fallbackValue: ' ' } }, ['PARAMETER_VALUE_EMPTY']],
  ] as const)('body value of type %s', (_label, value: BodyParameter, codes) => {
    const found = checkSendParameters(SAMPLE_ORDER_UPDATE, order({ body: [text('Maria'), text('#1'), value] }));
    expect(found.map((v) => v.code)).toEqual(codes);
  });

  it.each([
    ['a named header without its name', { type: 'text', text: 'x' }, 'PARAMETER_NAME_MISSING'],
    ['a named header with another name', { type: 'text', text: 'x', parameterName: 'other' }, 'PARAMETER_NAME_UNKNOWN'],
  ] as const)('reports %s', (_label, header: HeaderParameter, code) => {
    const template: Template = {
      ...SAMPLE_RESERVATION,
      components: [{ type: 'HEADER', format: 'TEXT', text: 'Mesa para {{guest}}' }, ...SAMPLE_RESERVATION.components.slice(1)],
    };
    expect(checkSendParameters(template, reservation({ header })).map((v) => v.code)).toEqual([code]);
  });

  it('checks positional header names, text and rendered length', () => {
    const codes = (header: HeaderParameter) => checkSendParameters(SAMPLE_ORDER_UPDATE, order({ header })).map((v) => v.code);
    expect(codes({ type: 'text', text: '#1', parameterName: 'pedido' })).toEqual(['PARAMETER_NAME_NOT_ALLOWED']);
    expect(codes({ type: 'text', text: 'x'.repeat(60) })).toEqual(['RENDERED_TEXT_TOO_LONG']);
    expect(codes({ type: 'text', text: '' })).toContain('PARAMETER_VALUE_EMPTY');
  });

  it('rejects a header value for a header without parameters', () => {
    const template: Template = { ...SAMPLE_ORDER_UPDATE, components: [{ type: 'HEADER', format: 'TEXT', text: 'Seu pedido' }, ...SAMPLE_ORDER_UPDATE.components.slice(1)] };
    expect(checkSendParameters(template, ORDER_OK).map((v) => v.code)).toEqual(['HEADER_PARAMETER_UNEXPECTED']);
    expect(checkSendParameters(template, { ...ORDER_OK, header: undefined })).toEqual([]);
  });

  it.each([
    ['VIDEO', { type: 'video', video: { id: '77' } }, []],
    ['VIDEO', { type: 'image', image: { id: '77' } }, ['HEADER_PARAMETER_TYPE_MISMATCH']],
    ['DOCUMENT', { type: 'document', document: { link: 'https://cdn.example.com/boleto.pdf', filename: 'boleto.pdf' } }, []],
    ['DOCUMENT', { type: 'document', document: { id: ' ' } }, ['MEDIA_SOURCE_INVALID']],
    ['LOCATION', { type: 'location', location: { latitude: -23.55, longitude: -46.63 } }, []],
    ['LOCATION', { type: 'location', location: { latitude: 91, longitude: 0 } }, ['PARAMETER_VALUE_INVALID']],
    ['LOCATION', { type: 'text', text: 'x' }, ['HEADER_PARAMETER_TYPE_MISMATCH']],
    ['IMAGE', undefined, ['HEADER_PARAMETER_MISSING']],
  ] as const)('%s header with %j', (format, header: HeaderParameter | undefined, codes) => {
    const template: Template = { ...SAMPLE_RESERVATION, components: [{ type: 'HEADER', format }, ...SAMPLE_RESERVATION.components.slice(1)] };
    expect(checkSendParameters(template, { ...RESERVATION_OK, header }).map((v) => v.code)).toEqual(codes);
  });

  it('checks authentication codes (≤15 chars, no URL or emoji, text only)', () => {
    expect(checkSendParameters(SAMPLE_OTP, otp('1234567890123456', '1234567890123456')).map((v) => v.code)).toEqual(['PARAMETER_VALUE_TOO_LONG', 'PARAMETER_VALUE_TOO_LONG']);
    expect(checkSendParameters(SAMPLE_OTP, otp('www.x.com', 'www.x.com')).map((v) => v.code)).toEqual(['PARAMETER_VALUE_INVALID', 'PARAMETER_VALUE_INVALID']);
    const currency: BodyParameter = { type: 'currency', currency: { fallbackValue: '1', code: 'BRL', amount1000: 1 } };
    expect(checkSendParameters(SAMPLE_OTP, { body: [currency], buttons: [{ subType: 'url', index: 0, text: '1' }] }).map((v) => v.code)).toEqual(['PARAMETER_TYPE_NOT_ALLOWED']);
  });

  it('checks quick-reply payloads, coupon codes and flow buttons', () => {
    const promo = (buttons: TemplateSendParameters['buttons']) =>
      checkSendParameters(SAMPLE_PROMOTION, { header: { type: 'text', text: 'venta' }, body: [text('a'), text('b'), text('c')], buttons }).map((v) => v.code);
    expect(promo([{ subType: 'copy_code', index: 0, couponCode: '25OFF' }, { subType: 'quick_reply', index: 2, payload: 'stop' }])).toEqual([]);
    expect(promo([{ subType: 'copy_code', index: 0, couponCode: 'X'.repeat(16) }])).toEqual(['PARAMETER_VALUE_TOO_LONG']);
    expect(promo([{ subType: 'copy_code', index: 0, couponCode: '25OFF' }, { subType: 'quick_reply', index: 2, payload: '' }])).toEqual(['PARAMETER_VALUE_EMPTY']);
    const flow: Template = { ...SAMPLE_ORDER_UPDATE, components: [...SAMPLE_ORDER_UPDATE.components.slice(0, 3), { type: 'BUTTONS', buttons: [{ type: 'FLOW', text: 'Agendar', flowId: '123' }] }] };
    expect(checkSendParameters(flow, { ...ORDER_OK, buttons: [{ subType: 'flow', index: 0, flowToken: 't' }] })).toEqual([]);
  });
});
