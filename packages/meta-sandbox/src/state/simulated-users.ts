import { EMPTY_WINDOW, type TokenBucketState, type WindowState } from '@recado/domain';

/** The sandbox's view of one WhatsApp user. */
export interface SimulatedUser {
  readonly waId: string;
  name: string;
  window: WindowState;
  marketingStopped: boolean;
  /** Pair-rate bucket per business number. */
  readonly pairBuckets: Map<string, TokenBucketState>;
}

export interface UserRegistration {
  readonly waId: string;
  readonly name?: string;
  /** Numbers that reach this user (e.g. without Brazil's ninth digit); sends to them answer with `waId`. */
  readonly aliases?: readonly string[];
  readonly marketingStopped?: boolean;
}

const digits = (phone: string) => phone.replace(/\D/g, '');

export class SimulatedUsers {
  private readonly byWaId = new Map<string, SimulatedUser>();
  private readonly aliases = new Map<string, string>();

  register(registration: UserRegistration): SimulatedUser {
    const waId = digits(registration.waId);
    const user = this.byWaId.get(waId) ?? { waId, name: `User ${waId.slice(-4)}`, window: EMPTY_WINDOW, marketingStopped: false, pairBuckets: new Map() };
    if (registration.name !== undefined) user.name = registration.name;
    if (registration.marketingStopped !== undefined) user.marketingStopped = registration.marketingStopped;
    this.byWaId.set(waId, user);
    for (const alias of registration.aliases ?? []) this.aliases.set(digits(alias), waId);
    return user;
  }

  /** The user a `to` reaches, if any. */
  find(to: string): SimulatedUser | undefined {
    const key = digits(to);
    return this.byWaId.get(this.aliases.get(key) ?? key);
  }

  get size(): number {
    return this.byWaId.size;
  }
}
