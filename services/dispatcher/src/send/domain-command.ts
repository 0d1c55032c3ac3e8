import type { SendCommand as ContractCommand } from '@recado/contracts';
import { sendParametersFromPayload, type FreeFormMessageType, type SendCommand, type TemplateMessagePayload } from '@recado/domain';

export type DomainCommandResult = { readonly ok: true; readonly command: SendCommand } | { readonly ok: false; readonly problem: string };

/** The rules engine's view of a send-command: a free-form type, or a template with its send values. */
export function toDomainCommand(command: ContractCommand): DomainCommandResult {
  const content = command.content;
  if (content.type !== 'template') {
    return { ok: true, command: { kind: 'FREE_FORM', commandId: command.commandId, messageType: content.type as FreeFormMessageType } };
  }
  const template = content.template as unknown as TemplateMessagePayload;
  const read = sendParametersFromPayload(template.components);
  if (!read.ok) return { ok: false, problem: read.problem };
  return { ok: true, command: { kind: 'TEMPLATE', commandId: command.commandId, templateName: template.name, language: template.language.code, parameters: read.parameters } };
}
