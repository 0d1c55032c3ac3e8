/** A business phone number the sandbox answers for. */
export interface SandboxPhoneNumber {
  readonly id: string;
  readonly displayPhoneNumber: string;
  readonly verifiedName: string;
  readonly wabaId: string;
  readonly qualityRating: 'GREEN' | 'YELLOW' | 'RED' | 'NA';
  readonly messagingLimit: string;
}

export interface WebhookOptions {
  /** Receiver of signed webhooks; none are sent without it. */
  readonly url: string | undefined;
  readonly appSecret: string;
  /** Delay ranges [min, max] in ms after the send for each status. */
  readonly sentDelayMs: readonly [number, number];
  readonly deliveredDelayMs: readonly [number, number];
  readonly readDelayMs: readonly [number, number];
  /** Share of messages read by the user (0–1). */
  readonly readRate: number;
  /** Share of read messages whose `delivered` is never sent, as Meta does when both happen at once. */
  readonly readWithoutDeliveredRate: number;
  /** Share of webhooks posted twice. */
  readonly duplicateRate: number;
  /** Share of messages whose later statuses are posted in reverse order. */
  readonly outOfOrderRate: number;
  /** Share of webhooks dropped (fault injection). */
  readonly dropRate: number;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly timeoutMs: number;
}

export interface MetaSandboxOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Bearer token required on Graph calls; `undefined` accepts any. */
  readonly accessToken: string | undefined;
  readonly phoneNumbers: readonly SandboxPhoneNumber[];
  /** Graph API version whose webhook rules apply (conversation object only in FEP from v24). */
  readonly graphApiVersion: string;
  /** Per business number, inbound + outbound [M28]. */
  readonly throughputPerSecond: number;
  /** Pair rate to one user: 1 per 6 s with bursts of 45 [M31]. */
  readonly pairRatePerSecond: number;
  readonly pairBurst: number;
  /** Refuse requests that do not validate against Meta's OpenAPI description. */
  readonly validateRequests: boolean;
  /**
   * Where 131026 (unknown user) and 131047 (window closed) surface: in the send response, or,
   * as the Cloud API mostly does, as a `failed` status webhook after a 200.
   */
  readonly recipientErrorsBy: 'response' | 'webhook';
  /** Users not registered are unknown (131026) unless this is set. */
  readonly autoRegisterUsers: boolean;
  readonly templateReviewDelayMs: number;
  readonly seed: number;
  readonly openApiPath: string | undefined;
  readonly webhooks: WebhookOptions;
}

export type MetaSandboxOptionsInput = Partial<Omit<MetaSandboxOptions, 'webhooks'>> & { readonly webhooks?: Partial<WebhookOptions> };

export const DEFAULT_PHONE_NUMBER: SandboxPhoneNumber = {
  id: '106540352242922',
  displayPhoneNumber: '15550783881',
  verifiedName: 'Recado Sandbox',
  wabaId: '102290129340398',
  qualityRating: 'GREEN',
  messagingLimit: 'TIER_2K',
};

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = {
  url: undefined,
  appSecret: 'sandbox-app-secret',
  sentDelayMs: [50, 300],
  deliveredDelayMs: [300, 1_500],
  readDelayMs: [2_000, 10_000],
  readRate: 0.6,
  readWithoutDeliveredRate: 0.05,
  duplicateRate: 0,
  outOfOrderRate: 0,
  dropRate: 0,
  maxAttempts: 6,
  retryBaseMs: 500,
  timeoutMs: 5_000,
};

export function resolveSandboxOptions(input: MetaSandboxOptionsInput = {}): MetaSandboxOptions {
  return {
    host: '127.0.0.1',
    port: 0,
    accessToken: undefined,
    phoneNumbers: [DEFAULT_PHONE_NUMBER],
    graphApiVersion: 'v23.0',
    throughputPerSecond: 80,
    pairRatePerSecond: 1 / 6,
    pairBurst: 45,
    validateRequests: true,
    recipientErrorsBy: 'response',
    autoRegisterUsers: false,
    templateReviewDelayMs: 1_000,
    seed: 1,
    openApiPath: undefined,
    ...input,
    webhooks: { ...DEFAULT_WEBHOOK_OPTIONS, ...input.webhooks },
  };
}
