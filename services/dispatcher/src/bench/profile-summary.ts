import { readFileSync } from 'node:fs';

/*
 * Where a `--cpu-prof` profile spends its time: self time by area (package or dependency) and
 * by function, and inclusive time by function (each sample counted once per function on its stack).
 *
 *   node -r @swc-node/register src/bench/profile-summary.ts /tmp/dispatcher-bench-prof/CPU.*.cpuprofile [rows]
 */

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** `packages/persistence`, `node_modules/pg`, `node:internal`… */
function areaOf(url: string): string {
  if (url === '') return '(native/VM)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return `dep:${dependency[1]}`;
  const workspace = /\/(packages|services|tools)\/([^/]+)\//.exec(url);
  if (workspace) return `${workspace[1]}/${workspace[2]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

const shortUrl = (url: string): string => url.replace(/^.*\/(node_modules|packages|services|tools)\//, '$1/').replace(/^file:\/\//, '');
const keyOf = (node: ProfileNode): string => `${node.callFrame.functionName || '(anonymous)'} ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;

function table(title: string, totals: Map<string, number>, all: number, rows: number): void {
  console.log(`\n${title}`);
  for (const [key, micros] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${((micros / all) * 100).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${key}`);
  }
}

function main(): void {
  const [file, rowsText] = process.argv.slice(2);
  if (file === undefined) throw new Error('usage: profile-summary <file.cpuprofile> [rows]');
  const rows = Number(rowsText ?? 30);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let all = 0;
  let idle = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const node = byId.get(id);
    if (node === undefined) return;
    all += delta;
    if (node.callFrame.functionName === '(idle)') {
      idle += delta;
      return;
    }
    self.set(keyOf(node), (self.get(keyOf(node)) ?? 0) + delta);
    areas.set(areaOf(node.callFrame.url), (areas.get(areaOf(node.callFrame.url)) ?? 0) + delta);
    const seen = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const frame = byId.get(current);
      if (frame === undefined || frame.callFrame.functionName === '(root)') continue;
      seen.add(keyOf(frame));
    }
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + delta);
  });
  console.log(`${file}: ${(all / 1e6).toFixed(1)} s sampled, ${((1 - idle / all) * 100).toFixed(0)} % busy`);
  table('self time by area', areas, all, rows);
  table('self time by function', self, all, rows);
  table('inclusive time by function', inclusive, all, rows);
}

main();
