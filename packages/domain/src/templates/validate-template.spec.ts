import type { BodyComponent, TemplateButton, TemplateComponent, TemplateSubmission } from './template.model';
import { validateTemplate, type ValidateTemplateOptions } from './validate-template';
import { TEMPLATE_VIOLATION_CODES, type TemplateViolationCode } from './template-violation.model';
import { SAMPLE_OTP, SAMPLE_TEMPLATES } from './sample-templates.data';

const base: TemplateSubmission = {
  name: 'aviso_pedido',
  language: 'pt_BR',
  category: 'UTILITY',
  parameterFormat: 'POSITIONAL',
  components: [{ type: 'BODY', text: 'Seu pedido foi enviado hoje e chega em breve.' }],
};
const body = (text: string, examples?: string[]): TemplateComponent => ({
  type: 'BODY',
  text,
  ...(examples ? { example: { bodyText: [examples] } } : {}),
});
const BODY_OK: BodyComponent = { type: 'BODY', text: 'Seu pedido foi enviado hoje e chega em breve.' };
const withComponents = (...components: TemplateComponent[]): TemplateSubmission => ({ ...base, components });
const withButtons = (...buttons: TemplateButton[]) => withComponents(BODY_OK, { type: 'BUTTONS', buttons });
const qr = (text = 'Ok'): TemplateButton => ({ type: 'QUICK_REPLY', text });
const url = (u: string, example?: string[]): TemplateButton => ({ type: 'URL', text: 'Abrir', url: u, ...(example ? { example } : {}) });
const named = (text: string, examples: { paramName: string; example: string }[]): TemplateSubmission => ({
  ...base,
  parameterFormat: 'NAMED',
  components: [{ type: 'BODY', text, example: { bodyTextNamedParams: examples } }],
});
const auth = (...components: TemplateComponent[]): TemplateSubmission => ({ ...base, category: 'AUTHENTICATION', components });
const OTP_BUTTONS: TemplateComponent = { type: 'BUTTONS', buttons: [{ type: 'OTP', otpType: 'COPY_CODE' }] };

type Case = [TemplateViolationCode, string, TemplateSubmission, ValidateTemplateOptions?];

const cases: Case[] = [
  ['NAME_EMPTY', 'name', { ...base, name: '' }],
  ['NAME_TOO_LONG', 'name', { ...base, name: 'a'.repeat(513) }],
  ['NAME_INVALID_CHARACTERS', 'name', { ...base, name: 'Aviso-Pedido' }],
  ['LANGUAGE_INVALID_FORMAT', 'language', { ...base, language: 'pt-BR' }],
  ['LANGUAGE_UNSUPPORTED', 'language', { ...base, language: 'xx_YY' }],
  ['CATEGORY_NOT_ALLOWED', 'category', { ...base, category: 'AUTHENTICATION' }, { tenantPolicy: { allowedCategories: ['MARKETING', 'UTILITY'] } }],
  ['COMPONENT_DUPLICATE', 'components[2]', withComponents(BODY_OK, { type: 'FOOTER', text: 'a' }, { type: 'FOOTER', text: 'b' })],
  ['BODY_MISSING', 'components', withComponents({ type: 'FOOTER', text: 'Loja' })],
  ['BODY_TEXT_MISSING', 'components[0].text', withComponents(body('   '))],
  ['TEXT_TOO_LONG', 'components[0].text', withComponents(body('palavra '.repeat(130)))],
  ['HEADER_TOO_MANY_PARAMETERS', 'components[0].text', withComponents({ type: 'HEADER', format: 'TEXT', text: 'Pedido {{1}} de {{2}}', example: { headerText: ['a', 'b'] } }, BODY_OK)],
  ['HEADER_FORMATTING_NOT_ALLOWED', 'components[0].text', withComponents({ type: 'HEADER', format: 'TEXT', text: '*Aviso* importante' }, BODY_OK)],
  ['HEADER_MEDIA_EXAMPLE_MISSING', 'components[0].example.headerHandle', withComponents({ type: 'HEADER', format: 'IMAGE' }, BODY_OK)],
  ['FOOTER_TEXT_MISSING', 'components[1].text', withComponents(BODY_OK, { type: 'FOOTER' })],
  ['FOOTER_PARAMETERS_NOT_ALLOWED', 'components[1].text', withComponents(BODY_OK, { type: 'FOOTER', text: 'Loja {{1}}' })],
  ['PARAMETER_MALFORMED', 'components[0].text', withComponents(body('Olá {{1}, seu pedido chegou hoje mesmo.'))],
  ['PARAMETER_INVALID_NAME', 'components[0].text', withComponents(body('Olá {{#1}} seu pedido chegou hoje mesmo.', ['x']))],
  ['PARAMETER_FORMAT_MISMATCH', 'components[0].text', withComponents(body('Olá {{nome}}, seu pedido chegou hoje mesmo.'))],
  ['PARAMETER_NOT_SEQUENTIAL', 'components[0].text', withComponents(body('Olá {{1}}, seu pedido {{3}} chegou hoje mesmo à tarde.', ['a', 'b']))],
  ['PARAMETER_ADJACENT', 'components[0].text', withComponents(body('Olá {{1}} {{2}}, seu pedido chegou hoje mesmo à tarde e está tudo certo.', ['a', 'b']))],
  ['PARAMETER_AT_START', 'components[0].text', withComponents(body('{{1}}, seu pedido chegou hoje.', ['Ana']))],
  ['PARAMETER_AT_END', 'components[0].text', withComponents(body('Seu pedido chegou hoje, obrigado {{1}}.', ['Ana']))],
  ['PARAMETER_RATIO_TOO_HIGH', 'components[0].text', withComponents(body('Olá {{1}}, pedido {{2}} chegou {{3}} ok.', ['a', 'b', 'c']))],
  ['EXAMPLE_MISSING', 'components[0].example.bodyText[0]', withComponents(body('Olá {{1}}, seu pedido chegou hoje.'))],
  ['EXAMPLE_COUNT_MISMATCH', 'components[0].example.bodyText[0]', withComponents(body('Olá {{1}}, seu pedido {{2}} chegou hoje mesmo.', ['Ana']))],
  ['EXAMPLE_EMPTY', 'components[0].example.bodyText[0][0]', withComponents(body('Olá {{1}}, seu pedido chegou hoje.', [' ']))],
  ['EXAMPLE_UNKNOWN_PARAMETER', 'components[0].example.bodyTextNamedParams[1].paramName', named('Olá {{nome}}, seu pedido chegou hoje.', [{ paramName: 'nome', example: 'Ana' }, { paramName: 'dia', example: 'hoje' }])],
  ['EXAMPLE_DUPLICATE', 'components[0].example.bodyTextNamedParams[1].paramName', named('Olá {{nome}}, seu pedido chegou hoje.', [{ paramName: 'nome', example: 'Ana' }, { paramName: 'nome', example: 'Bia' }])],
  ['BUTTONS_EMPTY', 'components[1].buttons', withButtons()],
  ['BUTTONS_TOO_MANY', 'components[1].buttons', withButtons(...Array.from({ length: 11 }, () => qr()))],
  ['BUTTON_TYPE_LIMIT_EXCEEDED', 'components[1].buttons', withButtons(url('https://a.example.com'), url('https://b.example.com'), url('https://c.example.com'))],
  ['BUTTON_TYPE_NOT_ALLOWED', 'components[1].buttons[0].type', withButtons({ type: 'OTP', otpType: 'COPY_CODE' })],
  ['QUICK_REPLY_NOT_GROUPED', 'components[1].buttons', withButtons(qr(), url('https://a.example.com'), qr())],
  ['BUTTON_TEXT_MISSING', 'components[1].buttons[0].text', withButtons(qr(''))],
  ['BUTTON_TEXT_TOO_LONG', 'components[1].buttons[0].text', withButtons(qr('x'.repeat(26)))],
  ['BUTTON_URL_INVALID', 'components[1].buttons[0].url', withButtons(url('ftp://files.example.com'))],
  ['BUTTON_URL_TOO_LONG', 'components[1].buttons[0].url', withButtons(url(`https://a.example.com/${'a'.repeat(2000)}`))],
  ['BUTTON_URL_TOO_MANY_VARIABLES', 'components[1].buttons[0].url', withButtons(url('https://a.example.com/{{1}}/{{2}}', ['https://a.example.com/x/y']))],
  ['BUTTON_URL_VARIABLE_NOT_AT_END', 'components[1].buttons[0].url', withButtons(url('https://a.example.com/{{1}}/track', ['https://a.example.com/1/track']))],
  ['BUTTON_URL_EXAMPLE_MISSING', 'components[1].buttons[0].example', withButtons(url('https://a.example.com/{{1}}'))],
  ['BUTTON_PHONE_INVALID', 'components[1].buttons[0].phoneNumber', withButtons({ type: 'PHONE_NUMBER', text: 'Ligar', phoneNumber: 'ligue já' })],
  ['COPY_CODE_EXAMPLE_INVALID', 'components[1].buttons[0].example', withButtons({ type: 'COPY_CODE', example: 'X'.repeat(16) })],
  ['FLOW_REFERENCE_MISSING', 'components[1].buttons[0]', withButtons({ type: 'FLOW', text: 'Abrir' })],
  ['AUTH_COMPONENT_NOT_ALLOWED', 'components[0]', auth({ type: 'HEADER', format: 'TEXT', text: 'Código' }, { type: 'BODY' }, OTP_BUTTONS)],
  ['AUTH_CUSTOM_TEXT_NOT_ALLOWED', 'components[0].text', auth(body('Seu código chegou, use-o agora mesmo.'), OTP_BUTTONS)],
  ['AUTH_OTP_BUTTON_REQUIRED', 'components', auth({ type: 'BODY' })],
  ['AUTH_SUPPORTED_APPS_REQUIRED', 'components[1].buttons[0].supportedApps', auth({ type: 'BODY' }, { type: 'BUTTONS', buttons: [{ type: 'OTP', otpType: 'ONE_TAP' }] })],
  ['AUTH_CODE_EXPIRATION_OUT_OF_RANGE', 'components[1].codeExpirationMinutes', auth({ type: 'BODY' }, { type: 'FOOTER', codeExpirationMinutes: 91 }, OTP_BUTTONS)],
  ['AUTH_ONLY_FIELD', 'components[0].addSecurityRecommendation', withComponents({ ...BODY_OK, addSecurityRecommendation: true })],
  ['TTL_OUT_OF_RANGE', 'messageSendTtlSeconds', { ...base, messageSendTtlSeconds: 10 }],
];

describe('validateTemplate', () => {
  it.each(SAMPLE_TEMPLATES.map((t) => [t.name, t] as const))('accepts the sample %s', (_name, template) => {
    expect(validateTemplate(template)).toEqual([]);
  });

  // Always four arguments: with fewer, jest would read the last parameter as a `done` callback.
  it.each(cases.map(([code, path, submission, options]) => [code, path, submission, options ?? {}] as const))('reports %s at %s', (code, path, submission, options) => {
    const violations = validateTemplate(submission, options);
    expect(violations).toContainEqual(expect.objectContaining({ code, path }));
  });

  it('has a case for every violation code', () => {
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(TEMPLATE_VIOLATION_CODES));
  });

  it('returns every violation, not just the first', () => {
    const codes = validateTemplate({ ...base, name: 'Bad Name', language: 'pt-BR', messageSendTtlSeconds: 1 }).map((v) => v.code);
    expect(codes).toEqual(['NAME_INVALID_CHARACTERS', 'LANGUAGE_INVALID_FORMAT', 'TTL_OUT_OF_RANGE']);
  });

  it('hints the underscore form for hyphenated languages', () => {
    expect(validateTemplate({ ...base, language: 'en-US' })[0]?.message).toContain('"en_US"');
  });

  it.each([
    ['a custom language list', { ...base, language: 'xx_YY' }, { supportedLanguages: ['xx_YY'] }],
    ['a TTL of -1 (30-day default)', { ...base, messageSendTtlSeconds: -1 }, {}],
    ['an authentication TTL within 30–900 s', { ...SAMPLE_OTP, messageSendTtlSeconds: 900 }, {}],
    ['a one-tap button with its app', auth({ type: 'BODY' }, { type: 'BUTTONS', buttons: [{ type: 'OTP', otpType: 'ONE_TAP', supportedApps: [{ packageName: 'br.com.loja', signatureHash: 'K8a/AINcGX7' }] }] }), {}],
    ['a location header', withComponents({ type: 'HEADER', format: 'LOCATION' }, BODY_OK), {}],
    ['quick replies after other buttons', withButtons(url('https://a.example.com'), qr(), qr('Parar')), {}],
    ['punctuation between parameters', withComponents(body('Olá {{1}}, {{2}} é o seu pedido que chegou hoje mesmo à tarde.', ['Ana', '#1'])), {}],
    ['a repeated positional parameter', withComponents(body('Olá {{1}}, seu pedido chegou hoje mesmo, {{1}}, tudo certo.', ['Ana'])), {}],
  ] as const)('accepts %s', (_label, submission, options: ValidateTemplateOptions) => {
    expect(validateTemplate(submission, options)).toEqual([]);
  });
});
