import type { Writable } from 'node:stream';
import { parseReply } from './broker-protocol';

interface PendingCommand {
  command: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** Line commands to the broker process, one in flight at a time, each settled by its reply line. */
export class CommandChannel {
  private queue: Promise<void> = Promise.resolve();
  private pending: PendingCommand | undefined;
  private closedBecause: Error | undefined;

  constructor(private readonly input: Writable) {}

  send(command: string): Promise<void> {
    const result = this.queue.then(() => this.exchange(command));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Feeds one line the broker printed. */
  receive(line: string): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending === undefined) return;
    const reply = parseReply(line);
    if (reply.ok) pending.resolve();
    else pending.reject(new Error(`kafka-test-broker: '${pending.command}' failed: ${reply.message}`));
  }

  /** Fails the command in flight and every later one. */
  close(reason: Error): void {
    this.closedBecause = reason;
    this.pending?.reject(reason);
    this.pending = undefined;
  }

  private exchange(command: string): Promise<void> {
    if (this.closedBecause !== undefined) return Promise.reject(this.closedBecause);
    return new Promise((resolve, reject) => {
      this.pending = { command, resolve, reject };
      this.input.write(`${command}\n`);
    });
  }
}
