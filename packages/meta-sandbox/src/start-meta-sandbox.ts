import type { AddressInfo } from 'node:net';
import { createSandboxClock } from './clock';
import { createSandboxControl, type SandboxControl } from './control/sandbox-control';
import { createSandboxServer } from './http/sandbox-server';
import { createOpenApiValidator, loadMetaOpenApiDocument, type OpenApiValidator } from './openapi';
import { createRandom } from './random';
import type { SandboxCore } from './sandbox-core';
import { resolveSandboxOptions, type MetaSandboxOptions, type MetaSandboxOptionsInput } from './sandbox-options';
import { ThroughputLimiter } from './send/throughput';
import { SandboxCounters } from './state/sandbox-counters';
import { SandboxTemplates } from './state/sandbox-templates';
import { SimulatedUsers } from './state/simulated-users';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';

/** A running sandbox: its base URL (use it as the client's `baseUrl`) and its controls. */
export interface MetaSandbox {
  readonly url: string;
  readonly options: MetaSandboxOptions;
  readonly control: SandboxControl;
  stop(): Promise<void>;
}

export interface StartOptions extends MetaSandboxOptionsInput {
  /** Reuse a loaded validator (loading Meta's description takes about a second). */
  readonly validator?: OpenApiValidator;
}

function createCore(options: MetaSandboxOptions, validator: OpenApiValidator | undefined): SandboxCore {
  const random = createRandom(options.seed);
  const counters = new SandboxCounters();
  let sequence = 0;
  const faults = { errorRate: 0, serverErrorRate: 0, rateLimitBurst: 0, latencyMs: 0, webhookDropRate: options.webhooks.dropRate };
  return {
    options,
    clock: createSandboxClock(),
    random,
    users: new SimulatedUsers(),
    templates: new SandboxTemplates(),
    counters,
    throughput: new ThroughputLimiter(options.throughputPerSecond),
    webhooks: new WebhookDispatcher(options.webhooks, random, counters, () => faults.webhookDropRate),
    validator,
    faults,
    held: new Map(),
    nextSequence: () => ++sequence,
  };
}

/** Starts a local stand-in for the Cloud API (see the package README). */
export async function startMetaSandbox(input: StartOptions = {}): Promise<MetaSandbox> {
  const { validator: given, ...rest } = input;
  const options = resolveSandboxOptions(rest);
  const validator = options.validateRequests ? (given ?? createOpenApiValidator(loadMetaOpenApiDocument(options.openApiPath))) : undefined;
  const core = createCore(options, validator);
  const control = createSandboxControl(core);
  const server = createSandboxServer(core, control);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    options,
    control,
    async stop() {
      await core.webhooks.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
