/** What was asked of the sandbox, so tests can prove nothing was sent twice. */
export interface SandboxInspection {
  readonly accepted: number;
  readonly rejected: number;
  readonly rejectedByCode: Readonly<Record<string, number>>;
  readonly acceptedByRecipient: Readonly<Record<string, number>>;
  readonly acceptedByCallbackData: Readonly<Record<string, number>>;
  readonly webhooksDelivered: number;
  readonly webhookAttempts: number;
  readonly webhooksAbandoned: number;
}

// Maps: one key per callback id would push a plain object into slow dictionary mode.
const increment = (counts: Map<string, number>, key: string) => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

export class SandboxCounters {
  accepted = 0;
  rejected = 0;
  webhooksDelivered = 0;
  webhookAttempts = 0;
  webhooksAbandoned = 0;
  private readonly rejectedByCode = new Map<string, number>();
  private readonly byRecipient = new Map<string, number>();
  private readonly byCallbackData = new Map<string, number>();

  recordAccepted(waId: string, callbackData: string | undefined): void {
    this.accepted += 1;
    increment(this.byRecipient, waId);
    if (callbackData !== undefined) increment(this.byCallbackData, callbackData);
  }

  recordRejected(code: number): void {
    this.rejected += 1;
    increment(this.rejectedByCode, String(code));
  }

  snapshot(): SandboxInspection {
    return {
      accepted: this.accepted,
      rejected: this.rejected,
      rejectedByCode: Object.fromEntries(this.rejectedByCode),
      acceptedByRecipient: Object.fromEntries(this.byRecipient),
      acceptedByCallbackData: Object.fromEntries(this.byCallbackData),
      webhooksDelivered: this.webhooksDelivered,
      webhookAttempts: this.webhookAttempts,
      webhooksAbandoned: this.webhooksAbandoned,
    };
  }
}
