import type { ComponentContext } from './component-context.model';
import type { ButtonsComponent, TemplateButton } from './template.model';
import { BUTTON_TYPE_LIMITS, TEMPLATE_LIMITS } from './template-limits.data';
import { violation, type TemplateViolation } from './template-violation.model';
import { checkButton } from './button.rule';

/** Quick replies must be grouped: QR,QR,URL ✔ · QR,URL,QR ✘ [M9]. */
function quickRepliesGrouped(buttons: readonly TemplateButton[]): boolean {
  const runs = buttons.map((b) => b.type === 'QUICK_REPLY').filter((isQr, i, all) => i === 0 || isQr !== all[i - 1]);
  return runs.length <= 2;
}

function checkCounts(buttons: readonly TemplateButton[], path: string): TemplateViolation[] {
  const found: TemplateViolation[] = [];
  if (buttons.length === 0) found.push(violation(path, 'BUTTONS_EMPTY', 'A BUTTONS component needs at least one button.'));
  if (buttons.length > TEMPLATE_LIMITS.buttonsMax) {
    found.push(violation(path, 'BUTTONS_TOO_MANY', `At most ${TEMPLATE_LIMITS.buttonsMax} buttons per template.`));
  }
  const counts = new Map<string, number>();
  for (const b of buttons) counts.set(b.type, (counts.get(b.type) ?? 0) + 1);
  for (const [type, count] of counts) {
    const max = BUTTON_TYPE_LIMITS[type];
    if (max !== undefined && count > max) {
      found.push(violation(path, 'BUTTON_TYPE_LIMIT_EXCEEDED', `At most ${max} ${type} button(s); found ${count}.`));
    }
  }
  if (!quickRepliesGrouped(buttons)) {
    found.push(violation(path, 'QUICK_REPLY_NOT_GROUPED', 'Quick-reply buttons must all come before or all after the other buttons.'));
  }
  return found;
}

/** OTP buttons only in AUTHENTICATION templates, which accept nothing else [M9] [M16]. */
function checkKinds(buttons: readonly TemplateButton[], ctx: ComponentContext, path: string): TemplateViolation[] {
  const isAuth = ctx.category === 'AUTHENTICATION';
  return buttons.flatMap((b, i) =>
    (b.type === 'OTP') === isAuth
      ? []
      : [violation(`${path}[${i}].type`, 'BUTTON_TYPE_NOT_ALLOWED', isAuth ? 'Authentication templates accept only OTP buttons.' : 'OTP buttons are for AUTHENTICATION templates only.')],
  );
}

export function checkButtons(component: ButtonsComponent, ctx: ComponentContext): TemplateViolation[] {
  const path = `${ctx.path}.buttons`;
  return [
    ...checkCounts(component.buttons, path),
    ...checkKinds(component.buttons, ctx, path),
    ...component.buttons.flatMap((b, i) => checkButton(b, `${path}[${i}]`)),
  ];
}
