import { recipientPhoneNumber } from '../identity';
import type { TemplateStatus } from '../templates';
import { checkSendParameters } from '../templates';
import type { CheckResult, DecisionContext } from './decision-context';
import { reject } from './decision-context';
import type { ReasonCode } from './reason-codes';

/** §11 step 4: the exact (name, language) exists, is APPROVED and the parameters fit. */
export function checkTemplate({ command, template, category, facts }: DecisionContext): CheckResult {
  if (command.kind !== 'TEMPLATE') return null;
  if (template === null) {
    return reject('TEMPLATE_NOT_FOUND', `No template "${command.templateName}" in language ${command.language} (132001).`);
  }
  const statusCode = templateStatusCode(template.status);
  if (statusCode !== null) return reject(statusCode, `Template "${template.name}" is ${template.status}; only APPROVED templates are sent.`);
  const violations = checkSendParameters(template, command.parameters);
  if (violations.length > 0) {
    const detail = violations.map((violation) => `${violation.path}: ${violation.message}`).join('; ');
    return reject('TEMPLATE_PARAMETERS_INVALID', `Parameters do not match the template: ${detail}`);
  }
  if (category === 'AUTHENTICATION' && recipientPhoneNumber(facts.contact.identity) === null) {
    return reject('AUTHENTICATION_REQUIRES_PHONE_NUMBER', 'Authentication templates need a phone number, not a business-scoped user id (131062).');
  }
  return null;
}

/** Each non-sendable status has its own code [M22]. */
export function templateStatusCode(status: TemplateStatus): ReasonCode | null {
  switch (status) {
    case 'APPROVED':
      return null;
    case 'PENDING':
      return 'TEMPLATE_PENDING';
    case 'REJECTED':
      return 'TEMPLATE_REJECTED';
    case 'PAUSED':
      return 'TEMPLATE_PAUSED';
    case 'DISABLED':
      return 'TEMPLATE_DISABLED';
    case 'IN_APPEAL':
      return 'TEMPLATE_IN_APPEAL';
    case 'PENDING_DELETION':
      return 'TEMPLATE_PENDING_DELETION';
    case 'DELETED':
      return 'TEMPLATE_DELETED';
    case 'LIMIT_EXCEEDED':
      return 'TEMPLATE_LIMIT_EXCEEDED';
    case 'ARCHIVED':
      return 'TEMPLATE_ARCHIVED';
  }
}
