import { phoneById, phoneByWaba, type SandboxCore } from '../sandbox-core';
import { handleMessages } from '../send/messages.handler';
import { createTemplate, deleteTemplates, listTemplates } from '../templates/templates.handler';
import { success, type GraphAnswer } from './graph-answer';
import { graphError } from './graph-error';

export interface GraphCall {
  readonly method: string;
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly body: Record<string, unknown> | undefined;
  readonly authorization: string | undefined;
}

function unknownObject(core: SandboxCore, id: string, method: string): GraphAnswer {
  const details = `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`;
  return graphError(100, details, core.random, { subcode: 33 });
}

function phoneNumber(core: SandboxCore, id: string): GraphAnswer {
  const phone = phoneById(core, id);
  if (phone === undefined) return unknownObject(core, id, 'GET');
  return success({
    id: phone.id,
    display_phone_number: phone.displayPhoneNumber,
    verified_name: phone.verifiedName,
    quality_rating: phone.qualityRating,
    throughput: { level: 'STANDARD' },
    whatsapp_business_manager_messaging_limit: phone.messagingLimit,
  });
}

function templates(core: SandboxCore, call: GraphCall, wabaId: string): GraphAnswer {
  if (phoneByWaba(core, wabaId) === undefined) return unknownObject(core, wabaId, call.method);
  switch (call.method) {
    case 'GET':
      return listTemplates(core, wabaId, call.query);
    case 'POST':
      return call.body ? createTemplate(core, wabaId, call.body) : graphError(100, 'The request body is not a JSON object.', core.random);
    case 'DELETE':
      return deleteTemplates(core, wabaId, call.query);
    default:
      return graphError(100, `Unsupported method ${call.method}.`, core.random);
  }
}

/** Routes `/{Version}/…` as the Graph API does, after the token check. */
export function routeGraph(core: SandboxCore, call: GraphCall): GraphAnswer {
  const token = core.options.accessToken;
  if (token !== undefined && call.authorization !== `Bearer ${token}`) {
    return graphError(190, 'Invalid OAuth access token - Cannot parse access token', core.random, { status: 401 });
  }
  const [version, id, edge, ...rest] = call.segments;
  if (version === undefined || !/^v\d+\.\d+$/.test(version) || id === undefined || rest.length > 0) {
    return graphError(100, 'Unknown path components.', core.random);
  }
  if (edge === undefined && call.method === 'GET') return phoneNumber(core, id);
  if (edge === 'message_templates') return templates(core, call, id);
  if (edge === 'messages' && call.method === 'POST') {
    const phone = phoneById(core, id);
    if (phone === undefined) return unknownObject(core, id, 'POST');
    return call.body ? handleMessages(core, phone, call.body) : graphError(100, 'The request body is not a JSON object.', core.random);
  }
  return graphError(100, 'Unknown path components.', core.random);
}
