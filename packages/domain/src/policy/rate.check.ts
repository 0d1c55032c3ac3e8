import { checkMessagingLimit, pairRateDeferUntil } from '../limits';
import type { CheckResult, DecisionContext } from './decision-context';
import { defer, deferOrReject } from './decision-context';

/**
 * §11 step 6: a template to a contact outside the window uses a messaging-limit slot
 * unless the contact was already reached in the moving 24 h [M29] [M30].
 */
export function checkMessagingLimitSlot({ command, conversation, facts }: DecisionContext): CheckResult {
  const counts = command.kind === 'TEMPLATE' && conversation.status !== 'OPEN';
  const check = checkMessagingLimit(facts.messagingLimit, counts);
  if (check.ok) return null;
  const message = `Messaging limit of ${check.limit} unique contacts per moving 24 h reached.`;
  return deferOrReject('MESSAGING_LIMIT_REACHED', check.until, facts.tenant.onMessagingLimitReached, message);
}

/** §11 step 6: a minimum gap between two messages to the same contact [M31]. */
export function checkPairRate({ facts, now }: DecisionContext): CheckResult {
  const until = pairRateDeferUntil(facts.recentSends, facts.tenant.pairMinGapMs, now);
  if (until === null) return null;
  return defer('PAIR_RATE', until, 'Too soon after the previous message to this contact.');
}
