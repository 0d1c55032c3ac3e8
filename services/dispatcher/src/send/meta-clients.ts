import { createMetaCloudClient, type MetaCloudClient } from '@recado/meta-cloud';
import { getAccessToken, type Db, type KeyRing, type PhoneNumberFacts } from '@recado/persistence';

export interface MetaClientSettings {
  readonly baseUrl: string;
  readonly graphApiVersion: string;
  readonly poolSize: number;
  readonly requestTimeoutMs: number;
  readonly keyRing: KeyRing;
  /** Used when a WhatsApp account has no stored token (the sandbox accepts any). */
  readonly fallbackAccessToken: string | undefined;
}

/** One Cloud API client per business number, with the account's token read (and decrypted) once. */
export class MetaClients {
  private readonly clients = new Map<string, Promise<MetaCloudClient | null>>();

  constructor(private readonly settings: MetaClientSettings) {}

  clientFor(db: Db, tenantId: string, phone: PhoneNumberFacts): Promise<MetaCloudClient | null> {
    let client = this.clients.get(phone.id);
    if (client === undefined) {
      client = this.create(db, tenantId, phone);
      this.clients.set(phone.id, client);
      client.catch(() => this.clients.delete(phone.id));
    }
    return client;
  }

  async close(): Promise<void> {
    const clients = await Promise.all([...this.clients.values()].map((client) => client.catch(() => null)));
    this.clients.clear();
    await Promise.all(clients.map((client) => client?.close()));
  }

  private async create(db: Db, tenantId: string, phone: PhoneNumberFacts): Promise<MetaCloudClient | null> {
    const token = (await getAccessToken(db, tenantId, phone.wabaId, this.settings.keyRing)) ?? this.settings.fallbackAccessToken;
    if (token === undefined) {
      this.clients.delete(phone.id);
      return null;
    }
    const created = createMetaCloudClient({
      accessToken: token,
      phoneNumberId: phone.metaPhoneNumberId,
      baseUrl: this.settings.baseUrl,
      graphApiVersion: this.settings.graphApiVersion,
      poolSize: this.settings.poolSize,
      requestTimeoutMs: this.settings.requestTimeoutMs,
    });
    if (!created.ok) throw created.error;
    return created.value;
  }
}
