import { PHONE_NUMBER_ID, sharedValidator, startKit, type Kit } from '../test/sandbox-test-kit';

const USER = '5511987654321';
const WABA = '102290129340398';
const MESSAGES = '/{Version}/{Phone-Number-ID}/messages';
const TEMPLATES = '/{Version}/{WABA-ID}/message_templates';
const PHONE = '/{Version}/{Phone-Number-ID}';

let kit: Kit;
beforeAll(async () => {
  kit = await startKit({ webhooks: { url: undefined } });
  kit.sandbox.control.registerUser({ waId: USER });
  kit.sandbox.control.addTemplate({ name: 'order_update', language: 'pt_BR', category: 'UTILITY' });
});
afterAll(() => kit.stop());

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${kit.sandbox.url}/v23.0${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: await response.json() };
}

const template = { messaging_product: 'whatsapp', recipient_type: 'individual', to: USER, type: 'template', template: { name: 'order_update', language: { policy: 'deterministic', code: 'pt_BR' } } };

describe("the sandbox's answers validate against the description", () => {
  it.each<[string, string, string, string, unknown]>([
    ['send', 'POST', `/${PHONE_NUMBER_ID}/messages`, MESSAGES, template],
    ['template creation', 'POST', `/${WABA}/message_templates`, TEMPLATES, { name: 'new_one', language: 'pt_BR', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi' }] }],
    ['template list', 'GET', `/${WABA}/message_templates?limit=1`, TEMPLATES, undefined],
    ['phone number', 'GET', `/${PHONE_NUMBER_ID}`, PHONE, undefined],
  ])('%s', async (_name, method, path, operation, body) => {
    const answer = await call(method, path, body);
    expect(answer.status).toBe(200);
    expect(sharedValidator().response(operation, method, 200, answer.body)).toEqual({ valid: true });
  });

  it('template deletion', async () => {
    const answer = await call('DELETE', `/${WABA}/message_templates?name=new_one`);
    expect(sharedValidator().response(TEMPLATES, 'delete', 200, answer.body)).toEqual({ valid: true });
  });

  it.each<[string, number, string, string, unknown]>([
    ['window closed', 131047, 'POST', `/${PHONE_NUMBER_ID}/messages`, { ...template, type: 'text', text: { body: 'hi' }, template: undefined }],
    ['unknown template', 132001, 'POST', `/${PHONE_NUMBER_ID}/messages`, { ...template, template: { name: 'nope', language: { policy: 'deterministic', code: 'pt_BR' } } }],
    ['unknown phone number', 100, 'GET', '/999', undefined],
  ])('error: %s is a GraphAPIError with code %s', async (_name, code, method, path, body) => {
    const answer = await call(method, path, body);
    expect(answer.body).toMatchObject({ error: { code } });
    expect(sharedValidator().schema('GraphAPIError', answer.body)).toEqual({ valid: true });
  });
});
