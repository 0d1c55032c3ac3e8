/**
 * Template language codes Meta accepts [M18]. Data, not logic: pass your own list to
 * `validateTemplate` when Meta adds locales before this list is updated.
 */
export const META_TEMPLATE_LANGUAGES: readonly string[] = [
  'af', 'sq', 'ar', 'ar_EG', 'ar_AE', 'ar_LB', 'ar_MA', 'ar_QA', 'az', 'be_BY', 'bn', 'bn_IN', 'bg', 'ca',
  'zh_CN', 'zh_HK', 'zh_TW', 'hr', 'cs', 'da', 'prs_AF', 'nl', 'nl_BE', 'en', 'en_GB', 'en_US', 'en_AE',
  'en_AU', 'en_CA', 'en_GH', 'en_IE', 'et', 'fil', 'fi', 'fr', 'ka', 'de', 'el', 'gu', 'ha', 'he', 'hi',
  'hu', 'id', 'ga', 'it', 'ja', 'kn', 'kk', 'rw_RW', 'ko', 'ky_KG', 'lo', 'lv', 'lt', 'mk', 'ms', 'ml', 'mr',
  'nb', 'fa', 'pl', 'pt_BR', 'pt_PT', 'pa', 'ro', 'ru', 'sr', 'sk', 'sl', 'es', 'es_AR', 'es_ES', 'es_MX',
  'sw', 'sv', 'ta', 'te', 'th', 'tr', 'uk', 'ur', 'uz', 'vi', 'zu',
];

/** Shape of a Meta language code: `pt_BR`, `en`, `fil`, `prs_AF` (underscore, never a hyphen). */
export const LANGUAGE_CODE_FORMAT = /^[a-z]{2,3}(_[A-Z]{2})?$/;
