import fc from 'fast-check';
import type { Template } from './template.model';
import { renderTemplateMessage } from './render-template';
import { exampleSendParameters } from './example-parameters';
import { validateTemplate } from './validate-template';
import { checkSendParameters } from './check-send-parameters.rule';
import { SAMPLE_TEMPLATES } from './sample-templates.data';

/** Valid templates built from parts: words around every parameter, one example each. */
const word = fc.stringMatching(/^[A-Za-zÀ-ú]{1,10}$/);
const exampleValue = fc.stringMatching(/^[A-Za-z0-9À-ú$#%][A-Za-z0-9À-ú$#%.,]{0,19}$/);
const validTemplate: fc.Arbitrary<Template> = fc
  .record({
    named: fc.boolean(),
    category: fc.constantFrom('MARKETING' as const, 'UTILITY' as const),
    gaps: fc.array(fc.array(word, { minLength: 3, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
    examples: fc.array(exampleValue, { minLength: 6, maxLength: 6 }),
    headerExample: exampleValue,
    withHeader: fc.boolean(),
    urlSuffix: fc.option(fc.stringMatching(/^[a-z0-9]{1,12}$/)),
  })
  .map(({ named, category, gaps, examples, headerExample, withHeader, urlSuffix }) => {
    const params = gaps.length - 1;
    const key = (i: number) => (named ? `p_${String.fromCharCode(97 + i)}` : String(i + 1));
    const text = gaps.map((g, i) => g.join(' ') + (i < params ? ` {{${key(i)}}} ` : '.')).join('');
    const values = examples.slice(0, params);
    const bodyExample = named ? { bodyTextNamedParams: values.map((example, i) => ({ paramName: key(i), example })) } : { bodyText: [values] };
    const headerKey = named ? 'titulo' : '1';
    const headerEx = named ? { headerTextNamedParams: [{ paramName: headerKey, example: headerExample }] } : { headerText: [headerExample] };
    return {
      name: 'gerado',
      language: 'pt_BR',
      category,
      status: 'APPROVED',
      parameterFormat: named ? 'NAMED' : 'POSITIONAL',
      components: [
        ...(withHeader ? [{ type: 'HEADER' as const, format: 'TEXT' as const, text: `Aviso {{${headerKey}}}`, example: headerEx }] : []),
        { type: 'BODY' as const, text, ...(params > 0 ? { example: bodyExample } : {}) },
        ...(urlSuffix === null
          ? []
          : [{ type: 'BUTTONS' as const, buttons: [{ type: 'URL' as const, text: 'Abrir', url: 'https://x.example.com/p/{{1}}', example: [`https://x.example.com/p/${urlSuffix}`] }] }]),
      ],
    };
  });

describe('properties', () => {
  it('every sample renders with its own examples', () => {
    for (const template of SAMPLE_TEMPLATES) expect(renderTemplateMessage(template, exampleSendParameters(template)).ok).toBe(true);
  });

  it('a valid template rendered with exactly its example parameters always succeeds', () => {
    fc.assert(
      fc.property(validTemplate, (template) => {
        expect(validateTemplate(template)).toEqual([]);
        const result = renderTemplateMessage(template, exampleSendParameters(template));
        expect(result.ok).toBe(true);
        expect(result.ok && result.preview.body).not.toMatch(/\{\{/);
      }),
    );
  });

  it('rendering an approved template succeeds exactly when checkSendParameters finds nothing', () => {
    const values = fc.record({
      body: fc.array(fc.record({ type: fc.constant('text' as const), text: fc.string({ maxLength: 12 }) }), { maxLength: 7 }),
    });
    fc.assert(
      fc.property(validTemplate, values, (template, parameters) => {
        expect(renderTemplateMessage(template, parameters).ok).toBe(checkSendParameters(template, parameters).length === 0);
      }),
    );
  });
});
