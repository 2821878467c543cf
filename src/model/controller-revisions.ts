// ControllerRevisions: the template history of StatefulSets and DaemonSets, as kubectl reads it
// (`kubectl rollout history|undo`). Each revision's `data` is a strategic merge patch that puts
// a whole pod template back (`{spec: {template: {..., $patch: replace}}}`); its `revision` is the
// number. Going back to an earlier template renumbers that revision as the newest, so the highest
// number is the template the workload runs. Pure.
import type { KubeObjects } from '../kube/index.js';

export type ControllerRevision = KubeObjects['ControllerRevision'];
type Template = NonNullable<NonNullable<KubeObjects['StatefulSet']['spec']>['template']>;
type Owner = KubeObjects['StatefulSet'] | KubeObjects['DaemonSet'];

/** The revisions `owner` controls, by ascending revision number. */
export function ownedRevisions(owner: Pick<Owner, 'metadata'>, revisions: readonly ControllerRevision[]): ControllerRevision[] {
  const uid = owner.metadata?.uid;
  if (!uid) return [];
  return revisions.filter((r) => r.metadata?.ownerReferences?.some((o) => o.controller && o.uid === uid)).sort((a, b) => a.revision - b.revision);
}

/**
 * The number of the revision the workload is at: the one a StatefulSet's `status.updateRevision`
 * names; otherwise (a DaemonSet, or a set the controller has not looked at) the newest. Null
 * when there is none.
 */
export function currentRevisionNumber(owned: readonly ControllerRevision[], updateRevision: string | null | undefined): number | null {
  const found = updateRevision ? owned.find((r) => r.metadata?.name === updateRevision) : undefined;
  return (found ?? owned.at(-1))?.revision ?? null;
}

/** A StatefulSet's `status.updateRevision`; DaemonSets have none. */
export function updateRevisionOf(owner: Owner): string | null {
  return (owner.status && 'updateRevision' in owner.status ? owner.status.updateRevision : undefined) ?? null;
}

/** kubectl's `rollout undo` without `--to-revision`: the second newest revision, or null when there is only one. */
export function previousRevisionNumber(owned: readonly ControllerRevision[]): number | null {
  return owned.length < 2 ? null : owned[owned.length - 2]!.revision;
}

export function revisionNumbered(owned: readonly ControllerRevision[], revision: number): ControllerRevision | undefined {
  return owned.find((r) => r.revision === revision);
}

/** The pod template the revision puts back (its patch without the `$patch` directive). */
export function revisionTemplate(revision: ControllerRevision): Template {
  const data = revision.data as { spec?: { template?: Record<string, unknown> } } | undefined;
  const { $patch: _directive, ...template } = data?.spec?.template ?? {};
  return template as Template;
}

/**
 * The workload runs the revision's template already. Compared as the API server compares
 * templates: key order, and null, empty objects and empty lists, do not count.
 */
export function runsRevision(owner: Owner, revision: ControllerRevision): boolean {
  return semanticJson(owner.spec?.template) === semanticJson(revisionTemplate(revision));
}

function semanticJson(value: unknown): string {
  // Through JSON first, so Dates and typed objects read as the text the server sent.
  return JSON.stringify(prune(JSON.parse(JSON.stringify(value ?? null))) ?? null);
}

function prune(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((v) => prune(v) ?? null);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => [k, prune(v)] as const)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
