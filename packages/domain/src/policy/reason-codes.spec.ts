import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REASON_CODE_LIST, REASON_CODES } from './reason-codes';

const docs = readFileSync(join(__dirname, '../../../../docs/RULES.md'), 'utf8');

describe('reason codes', () => {
  it.each(REASON_CODE_LIST)('%s is documented with a source in docs/RULES.md', (code) => {
    const doc = REASON_CODES[code];
    expect(doc.summary.length).toBeGreaterThan(10);
    expect(doc.sources.length).toBeGreaterThan(0);
    expect(docs).toContain(`\`${code}\``);
  });

  it('are unique upper-case identifiers', () => {
    expect(new Set(REASON_CODE_LIST).size).toBe(REASON_CODE_LIST.length);
    for (const code of REASON_CODE_LIST) expect(code).toMatch(/^[A-Z0-9_]+$/);
  });
});
