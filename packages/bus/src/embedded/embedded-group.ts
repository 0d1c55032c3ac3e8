import type { EmbeddedLog } from './embedded-log';
import type { EmbeddedMember } from './embedded-member';
import { runPartitionLoop } from './partition-loop';
import type { WakeSignal } from './wake-signal';

/** The members of one group and their partitions: partition p of a topic goes to member p mod n. */
export class EmbeddedGroup {
  private readonly members: EmbeddedMember[] = [];
  private readonly loops = new Set<string>();

  constructor(
    readonly name: string,
    readonly log: EmbeddedLog,
    readonly signal: WakeSignal,
    readonly onError: (error: unknown) => void,
  ) {}

  async join(member: EmbeddedMember, startAt: 'earliest' | 'latest'): Promise<void> {
    if (startAt === 'latest') await this.commitEndWhereUnset(member.topics);
    this.members.push(member);
    for (const topic of member.topics) {
      for (let partition = 0; partition < this.log.partitionCount(topic); partition += 1) this.startLoop(topic, partition);
    }
    this.signal.notify();
  }

  leave(member: EmbeddedMember): void {
    const index = this.members.indexOf(member);
    if (index >= 0) this.members.splice(index, 1);
    this.signal.notify();
  }

  assignee(topic: string, partition: number): EmbeddedMember | undefined {
    const eligible = this.members.filter((member) => member.topics.includes(topic));
    return eligible.length === 0 ? undefined : eligible[partition % eligible.length];
  }

  /** Next offset to deliver: the committed one, or the start of the log. */
  async position(topic: string, partition: number): Promise<number> {
    return (await this.log.committedOffset(this.name, topic, partition)) ?? 0;
  }

  /** Called by a loop that found no member left for its topic; true when the loop must end. */
  retire(topic: string, partition: number): boolean {
    if (this.assignee(topic, partition) !== undefined) return false;
    this.loops.delete(`${topic}\u0000${partition}`);
    return true;
  }

  private startLoop(topic: string, partition: number): void {
    const id = `${topic}\u0000${partition}`;
    if (this.loops.has(id)) return;
    this.loops.add(id);
    runPartitionLoop(this, topic, partition).catch(this.onError);
  }

  private async commitEndWhereUnset(topics: readonly string[]): Promise<void> {
    for (const topic of topics) {
      for (let partition = 0; partition < this.log.partitionCount(topic); partition += 1) {
        if ((await this.log.committedOffset(this.name, topic, partition)) !== undefined) continue;
        await this.log.commit(this.name, topic, partition, await this.log.endOffset(topic, partition));
      }
    }
  }
}
