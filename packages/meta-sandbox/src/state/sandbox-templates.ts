import type { TemplateCategory, TemplateQualityScore, TemplateStatus } from '@recado/domain';

/** A template as the sandbox's WABA holds it. */
export interface SandboxTemplate {
  readonly id: string;
  readonly wabaId: string;
  readonly name: string;
  readonly language: string;
  category: TemplateCategory;
  status: TemplateStatus;
  qualityScore: TemplateQualityScore;
  rejectedReason: string | undefined;
  readonly components: readonly unknown[];
  readonly parameterFormat: string | undefined;
  /** Sends are held for quality assessment (pacing) [M14]. */
  paced: boolean;
}

export type TemplateInput = Pick<SandboxTemplate, 'name' | 'language' | 'category'> &
  Partial<Pick<SandboxTemplate, 'status' | 'components' | 'parameterFormat' | 'qualityScore' | 'wabaId' | 'paced'>>;

export class SandboxTemplates {
  private readonly byId = new Map<string, SandboxTemplate>();
  private nextId = 1_000_000_000_000_001n;

  add(input: TemplateInput, defaultWabaId: string): SandboxTemplate {
    const template: SandboxTemplate = {
      id: String(this.nextId++),
      wabaId: input.wabaId ?? defaultWabaId,
      name: input.name,
      language: input.language,
      category: input.category,
      status: input.status ?? 'APPROVED',
      qualityScore: input.qualityScore ?? 'UNKNOWN',
      rejectedReason: undefined,
      components: input.components ?? [],
      parameterFormat: input.parameterFormat,
      paced: input.paced ?? false,
    };
    this.byId.set(template.id, template);
    return template;
  }

  get(id: string): SandboxTemplate | undefined {
    return this.byId.get(id);
  }

  /** Exact name and language, as Meta matches them at send time (132001 otherwise). */
  find(wabaId: string, name: string, language: string): SandboxTemplate | undefined {
    for (const template of this.byId.values()) {
      if (template.wabaId === wabaId && template.name === name && template.language === language && template.status !== 'DELETED') return template;
    }
    return undefined;
  }

  list(wabaId: string): SandboxTemplate[] {
    return [...this.byId.values()].filter((t) => t.wabaId === wabaId && t.status !== 'DELETED');
  }

  /** Marks deleted; returns how many matched. DISABLED templates cannot be deleted [M11]. */
  delete(wabaId: string, name: string, id: string | undefined): { deleted: number; disabled: number } {
    const matching = this.list(wabaId).filter((t) => t.name === name && (id === undefined || t.id === id));
    const disabled = matching.filter((t) => t.status === 'DISABLED').length;
    if (disabled === 0) for (const template of matching) template.status = 'DELETED';
    return { deleted: disabled === 0 ? matching.length : 0, disabled };
  }
}
