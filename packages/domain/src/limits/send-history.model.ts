/** Category of a message already sent: a template category, or SERVICE for free-form. */
export type SentCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION' | 'SERVICE';

/** A message recently sent to the contact (from the same business number). */
export interface RecentSend {
  readonly at: Date;
  readonly category: SentCategory;
}
