import { recipientPhoneNumber } from '../identity';
import type { CheckResult, DecisionContext } from './decision-context';
import { defer, reject } from './decision-context';

/** A halted business number (auth, payment, policy errors) sends nothing until resumed. */
export function checkSenderHalted({ facts, now }: DecisionContext): CheckResult {
  const until = facts.sender.haltedUntil;
  if (until === null || until.getTime() <= now.getTime()) return null;
  return defer('SENDER_HALTED', until, `The business number is halted until ${until.toISOString()}.`);
}

/** §11 step 1: a resolvable recipient that is not the sender and not known undeliverable. */
export function checkRecipient({ facts }: DecisionContext): CheckResult {
  const { identity, undeliverableSince } = facts.contact;
  const number = recipientPhoneNumber(identity);
  if (number === null && identity.businessScopedUserId === null) {
    return reject('RECIPIENT_UNRESOLVED', 'The contact has no wa_id, phone number or business-scoped user id.');
  }
  if (number !== null && number === facts.sender.phoneNumberDigits) {
    return reject('RECIPIENT_IS_SENDER', 'The recipient is the sending business number (131021).');
  }
  const lastInboundAt = facts.conversation.window.lastInboundAt;
  const stillUndeliverable =
    undeliverableSince !== null && (lastInboundAt === null || undeliverableSince.getTime() >= lastInboundAt.getTime());
  if (stillUndeliverable) {
    return reject('CONTACT_UNDELIVERABLE', `Meta reported the contact undeliverable (131026) on ${undeliverableSince.toISOString()}.`);
  }
  return null;
}
