// Which of the forms the simulator writes a request's Accept header asks for, honouring
// q-values and wildcards as the API server does; nothing servable is a 406 Status.
import { SimError } from '../errors.js';
import { PROTOBUF_MEDIA_TYPE } from '../proto/codec.js';

export type ResponseFormat = 'json' | 'protobuf';

const mediaTypes: Record<ResponseFormat, string> = { json: 'application/json', protobuf: PROTOBUF_MEDIA_TYPE };

/**
 * The first servable form by preference; an empty Accept means JSON. `formats` are the
 * forms this answer can take (a watch streams JSON only); default both.
 */
export function responseFormat(accept: string, formats: readonly ResponseFormat[] = ['json', 'protobuf']): ResponseFormat {
  if (accept.trim() === '') return 'json';
  const ranges = accept
    .split(',')
    .map((part, order) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? 1);
      return { type, params, q: Number.isNaN(q) ? 0 : q, order };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const range of ranges) {
    const found = formats.find((f) => matches(range.type, range.params, f));
    if (found) return found;
  }
  throw new SimError('NotAcceptable', `only the following media types are accepted: ${formats.map((f) => mediaTypes[f]).join(', ')}`);
}

function matches(type: string, params: string[], format: ResponseFormat): boolean {
  if (type === '*/*' || type === 'application/*') return true;
  // A protobuf watch stream (stream=watch) is a framing the simulator does not write.
  if (format === 'protobuf') return type === PROTOBUF_MEDIA_TYPE && !params.some((p) => p.startsWith('stream='));
  return type === mediaTypes[format];
}
