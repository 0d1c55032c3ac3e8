import { checkSubscribeOptions, DEFAULT_MAX_BATCH_SIZE } from './subscribe-defaults';

const valid = { group: 'g', topics: ['t'], handler: () => Promise.resolve() };

describe('checkSubscribeOptions', () => {
  it('fills the defaults and keeps what was given', () => {
    expect(checkSubscribeOptions(valid)).toMatchObject({ maxBatchSize: DEFAULT_MAX_BATCH_SIZE, startAt: 'earliest', group: 'g' });
    expect(checkSubscribeOptions({ ...valid, maxBatchSize: 7, startAt: 'latest', concurrentPartitions: 3 })).toMatchObject({ maxBatchSize: 7, startAt: 'latest', concurrentPartitions: 3 });
  });

  it.each([
    [{ group: '' }, 'group must not be empty'],
    [{ topics: [] }, 'topics must not be empty'],
    [{ maxBatchSize: 0 }, 'maxBatchSize must be a positive integer, got 0'],
    [{ maxBatchSize: 1.5 }, 'maxBatchSize must be a positive integer, got 1.5'],
    [{ concurrentPartitions: 0 }, 'concurrentPartitions must be a positive integer, got 0'],
    [{ concurrentPartitions: 2.5 }, 'concurrentPartitions must be a positive integer, got 2.5'],
  ])('refuses %j', (override, message) => {
    expect(() => checkSubscribeOptions({ ...valid, ...override })).toThrow(message);
  });
});
