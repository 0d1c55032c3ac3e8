import type { Template } from './template.model';

/** Realistic templates for tests, demos and the sandbox; each one passes `validateTemplate`. */
export const SAMPLE_ORDER_UPDATE: Template = {
  name: 'atualizacao_pedido',
  language: 'pt_BR',
  category: 'UTILITY',
  status: 'APPROVED',
  parameterFormat: 'POSITIONAL',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Pedido {{1}}', example: { headerText: ['#1234'] } },
    {
      type: 'BODY',
      text: 'Olá {{1}}, seu pedido {{2}} foi enviado e chega em {{3}}. Acompanhe pelo link abaixo.',
      example: { bodyText: [['Maria', '#1234', '2 dias']] },
    },
    { type: 'FOOTER', text: 'Loja Exemplo' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'URL', text: 'Rastrear', url: 'https://loja.example.com/rastreio/{{1}}', example: ['https://loja.example.com/rastreio/1234'] },
        { type: 'QUICK_REPLY', text: 'Falar com atendente' },
      ],
    },
  ],
};

export const SAMPLE_RESERVATION: Template = {
  name: 'reservation_confirmation',
  language: 'en_US',
  category: 'UTILITY',
  status: 'APPROVED',
  parameterFormat: 'NAMED',
  components: [
    { type: 'HEADER', format: 'IMAGE', example: { headerHandle: ['4::aW1hZ2UvanBlZw==:ARb'] } },
    {
      type: 'BODY',
      text: 'Hi {{first_name}}, your table for {{number_of_guests}} is booked for {{day}} at our restaurant. Reply to change it.',
      example: {
        bodyTextNamedParams: [
          { paramName: 'first_name', example: 'Pablo' },
          { paramName: 'number_of_guests', example: '4' },
          { paramName: 'day', example: 'Saturday' },
        ],
      },
    },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Cancel reservation' },
        { type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+5511987654321' },
      ],
    },
  ],
};

export const SAMPLE_PROMOTION: Template = {
  name: 'venta_de_verano',
  language: 'es_MX',
  category: 'MARKETING',
  status: 'APPROVED',
  parameterFormat: 'POSITIONAL',
  components: [
    { type: 'HEADER', format: 'TEXT', text: '¡Nuestra {{1}} ya empezó!', example: { headerText: ['venta de verano'] } },
    {
      type: 'BODY',
      text: 'Compra hasta {{1}} y usa el código {{2}} para obtener {{3}} de descuento en toda la tienda.',
      example: { bodyText: [['el 31 de agosto', '25OFF', '25%']] },
    },
    { type: 'FOOTER', text: 'Responde STOP para no recibir ofertas' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'COPY_CODE', example: '25OFF' },
        { type: 'URL', text: 'Ver ofertas', url: 'https://tienda.example.com/ofertas' },
        { type: 'QUICK_REPLY', text: 'Dejar de recibir' },
      ],
    },
  ],
};

export const SAMPLE_OTP: Template = {
  name: 'codigo_verificacao',
  language: 'pt_BR',
  category: 'AUTHENTICATION',
  status: 'APPROVED',
  parameterFormat: 'POSITIONAL',
  messageSendTtlSeconds: 300,
  components: [
    { type: 'BODY', addSecurityRecommendation: true },
    { type: 'FOOTER', codeExpirationMinutes: 5 },
    { type: 'BUTTONS', buttons: [{ type: 'OTP', otpType: 'COPY_CODE', text: 'Copiar código' }] },
  ],
};

export const SAMPLE_TEMPLATES: readonly Template[] = [SAMPLE_ORDER_UPDATE, SAMPLE_RESERVATION, SAMPLE_PROMOTION, SAMPLE_OTP];
