import type { Template } from './template.model';
import { renderPreview, renderTemplateMessage } from './render-template';
import { exampleSendParameters } from './example-parameters';
import { SAMPLE_ORDER_UPDATE, SAMPLE_OTP, SAMPLE_PROMOTION, SAMPLE_RESERVATION } from './sample-templates.data';

describe('renderTemplateMessage', () => {
  it("builds Meta's payload for a positional template with a URL button", () => {
    const result = renderTemplateMessage(SAMPLE_ORDER_UPDATE, {
      header: { type: 'text', text: '#98' },
      body: [{ type: 'text', text: 'Ana' }, { type: 'text', text: '#98' }, { type: 'date_time', dateTime: { fallbackValue: '3 de março' } }],
      buttons: [{ subType: 'url', index: 0, text: '98' }],
    });
    expect(result).toEqual({
      ok: true,
      payload: {
        name: 'atualizacao_pedido',
        language: { code: 'pt_BR' },
        components: [
          { type: 'header', parameters: [{ type: 'text', text: '#98' }] },
          {
            type: 'body',
            parameters: [{ type: 'text', text: 'Ana' }, { type: 'text', text: '#98' }, { type: 'date_time', date_time: { fallback_value: '3 de março' } }],
          },
          { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '98' }] },
        ],
      },
      preview: {
        header: { format: 'TEXT', text: 'Pedido #98' },
        body: 'Olá Ana, seu pedido #98 foi enviado e chega em 3 de março. Acompanhe pelo link abaixo.',
        footer: 'Loja Exemplo',
        buttons: [
          { type: 'URL', text: 'Rastrear', url: 'https://loja.example.com/rastreio/98' },
          { type: 'QUICK_REPLY', text: 'Falar com atendente' },
        ],
      },
    });
  });

  it('keeps parameter_name for named templates and sends media by link', () => {
    const result = renderTemplateMessage(SAMPLE_RESERVATION, {
      header: { type: 'image', image: { link: 'https://cdn.example.com/mesa.jpg' } },
      body: [
        { type: 'text', text: 'Saturday', parameterName: 'day' },
        { type: 'text', text: 'Pablo', parameterName: 'first_name' },
        { type: 'currency', currency: { fallbackValue: '4', code: 'USD', amount1000: 4000 }, parameterName: 'number_of_guests' },
      ],
      buttons: [{ subType: 'quick_reply', index: 0, payload: 'cancel-123' }],
    });
    expect(result.ok && result.payload.components).toEqual([
      { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/mesa.jpg' } }] },
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'Saturday', parameter_name: 'day' },
          { type: 'text', text: 'Pablo', parameter_name: 'first_name' },
          { type: 'currency', currency: { fallback_value: '4', code: 'USD', amount_1000: 4000 }, parameter_name: 'number_of_guests' },
        ],
      },
      { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'cancel-123' }] },
    ]);
    expect(result.ok && result.preview.body).toBe('Hi Pablo, your table for 4 is booked for Saturday at our restaurant. Reply to change it.');
  });

  it('puts the authentication code in the body and in the URL button (§4.6)', () => {
    const result = renderTemplateMessage(SAMPLE_OTP, exampleSendParameters(SAMPLE_OTP));
    expect(result.ok && result.payload).toEqual({
      name: 'codigo_verificacao',
      language: { code: 'pt_BR' },
      components: [
        { type: 'body', parameters: [{ type: 'text', text: '123456' }] },
        { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '123456' }] },
      ],
    });
    expect(result.ok && result.preview).toEqual({
      body: '123456 is your verification code. For your security, do not share this code.',
      footer: 'This code expires in 5 minutes.',
      buttons: [{ type: 'OTP', text: 'Copiar código' }],
    });
  });

  it('orders button components by index and maps coupon codes and flows', () => {
    const result = renderTemplateMessage(SAMPLE_PROMOTION, {
      header: { type: 'text', text: 'venta' },
      body: [{ type: 'text', text: 'hoy' }, { type: 'text', text: 'X1' }, { type: 'text', text: '10%' }],
      buttons: [{ subType: 'quick_reply', index: 2, payload: 'stop' }, { subType: 'copy_code', index: 0, couponCode: 'X1' }],
    });
    expect(result.ok && result.payload.components?.slice(2)).toEqual([
      { type: 'button', sub_type: 'copy_code', index: '0', parameters: [{ type: 'coupon_code', coupon_code: 'X1' }] },
      { type: 'button', sub_type: 'quick_reply', index: '2', parameters: [{ type: 'payload', payload: 'stop' }] },
    ]);
    const flow: Template = { ...SAMPLE_ORDER_UPDATE, components: [{ type: 'BODY', text: 'Agende sua visita técnica pelo botão abaixo, por favor.' }, { type: 'BUTTONS', buttons: [{ type: 'FLOW', text: 'Agendar', flowName: 'agenda' }] }] };
    const flowResult = renderTemplateMessage(flow, { buttons: [{ subType: 'flow', index: 0, flowToken: 'tok', flowActionData: { step: 1 } }] });
    expect(flowResult.ok && flowResult.payload.components).toEqual([
      { type: 'button', sub_type: 'flow', index: '0', parameters: [{ type: 'action', action: { flow_token: 'tok', flow_action_data: { step: 1 } } }] },
    ]);
    const bare = renderTemplateMessage(flow, { buttons: [{ subType: 'flow', index: 0 }] });
    expect(bare.ok && bare.payload.components).toEqual([{ type: 'button', sub_type: 'flow', index: '0', parameters: [{ type: 'action', action: {} }] }]);
  });

  it('omits components when the template takes no values', () => {
    const plain: Template = { ...SAMPLE_ORDER_UPDATE, components: [{ type: 'BODY', text: 'Seu pedido foi entregue. Obrigado pela preferência!' }] };
    expect(renderTemplateMessage(plain, {})).toEqual({
      ok: true,
      payload: { name: plain.name, language: { code: 'pt_BR' } },
      preview: { body: 'Seu pedido foi entregue. Obrigado pela preferência!', buttons: [] },
    });
  });

  it('refuses a template that is not APPROVED, with the parameter problems too', () => {
    const result = renderTemplateMessage({ ...SAMPLE_ORDER_UPDATE, status: 'DISABLED' }, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.violations.map((v) => v.code)).toEqual(['TEMPLATE_NOT_SENDABLE', 'HEADER_PARAMETER_MISSING', 'PARAMETER_COUNT_MISMATCH', 'BUTTON_PARAMETER_MISSING']);
  });
});

describe('renderPreview', () => {
  it('leaves placeholders without values visible', () => {
    expect(renderPreview(SAMPLE_ORDER_UPDATE, {}).body).toBe('Olá {{1}}, seu pedido {{2}} foi enviado e chega em {{3}}. Acompanhe pelo link abaixo.');
    expect(renderPreview(SAMPLE_ORDER_UPDATE, {}).header).toEqual({ format: 'TEXT', text: 'Pedido {{1}}' });
  });

  it.each([
    ['IMAGE', { type: 'image', image: { id: '1' } }, { format: 'IMAGE', media: { id: '1' } }],
    ['VIDEO', { type: 'video', video: { id: '2' } }, { format: 'VIDEO', media: { id: '2' } }],
    ['DOCUMENT', { type: 'document', document: { id: '3' } }, { format: 'DOCUMENT', media: { id: '3' } }],
    ['LOCATION', { type: 'location', location: { latitude: 1, longitude: 2 } }, { format: 'LOCATION', location: { latitude: 1, longitude: 2 } }],
    ['IMAGE', undefined, { format: 'IMAGE', media: undefined }],
    ['LOCATION', undefined, { format: 'LOCATION', location: undefined }],
  ] as const)('shows a %s header', (format, header, expected) => {
    const template: Template = { ...SAMPLE_RESERVATION, components: [{ type: 'HEADER', format }, ...SAMPLE_RESERVATION.components.slice(1)] };
    expect(renderPreview(template, header ? { header } : {}).header).toEqual(expected);
  });

  it('uses the mirrored body text of an authentication template when Meta returned it', () => {
    const mirrored: Template = { ...SAMPLE_OTP, components: [{ type: 'BODY', text: '*{{1}}* é seu código de verificação.' }, ...SAMPLE_OTP.components.slice(1)] };
    expect(renderPreview(mirrored, { body: [{ type: 'text', text: '9876' }] }).body).toBe('*9876* é seu código de verificação.');
    const noSecurity: Template = { ...SAMPLE_OTP, components: [{ type: 'BODY' }, { type: 'BUTTONS', buttons: [{ type: 'OTP', otpType: 'ZERO_TAP' }] }] };
    expect(renderPreview(noSecurity, { body: [{ type: 'text', text: '1' }] })).toEqual({ body: '1 is your verification code.', buttons: [{ type: 'OTP', text: 'OTP' }] });
  });
});
