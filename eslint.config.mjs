import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Packages the pure rules engine may never reach for: it does no I/O.
const ioPackages = [
  'typeorm', 'pg', '@electric-sql/*', 'kafkajs', 'graphql', 'type-graphql', '@apollo/*',
  'undici', 'winston', 'class-validator', 'reflect-metadata', 'express', 'fastify',
];

const sourceConstraints = [
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: ioPackages },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:lib'] },
  { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:lib'] },
  // The single-process platform composes the services; nothing may import it.
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:lib', 'type:service'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:tool'] },
];

// Tests may also use the test tools (harness, Kafka test broker); the domain's may not.
const testConstraints = sourceConstraints.map((constraint) =>
  constraint.sourceTag === 'type:domain'
    ? constraint
    : { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:tool'] },
);

// Benchmarks, like tests, may start the test tools (the Kafka test broker).
const testFiles = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts', '**/bench/**/*.ts'];

const boundaries = (depConstraints) => [
  'error',
  { enforceBuildableLibDependency: false, allow: [], depConstraints },
];

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs', '**/.nx/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(sourceConstraints),
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.object.name='process'][object.property.name='env'][property.name='NODE_ENV']", message: 'No NODE_ENV branches in production code.' },
      ],
    },
  },
  {
    // Also by name: Nx only bans external packages that are installed somewhere in the workspace.
    files: ['packages/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ioPackages, message: 'packages/domain is pure: no I/O.' }] }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Time is a parameter in the domain.' }, { object: 'Math', property: 'random', message: 'The domain is deterministic.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time is a parameter in the domain.' }],
    },
  },
  {
    files: testFiles,
    rules: { '@nx/enforce-module-boundaries': boundaries(testConstraints) },
  },
];
