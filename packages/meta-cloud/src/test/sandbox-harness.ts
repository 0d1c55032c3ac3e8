import { createOpenApiValidator, loadMetaOpenApiDocument, startMetaSandbox, type MetaSandbox, type OpenApiValidator, type StartOptions } from '@recado/meta-sandbox';
import type { MetaCloudConfigInput } from '../config/meta-cloud.config';
import { createMetaCloudClient, type MetaCloudClient } from '../client/meta-cloud.client';

export const TOKEN = 'sandbox-token';
export const PHONE_NUMBER_ID = '106540352242922';
export const WABA_ID = '102290129340398';

let validator: OpenApiValidator | undefined;

/** One validator per test file: loading Meta's description takes about a second. */
export function sharedValidator(): OpenApiValidator {
  validator ??= createOpenApiValidator(loadMetaOpenApiDocument());
  return validator;
}

export interface Harness {
  readonly sandbox: MetaSandbox;
  readonly client: MetaCloudClient;
  stop(): Promise<void>;
}

/** A sandbox over real HTTP and a client pointed at it. */
export async function startHarness(options: StartOptions = {}, client: Partial<MetaCloudConfigInput> = {}): Promise<Harness> {
  const sandbox = await startMetaSandbox({ accessToken: TOKEN, validator: sharedValidator(), ...options });
  const created = createMetaCloudClient({ accessToken: TOKEN, phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, baseUrl: sandbox.url, ...client });
  if (!created.ok) throw created.error;
  return {
    sandbox,
    client: created.value,
    async stop() {
      await created.value.close();
      await sandbox.stop();
    },
  };
}
