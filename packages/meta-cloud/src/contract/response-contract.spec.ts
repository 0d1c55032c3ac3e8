import { createOpenApiValidator, loadMetaOpenApiDocument, responseExamples, type OpenApiValidator } from '@recado/meta-sandbox';
import { toMetaCloudError } from '../errors/to-meta-cloud-error';
import { parseSendResponse } from '../messages/send-response';
import { parsePhoneNumberHealth } from '../phone-numbers/phone-number-health';
import type { Result } from '../result';
import { parseCreatedTemplate, parseSuccess, parseTemplatePage } from '../templates/template-responses';

const MESSAGES = '/{Version}/{Phone-Number-ID}/messages';
const TEMPLATES = '/{Version}/{WABA-ID}/message_templates';
const PHONE = '/{Version}/{Phone-Number-ID}';
const NOW = new Date('2026-11-23T10:00:00Z');

let validator: OpenApiValidator;
beforeAll(() => {
  validator = createOpenApiValidator(loadMetaOpenApiDocument());
});

const READ_RECEIPT = /read receipt/i;
type Pick = (name: string) => boolean;

const successes = (path: string, method: string, pick: Pick) => {
  const examples = responseExamples(validator.document, path, method).filter((e) => e.status === 200 && pick(e.name));
  if (examples.length === 0) throw new Error(`No 200 example for ${method} ${path}`);
  return examples;
};

const all: Pick = () => true;

describe.each<[string, string, string, (body: unknown) => Result<unknown, unknown>, Pick]>([
  ['send', MESSAGES, 'post', parseSendResponse, (name) => !READ_RECEIPT.test(name)],
  ['mark-as-read', MESSAGES, 'post', parseSuccess, (name) => READ_RECEIPT.test(name)],
  ['template list', TEMPLATES, 'get', parseTemplatePage, all],
  ['template creation', TEMPLATES, 'post', parseCreatedTemplate, all],
  ['template deletion', TEMPLATES, 'delete', parseSuccess, all],
  ['phone number', PHONE, 'get', parsePhoneNumberHealth, all],
])('%s responses from the description', (_name, path, method, parse, pick) => {
  it('has examples that validate against the response schema and that the client parses', () => {
    for (const example of successes(path, method, pick)) {
      expect([example.name, validator.response(path, method, 200, example.value)]).toEqual([example.name, { valid: true }]);
      expect([example.name, parse(example.value).ok]).toEqual([example.name, true]);
    }
  });
});

describe('error responses from the description', () => {
  const errors = responseExamples(loadMetaOpenApiDocument(), PHONE, 'get').filter((e) => e.status >= 400);

  it.each(errors.map((e) => [`${e.status} ${e.name}`, e] as const))('%s maps to a META_ERROR with its code', (_name, example) => {
    const body = example.value as { error: { code: number; fbtrace_id?: string } };
    const error = toMetaCloudError({ status: example.status, headers: {}, body }, NOW);
    expect(error).toMatchObject({ code: 'META_ERROR', metaCode: body.error.code, fbtraceId: body.error.fbtrace_id, httpStatus: example.status });
  });

  it('has rate-limit examples that come out RATE_LIMITED', () => {
    const limited = errors.filter((e) => e.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    for (const e of limited) expect(toMetaCloudError({ status: 429, headers: {}, body: e.value }, NOW).errorClass).toBe('RATE_LIMITED');
  });
});

describe('the send response parser', () => {
  it('reads the canonical wa_id and message_status', () => {
    const parsed = parseSendResponse({
      messaging_product: 'whatsapp',
      contacts: [{ input: '+55 11 98765-4321', wa_id: '5511987654321' }],
      messages: [{ id: 'wamid.A', message_status: 'held_for_quality_assessment' }],
    });
    expect(validator.response(MESSAGES, 'post', 200, parsed.ok ? { messages: [{ id: 'wamid.A', message_status: parsed.value.messageStatus }] } : null)).toEqual({ valid: true });
    expect(parsed).toEqual({ ok: true, value: { wamid: 'wamid.A', waId: '5511987654321', input: '+55 11 98765-4321', messageStatus: 'held_for_quality_assessment' } });
  });

  it.each([[{}], [{ messages: [{ id: 'wamid.A' }] }], [{ contacts: [{ wa_id: '1' }], messages: [] }], ['text']])('refuses %j', (body) => {
    expect(parseSendResponse(body)).toMatchObject({ ok: false, error: { code: 'INVALID_RESPONSE' } });
  });
});
