import { SAMPLE_TEMPLATES, type TemplateSubmission } from '@recado/domain';
import { startHarness, type Harness } from '../test/sandbox-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ templateReviewDelayMs: 20 });
});
afterEach(() => h.stop());

const submission = (name: string, body = 'Your order {{1}} has shipped.'): TemplateSubmission => ({
  name,
  language: 'en_US',
  category: 'UTILITY',
  parameterFormat: 'POSITIONAL',
  components: [{ type: 'BODY', text: body, example: { bodyText: [['42']] } }],
});

/** Polls the list until the review has run (its delay is 20 ms; a loaded machine may take longer). */
async function statusOnceReviewed(name: string): Promise<string | undefined> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const listed = await h.client.listTemplates({ name });
    const status = listed.ok ? listed.value.templates[0]?.status : undefined;
    if (status !== 'PENDING') return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return 'PENDING';
}

describe('template management against the sandbox', () => {
  it('creates a template PENDING, which review then APPROVES', async () => {
    const created = await h.client.createTemplate(submission('order_shipped'));
    expect(created).toMatchObject({ ok: true, value: { status: 'PENDING', category: 'UTILITY' } });
    expect(await statusOnceReviewed('order_shipped')).toBe('APPROVED');
  });

  it('refuses a submission Meta would reject, without sending it', async () => {
    const refused = await h.client.createTemplate(submission('bad_format', 'Hi {{1}}{{2}}'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await h.client.listTemplates({ name: 'bad_format' })).toMatchObject({ ok: true, value: { templates: [] } });
  });

  it('creates every sample template of the domain', async () => {
    for (const template of SAMPLE_TEMPLATES) expect((await h.client.createTemplate(template)).ok).toBe(true);
  });

  it('refuses a second template with the same name and language', async () => {
    await h.client.createTemplate(submission('twice'));
    expect(await h.client.createTemplate(submission('twice'))).toMatchObject({ ok: false, error: { metaCode: 100, metaSubcode: 2388024 } });
  });

  it('lists page by page with cursors', async () => {
    for (const name of ['a_one', 'a_two', 'a_three']) await h.client.createTemplate(submission(name));
    const names: string[] = [];
    let after: string | undefined;
    do {
      const page = await h.client.listTemplates({ limit: 2, ...(after === undefined ? {} : { after }) });
      if (!page.ok) throw page.error;
      names.push(...page.value.templates.map((t) => t.name));
      after = page.value.after;
    } while (after !== undefined);
    expect(names).toEqual(['a_one', 'a_two', 'a_three']);
  });

  it('deletes by name, then the name is gone', async () => {
    await h.client.createTemplate(submission('to_delete'));
    expect(await h.client.deleteTemplate({ name: 'to_delete' })).toEqual({ ok: true, value: true });
    expect(await h.client.listTemplates({ name: 'to_delete' })).toMatchObject({ ok: true, value: { templates: [] } });
    expect(await h.client.deleteTemplate({ name: 'to_delete' })).toMatchObject({ ok: false, error: { metaCode: 100 } });
  });

  it('reads the phone number quality and limits', async () => {
    expect(await h.client.getPhoneNumberHealth()).toEqual({
      ok: true,
      value: { id: '106540352242922', displayPhoneNumber: '15550783881', verifiedName: 'Recado Sandbox', qualityRating: 'GREEN', throughputLevel: 'STANDARD', messagingLimit: 'TIER_2K' },
    });
  });
});
