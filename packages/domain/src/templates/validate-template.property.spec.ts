import fc from 'fast-check';
import type { TemplateButton, TemplateComponent, TemplateSubmission } from './template.model';
import { validateTemplate } from './validate-template';
import { TEMPLATE_VIOLATION_CODES } from './template-violation.model';

const messyText = fc
  .array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('{{1}}', '{{2}}', '{{nome}}', '{{', '}}', '{{#}}', '\n', '*b*', ' ')), { maxLength: 10 })
  .map((parts) => parts.join(''));
const anyButton: fc.Arbitrary<TemplateButton> = fc.oneof(
  fc.record({ type: fc.constant('QUICK_REPLY' as const), text: messyText }),
  fc.record({ type: fc.constant('URL' as const), text: messyText, url: messyText, example: fc.option(fc.array(messyText, { maxLength: 2 }), { nil: undefined }) }),
  fc.record({ type: fc.constant('PHONE_NUMBER' as const), text: messyText, phoneNumber: messyText }),
  fc.record({ type: fc.constant('COPY_CODE' as const), example: fc.option(messyText, { nil: undefined }) }),
  fc.record({ type: fc.constant('OTP' as const), otpType: fc.constantFrom('COPY_CODE' as const, 'ONE_TAP' as const, 'ZERO_TAP' as const) }),
  fc.record({ type: fc.constant('FLOW' as const), text: messyText }),
  fc.record({ type: fc.constantFrom('CATALOG' as const, 'MPM' as const, 'SPM' as const, 'VOICE_CALL' as const, 'REQUEST_CONTACT_INFO' as const) }),
);
const anyComponent: fc.Arbitrary<TemplateComponent> = fc.oneof(
  fc.record({ type: fc.constant('HEADER' as const), format: fc.constant('TEXT' as const), text: messyText, example: fc.option(fc.record({ headerText: fc.array(messyText, { maxLength: 2 }) }), { nil: undefined }) }),
  fc.record({ type: fc.constant('HEADER' as const), format: fc.constantFrom('IMAGE' as const, 'VIDEO' as const, 'DOCUMENT' as const, 'LOCATION' as const) }),
  fc.record({
    type: fc.constant('BODY' as const),
    text: fc.option(messyText, { nil: undefined }),
    example: fc.option(fc.record({ bodyText: fc.array(fc.array(messyText, { maxLength: 4 }), { maxLength: 2 }), bodyTextNamedParams: fc.array(fc.record({ paramName: messyText, example: messyText }), { maxLength: 4 }) }), { nil: undefined }),
    addSecurityRecommendation: fc.option(fc.boolean(), { nil: undefined }),
  }),
  fc.record({ type: fc.constant('FOOTER' as const), text: fc.option(messyText, { nil: undefined }), codeExpirationMinutes: fc.option(fc.integer({ min: -5, max: 100 }), { nil: undefined }) }),
  fc.record({ type: fc.constant('BUTTONS' as const), buttons: fc.array(anyButton, { maxLength: 11 }) }),
);
const anySubmission: fc.Arbitrary<TemplateSubmission> = fc.record({
  name: fc.oneof(fc.string(), fc.stringMatching(/^[a-z_]{1,20}$/)),
  language: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('pt_BR', 'en', 'es_MX')),
  category: fc.constantFrom('MARKETING' as const, 'UTILITY' as const, 'AUTHENTICATION' as const),
  parameterFormat: fc.constantFrom('POSITIONAL' as const, 'NAMED' as const),
  components: fc.array(anyComponent, { maxLength: 6 }),
  messageSendTtlSeconds: fc.option(fc.integer({ min: -10, max: 3_000_000 }), { nil: undefined }),
});

describe('validateTemplate properties', () => {
  it('never throws and gives every violation a path, a known code and a message', () => {
    const pathShape = /^(name|language|category|messageSendTtlSeconds|components(\[\d+\][\w.[\]]*)?)$/;
    const codes = new Set<string>(TEMPLATE_VIOLATION_CODES);
    fc.assert(
      fc.property(anySubmission, (submission) => {
        const violations = validateTemplate(submission, { tenantPolicy: { allowedCategories: ['UTILITY'] } });
        const malformed = violations.filter((v) => !pathShape.test(v.path) || !codes.has(v.code) || v.message === '');
        expect(malformed).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic', () => {
    fc.assert(fc.property(anySubmission, (s) => expect(validateTemplate(s)).toEqual(validateTemplate(s))));
  });
});
