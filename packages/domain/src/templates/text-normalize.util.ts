/** Lower-case and strip accents so "Promoção" and "PROMOCAO" compare equal. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}
