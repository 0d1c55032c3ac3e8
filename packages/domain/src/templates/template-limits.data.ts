/** Meta's template limits [M8] [M9] [M16] [M15]; one place so docs and code agree. */
export const TEMPLATE_LIMITS = {
  nameMaxLength: 512,
  headerTextMaxLength: 60,
  headerMaxParameters: 1,
  bodyTextMaxLength: 1024,
  footerTextMaxLength: 60,
  buttonsMax: 10,
  buttonTextMaxLength: 25,
  urlMaxLength: 2000,
  phoneNumberMaxLength: 20,
  couponCodeMaxLength: 15,
  authParameterMaxLength: 15,
  codeExpirationMinutes: { min: 1, max: 90 },
} as const;

/** Per-kind button caps; kinds not listed are bounded only by `buttonsMax`. */
export const BUTTON_TYPE_LIMITS: Readonly<Partial<Record<string, number>>> = {
  QUICK_REPLY: 10,
  URL: 2,
  PHONE_NUMBER: 1,
  COPY_CODE: 1,
  OTP: 1,
  FLOW: 1,
};

/** Custom `message_send_ttl_seconds` ranges per category; -1 means Meta's 30-day default [M15]. */
export const TTL_RANGES = {
  AUTHENTICATION: { min: 30, max: 900 },
  UTILITY: { min: 30, max: 43_200 },
  MARKETING: { min: 43_200, max: 2_592_000 },
} as const;
