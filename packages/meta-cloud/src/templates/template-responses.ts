import { MetaCloudError } from '../errors/meta-cloud.error';
import { isRecord, stringAt } from '../json-read.util';
import { err, ok, type Result } from '../result';

/** A template as Meta lists it; statuses and categories pass through as Meta spells them. */
export interface TemplateSummary {
  readonly id: string;
  readonly name: string;
  readonly language: string;
  readonly status: string;
  readonly category: string;
  readonly qualityScore: string | undefined;
  readonly rejectedReason: string | undefined;
  readonly components: readonly unknown[];
}

export interface TemplatePage {
  readonly templates: readonly TemplateSummary[];
  /** Cursor for the next page, absent on the last page. */
  readonly after: string | undefined;
  readonly before: string | undefined;
}

export interface CreatedTemplate {
  readonly id: string;
  readonly status: string;
  readonly category: string;
}

const invalid = (message: string) => new MetaCloudError({ code: 'INVALID_RESPONSE', errorClass: 'PERMANENT', message });

function toSummary(item: unknown): TemplateSummary | undefined {
  if (!isRecord(item)) return undefined;
  const [id, name, language, status, category] = ['id', 'name', 'language', 'status', 'category'].map((key) => stringAt(item, key));
  if (!id || !name || !language || !status || !category) return undefined;
  const quality = isRecord(item['quality_score']) ? stringAt(item['quality_score'], 'score') : undefined;
  const components = Array.isArray(item['components']) ? (item['components'] as unknown[]) : [];
  return { id, name, language, status, category, qualityScore: quality, rejectedReason: stringAt(item, 'rejected_reason'), components };
}

export function parseTemplatePage(body: unknown): Result<TemplatePage, MetaCloudError> {
  if (!isRecord(body) || !Array.isArray(body['data'])) return err(invalid('Template list has no data array.'));
  const templates = body['data'].map(toSummary);
  if (templates.some((t) => t === undefined)) return err(invalid('Template list has an item without id, name, language, status or category.'));
  const paging = isRecord(body['paging']) ? body['paging'] : {};
  const cursors = isRecord(paging['cursors']) ? paging['cursors'] : {};
  // Meta gives an `after` cursor on the last page too; only `next` says there is more.
  const after = typeof paging['next'] === 'string' ? stringAt(cursors, 'after') : undefined;
  return ok({ templates: templates as TemplateSummary[], after, before: stringAt(cursors, 'before') });
}

export function parseCreatedTemplate(body: unknown): Result<CreatedTemplate, MetaCloudError> {
  if (!isRecord(body)) return err(invalid('Template creation answer is not an object.'));
  const [id, status, category] = ['id', 'status', 'category'].map((key) => stringAt(body, key));
  if (!id || !status || !category) return err(invalid('Template creation answer lacks id, status or category.'));
  return ok({ id, status, category });
}

export function parseSuccess(body: unknown): Result<true, MetaCloudError> {
  return isRecord(body) && body['success'] === true ? ok(true) : err(invalid('Answer is not {"success": true}.'));
}
