import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { sharedValidator } from '../test/sandbox-test-kit';
import { requestExamples } from './openapi-examples';

const MESSAGES = '/{Version}/{Phone-Number-ID}/messages';

describe('createOpenApiValidator', () => {
  // The discriminator shortcut must agree with the plain oneOf on every example, valid or not.
  it("checks sends through the discriminator exactly as the whole oneOf does", () => {
    const validator = sharedValidator();
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addFormat('url', true).addFormat('URL', true).addFormat('int64', true).addFormat('int32', true).addFormat('float', true);
    ajv.addSchema(validator.document as unknown as object, 'doc.json');
    const whole = ajv.getSchema('doc.json#/components/schemas/Message');
    if (!whole) throw new Error('No Message schema');
    const examples = requestExamples(validator.document, MESSAGES, 'post');
    const bodies = [...examples.map((e) => e.value), ...examples.map((e) => ({ ...(e.value as object), extra: 1 }))];
    for (const body of bodies) expect([body, validator.requestBody(MESSAGES, 'post', body).valid]).toEqual([body, whole(body)]);
    expect(bodies.filter((body) => whole(body) === true).length).toBeGreaterThan(10);
  });

  it('names the failing path', () => {
    const check = sharedValidator().requestBody(MESSAGES, 'post', { messaging_product: 'whatsapp', recipient_type: 'individual', to: '1', type: 'text', text: { body: 1 } });
    expect(check).toEqual({ valid: false, violations: [expect.objectContaining({ path: '/text/body' })] });
  });

  it('throws for a schema the description does not have', () => {
    expect(() => sharedValidator().schema('NoSuchSchema', {})).toThrow(RangeError);
  });
});
