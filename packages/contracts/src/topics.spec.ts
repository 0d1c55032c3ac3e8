import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EVENT_KINDS, EVENTS } from './event-catalog';
import { TOPIC_SPECS, TOPICS, type TopicId } from './topics';

// Topics are created by deployment: docker-compose.yml must create exactly these, with these partitions.
const createdByCompose = (): [string, number, string | undefined][] => {
  const compose = parse(readFileSync(join(__dirname, '../../../docker-compose.yml'), 'utf8')) as {
    services: { 'kafka-topics': { command: string[] } };
  };
  const script = compose.services['kafka-topics'].command.join('\n');
  return [...script.matchAll(/^\s*create (\S+) (\d+)(?: (\S+))?\s*$/gm)].map((match) => [match[1] ?? '', Number(match[2]), match[3]]);
};

const ids = Object.keys(TOPICS) as TopicId[];

describe('topics', () => {
  it('are versioned recado.<name>.v<n>', () => {
    for (const id of ids) expect(TOPICS[id]).toMatch(/^recado\.[a-z-]+\.v\d+$/);
  });

  it('are created by docker-compose.yml with the partition counts and configuration of the contract', () => {
    const expected = ids.map((id) => {
      const { name, partitions, config } = TOPIC_SPECS[id];
      const settings = Object.entries(config).map(([key, value]) => `${key}=${value}`);
      return [name, partitions, settings.length === 0 ? undefined : settings.join(',')];
    });
    expect(createdByCompose().sort()).toEqual(expected.sort());
  });

  it('each carry at least one event kind', () => {
    for (const id of ids) expect(EVENT_KINDS.some((kind) => EVENTS[kind].topic === id)).toBe(true);
  });

  it('event types are unique and versioned like their topic', () => {
    const types = EVENT_KINDS.map((kind) => EVENTS[kind].type);
    expect(new Set(types).size).toBe(types.length);
    for (const kind of EVENT_KINDS) {
      expect(EVENTS[kind].type.split('.').pop()).toBe(TOPICS[EVENTS[kind].topic].split('.').pop());
    }
  });
});
