import type { BodyParameter, ButtonParameter, HeaderParameter, TemplateSendParameters } from './send-parameters.model';
import type { PayloadButtonParameter, PayloadComponent, PayloadParameter } from './template-payload.model';

export type PayloadReadResult =
  | { readonly ok: true; readonly parameters: TemplateSendParameters }
  | { readonly ok: false; readonly problem: string };

function named(name: string | undefined): { parameterName?: string } {
  return name === undefined ? {} : { parameterName: name };
}

function fromPayloadParameter(p: PayloadParameter): BodyParameter | HeaderParameter {
  switch (p.type) {
    case 'text':
      return { type: 'text', text: p.text, ...named(p.parameter_name) };
    case 'currency': {
      const { fallback_value, code, amount_1000 } = p.currency;
      return { type: 'currency', currency: { fallbackValue: fallback_value, code, amount1000: amount_1000 }, ...named(p.parameter_name) };
    }
    case 'date_time':
      return { type: 'date_time', dateTime: { fallbackValue: p.date_time.fallback_value }, ...named(p.parameter_name) };
    case 'image':
      return { type: 'image', image: p.image };
    case 'video':
      return { type: 'video', video: p.video };
    case 'document':
      return { type: 'document', document: p.document };
    case 'location':
      return { type: 'location', location: p.location };
  }
}

function fromButtonParameter(subType: string, index: number, p: PayloadButtonParameter | undefined): ButtonParameter | string {
  if (subType === 'quick_reply' && p?.type === 'payload') return { subType, index, payload: p.payload };
  if (subType === 'url' && p?.type === 'text') return { subType, index, text: p.text };
  if (subType === 'copy_code' && p?.type === 'coupon_code') return { subType, index, couponCode: p.coupon_code };
  if (subType === 'flow' && p?.type === 'action') {
    return { subType, index, ...(p.action.flow_token === undefined ? {} : { flowToken: p.action.flow_token }), ...(p.action.flow_action_data === undefined ? {} : { flowActionData: p.action.flow_action_data }) };
  }
  return `button ${index}: a ${subType} button takes ${subType === 'quick_reply' ? 'a payload' : subType === 'url' ? 'a text' : subType === 'copy_code' ? 'a coupon_code' : 'an action'} parameter`;
}

const isBodyParameter = (p: BodyParameter | HeaderParameter): p is BodyParameter => p.type === 'text' || p.type === 'currency' || p.type === 'date_time';

/**
 * Reads the send values out of Meta's `template` payload (the inverse of the payload builder), so
 * that a send-command written in Meta's shape can be checked against the approved template.
 */
export function sendParametersFromPayload(components: readonly PayloadComponent[] = []): PayloadReadResult {
  let header: HeaderParameter | undefined;
  const body: BodyParameter[] = [];
  const buttons: ButtonParameter[] = [];
  for (const component of components) {
    if (component.type === 'header') {
      if (header !== undefined || component.parameters.length !== 1) return { ok: false, problem: 'the header takes exactly one parameter' };
      header = fromPayloadParameter(component.parameters[0] as PayloadParameter) as HeaderParameter;
    } else if (component.type === 'body') {
      for (const parameter of component.parameters) {
        const value = fromPayloadParameter(parameter);
        if (!isBodyParameter(value)) return { ok: false, problem: `body parameters are text, currency or date_time, not ${value.type}` };
        body.push(value);
      }
    } else {
      const index = Number(component.index);
      if (!Number.isInteger(index) || index < 0) return { ok: false, problem: `button index "${component.index}" is not a whole number` };
      const button = fromButtonParameter(component.sub_type, index, component.parameters[0]);
      if (typeof button === 'string') return { ok: false, problem: button };
      buttons.push(button);
    }
  }
  return { ok: true, parameters: { ...(header ? { header } : {}), ...(body.length > 0 ? { body } : {}), ...(buttons.length > 0 ? { buttons } : {}) } };
}
