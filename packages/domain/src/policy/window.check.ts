import type { CustomerServiceWindowView } from '../window';
import type { CheckResult, DecisionContext } from './decision-context';
import { reject } from './decision-context';
import { reEngagementSuggestion } from './reengagement-suggestion';

/** §11 step 3: free-form only inside an open customer service window [M6]. */
export function checkWindow({ command, conversation, facts, now }: DecisionContext): CheckResult {
  if (command.kind !== 'FREE_FORM') return null;
  switch (conversation.status) {
    case 'OPEN':
      return null;
    case 'CLOSED':
      return reject('WINDOW_CLOSED', closedMessage(conversation.window), reEngagementSuggestion(facts, now));
    case 'AWAITING_REPLY':
      return reject(
        'AWAITING_CONTACT_REPLY',
        'A template already invited the contact back; free-form waits for their answer.',
        reEngagementSuggestion(facts, now),
      );
  }
}

function closedMessage(window: CustomerServiceWindowView): string {
  switch (window.reason) {
    case 'NO_INBOUND':
      return 'The contact never wrote: start with an approved template.';
    case 'CLOSED_BY_META':
      return 'Meta reported the window closed (131047): send an approved template.';
    case 'EXPIRED':
    case 'OPEN':
      return `The 24 h window closed at ${window.expiresAt?.toISOString() ?? 'an unknown time'}: send an approved template.`;
  }
}
