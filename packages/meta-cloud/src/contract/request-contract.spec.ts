import { SAMPLE_TEMPLATES } from '@recado/domain';
import { createOpenApiValidator, loadMetaOpenApiDocument, shapeDifferences, type OpenApiValidator } from '@recado/meta-sandbox';
import type { OutboundMessage } from '../messages/message-content.model';
import { checkOutboundMessage, toMarkReadBody, toMessageRequestBody } from '../messages/message-request';
import { toTemplateCreateBody } from '../templates/template-create.mapper';
import { everyOutboundMessage } from '../test/client-payloads.fixture';


const MESSAGES = '/{Version}/{Phone-Number-ID}/messages';
const TEMPLATES = '/{Version}/{WABA-ID}/message_templates';

let validator: OpenApiValidator;
beforeAll(() => {
  validator = createOpenApiValidator(loadMetaOpenApiDocument());
});

function requestExample(name: string): unknown {
  const operation = validator.document.paths[MESSAGES]?.['post'] as { requestBody: { content: Record<string, { examples: Record<string, { value: unknown }> }> } };
  return operation.requestBody.content['application/json']?.examples[name]?.value;
}

describe('request bodies against the OpenAPI description', () => {
  it.each(everyOutboundMessage())('%s passes the client checks and validates as a Message', (_name, message) => {
    expect(checkOutboundMessage(message)).toEqual([]);
    expect(validator.requestBody(MESSAGES, 'post', toMessageRequestBody(message))).toEqual({ valid: true });
  });

  it('refuses a body with a property the description does not know', () => {
    const [[, text]] = everyOutboundMessage() as [[string, OutboundMessage]];
    const body = { ...toMessageRequestBody(text), colour: 'red' };
    expect(validator.requestBody(MESSAGES, 'post', body).valid).toBe(false);
  });

  it.each([false, true])('mark-as-read (typing indicator %s) has the shape of the description example', (typingIndicator) => {
    const example = requestExample('Send typing indicator and read receipt');
    expect(example).toBeDefined();
    expect(shapeDifferences(toMarkReadBody('wamid.X', { typingIndicator }), example)).toEqual([]);
  });

  it.each(SAMPLE_TEMPLATES.map((t) => [t.name, t] as const))('template creation body for %s validates', (_name, template) => {
    expect(validator.requestBody(TEMPLATES, 'post', toTemplateCreateBody(template))).toEqual({ valid: true });
  });
});
