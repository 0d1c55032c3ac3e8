import { checkCategoryAllowed } from './category-policy.rule';

describe('checkCategoryAllowed', () => {
  const marketingAndUtility = { allowedCategories: ['MARKETING', 'UTILITY'] } as const;

  it.each([
    ['MARKETING', []],
    ['UTILITY', []],
    ['AUTHENTICATION', ['CATEGORY_NOT_ALLOWED']],
  ] as const)('%s → %j', (category, codes) => {
    expect(checkCategoryAllowed(marketingAndUtility, category).map((v) => v.code)).toEqual(codes);
  });

  it('names the allowed categories in the message', () => {
    expect(checkCategoryAllowed(marketingAndUtility, 'AUTHENTICATION')[0]).toEqual({
      path: 'category',
      code: 'CATEGORY_NOT_ALLOWED',
      message: 'This account may register only MARKETING, UTILITY templates, not AUTHENTICATION.',
    });
    expect(checkCategoryAllowed({ allowedCategories: [] }, 'UTILITY')[0]?.message).toContain('only no templates');
  });
});
