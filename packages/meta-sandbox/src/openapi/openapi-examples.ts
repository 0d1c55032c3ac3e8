import type { OpenApiDocument } from './openapi-normalise';

export interface DocumentExample {
  readonly name: string;
  readonly value: unknown;
}

export interface ResponseExample extends DocumentExample {
  readonly status: number;
}

type Media = { examples?: Record<string, { value?: unknown }>; example?: unknown };
type Operation = { requestBody?: { content?: Record<string, Media> }; responses?: Record<string, { content?: Record<string, Media> }> };

function examplesOf(media: Media | undefined): DocumentExample[] {
  if (media === undefined) return [];
  const named = Object.entries(media.examples ?? {}).map(([name, example]) => ({ name, value: example.value }));
  return media.example === undefined ? named : [...named, { name: 'example', value: media.example }];
}

function operationOf(document: OpenApiDocument, path: string, method: string): Operation {
  const operation = document.paths[path]?.[method.toLowerCase()];
  if (operation === undefined) throw new RangeError(`No operation ${method} ${path} in Meta's OpenAPI description.`);
  return operation as Operation;
}

/** The description's own request examples of an operation (JSON bodies). */
export function requestExamples(document: OpenApiDocument, path: string, method: string): DocumentExample[] {
  return examplesOf(operationOf(document, path, method).requestBody?.content?.['application/json']);
}

/** The description's own response examples of an operation, with their HTTP status. */
export function responseExamples(document: OpenApiDocument, path: string, method: string): ResponseExample[] {
  const responses = Object.entries(operationOf(document, path, method).responses ?? {});
  return responses.flatMap(([status, response]) =>
    examplesOf(response.content?.['application/json']).map((example) => ({ ...example, status: Number(status) })),
  );
}
