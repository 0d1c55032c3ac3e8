import type { BodyParameter, ButtonParameter, HeaderParameter } from './send-parameters.model';
import type { PayloadButtonParameter, PayloadComponent, PayloadParameter } from './template-payload.model';

function named(name: string | undefined): { parameter_name?: string } {
  return name === undefined ? {} : { parameter_name: name };
}

export function toPayloadParameter(p: BodyParameter | HeaderParameter): PayloadParameter {
  switch (p.type) {
    case 'text':
      return { type: 'text', text: p.text, ...named(p.parameterName) };
    case 'currency': {
      const { fallbackValue, code, amount1000 } = p.currency;
      return { type: 'currency', currency: { fallback_value: fallbackValue, code, amount_1000: amount1000 }, ...named(p.parameterName) };
    }
    case 'date_time':
      return { type: 'date_time', date_time: { fallback_value: p.dateTime.fallbackValue }, ...named(p.parameterName) };
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

function toButtonParameter(p: ButtonParameter): PayloadButtonParameter {
  switch (p.subType) {
    case 'quick_reply':
      return { type: 'payload', payload: p.payload };
    case 'url':
      return { type: 'text', text: p.text };
    case 'copy_code':
      return { type: 'coupon_code', coupon_code: p.couponCode };
    case 'flow': {
      const token = p.flowToken === undefined ? {} : { flow_token: p.flowToken };
      const data = p.flowActionData === undefined ? {} : { flow_action_data: p.flowActionData };
      return { type: 'action', action: { ...token, ...data } };
    }
  }
}

/** Meta's components list: header, body, then one `button` component per button value, by index. */
export function toPayloadComponents(
  header: HeaderParameter | undefined,
  body: readonly BodyParameter[],
  buttons: readonly ButtonParameter[],
): PayloadComponent[] {
  const components: PayloadComponent[] = [];
  if (header) components.push({ type: 'header', parameters: [toPayloadParameter(header)] });
  if (body.length > 0) components.push({ type: 'body', parameters: body.map(toPayloadParameter) });
  [...buttons]
    .sort((a, b) => a.index - b.index)
    .forEach((p) => components.push({ type: 'button', sub_type: p.subType, index: String(p.index), parameters: [toButtonParameter(p)] }));
  return components;
}
