/** Locales with default consent keywords. */
export type KeywordLocale = 'pt-BR' | 'es' | 'en';

export const KEYWORD_LOCALES: readonly KeywordLocale[] = ['pt-BR', 'es', 'en'];

interface LocaleKeywords {
  readonly optOut: readonly string[];
  readonly optIn: readonly string[];
}

/**
 * Defaults, matched on the whole message only. Bare "yes"-like words (SIM, SÍ, YES) are left
 * out on purpose: as a whole message they usually answer a question, not a consent prompt.
 */
export const DEFAULT_CONSENT_KEYWORDS: Readonly<Record<KeywordLocale, LocaleKeywords>> = {
  'pt-BR': {
    optOut: [
      'PARAR', 'PARE', 'SAIR', 'CANCELAR', 'DESCADASTRAR', 'DESINSCREVER', 'REMOVER',
      'CANCELAR INSCRIÇÃO', 'NÃO QUERO MAIS', 'NÃO QUERO RECEBER', 'NÃO ENVIE MAIS',
    ],
    optIn: ['VOLTAR', 'RETOMAR', 'REATIVAR', 'ASSINAR', 'INSCREVER', 'QUERO RECEBER'],
  },
  es: {
    optOut: [
      'BAJA', 'DAR DE BAJA', 'DARME DE BAJA', 'PARAR', 'DETENER', 'CANCELAR', 'ALTO',
      'NO MÁS', 'DESUSCRIBIR', 'CANCELAR SUSCRIPCIÓN',
    ],
    optIn: ['ALTA', 'DAR DE ALTA', 'SUSCRIBIR', 'SUSCRIBIRME', 'REANUDAR', 'VOLVER'],
  },
  en: {
    optOut: ['STOP', 'STOPALL', 'STOP ALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPT OUT', 'OPTOUT', 'REVOKE'],
    optIn: ['START', 'UNSTOP', 'SUBSCRIBE', 'RESUME', 'OPT IN', 'OPTIN'],
  },
};
