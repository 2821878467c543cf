// Cell formats several printers share: label maps, label selectors and container lists,
// written as apimachinery and the kubernetes printers write them.
import { labelSelectorFromObject } from '../../../selectors/index.js';
import { listOf, text } from './columns.js';

/** labels.FormatLabels: `k=v` sorted by key, comma separated; `<none>` when empty */
export function formatLabels(labels: unknown): string {
  const entries = labels && typeof labels === 'object' ? Object.entries(labels as Record<string, unknown>) : [];
  const out = entries
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${text(v)}`)
    .join(',');
  return out || '<none>';
}

/**
 * metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key, `in`/`notin`
 * values sorted; '' for an empty (or absent) selector; undefined for an invalid one.
 */
export function selectorString(selector: unknown): string | undefined {
  if (!selector || typeof selector !== 'object') return '';
  try {
    return labelSelectorFromObject(selector).toString();
  } catch {
    return undefined;
  }
}

/** metav1.FormatLabelSelector: as selectorString, with `<none>` for empty and `<error>` for invalid */
export function formatLabelSelector(selector: unknown): string {
  const s = selectorString(selector);
  if (s === undefined) return '<error>';
  return s || '<none>';
}

/** the containers of a workload's pod template */
export function templateContainers(spec: unknown): { name?: string; image?: string }[] {
  const template = (spec as { template?: { spec?: { containers?: unknown } } } | undefined)?.template;
  return listOf(template?.spec?.containers);
}

/** layoutContainerCells: container names, and their images, each comma separated */
export function containerNames(spec: unknown): string {
  return templateContainers(spec)
    .map((c) => text(c.name))
    .join(',');
}

export function containerImages(spec: unknown): string {
  return templateContainers(spec)
    .map((c) => text(c.image))
    .join(',');
}
