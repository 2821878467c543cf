// The Kubernetes Pod Security Standards' baseline policy
// (https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline), applied to
// the pod template deployWorkload is given: what lets a pod reach its host is refused, naming
// the field, unless the gateway allows privileged workloads (ALLOW_PRIVILEGED_CONTAINERS=true).
// Checked here rather than left to a cluster's admission: clusters differ in what they enforce.
// Pure.
import { BadUserInputError } from '../errors/index.js';

type Json = Record<string, unknown>;

export interface PodSecurityViolation {
  /** path of the offending value, e.g. `input.podTemplate.spec.hostNetwork` */
  readonly field: string;
  readonly reason: string;
}

/** Capabilities the baseline lets a container add (anything else, ALL included, is refused). */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** Sysctls the baseline calls safe: namespaced, and unable to affect other pods. */
const SAFE_SYSCTLS: ReadonlySet<string> = new Set([
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes',
]);

const SELINUX_TYPES: ReadonlySet<string> = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);
const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;
const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

/**
 * @param template a PodTemplateSpec, already known to be an object with an object `spec`
 * @param field the template's path, e.g. `input.podTemplate`
 * @throws BadUserInputError listing every violation, each under its field
 */
export function refuseBeyondBaseline(template: Json, field: string): void {
  const violations = baselineViolations(template, field);
  if (violations.length === 0) return;
  const listed = violations.map((v) => `${v.field}: ${v.reason}`).join('; ');
  throw new BadUserInputError(`${listed} — refused by the Kubernetes Pod Security baseline: privileged workloads are not allowed on this gateway (ALLOW_PRIVILEGED_CONTAINERS)`);
}

/** Every way the template breaks the baseline, in manifest order. */
export function baselineViolations(template: Json, field: string): PodSecurityViolation[] {
  const spec = object(template.spec);
  const at = `${field}.spec`;
  return [
    ...hostNamespaces(spec, at),
    ...hostPathVolumes(spec, at),
    ...podSecurityContext(object(spec.securityContext), `${at}.securityContext`),
    ...appArmorAnnotations(object(object(template.metadata).annotations), `${field}.metadata.annotations`),
    ...CONTAINER_LISTS.flatMap((list) => items(spec[list]).flatMap((c, i) => container(object(c), `${at}.${list}[${i}]`))),
  ];
}

function hostNamespaces(spec: Json, at: string): PodSecurityViolation[] {
  return (['hostNetwork', 'hostPID', 'hostIPC'] as const)
    .filter((key) => spec[key] === true)
    .map((key) => ({ field: `${at}.${key}`, reason: `is true: the pod would share the host's ${key.slice(4)} namespace` }));
}

function hostPathVolumes(spec: Json, at: string): PodSecurityViolation[] {
  return items(spec.volumes).flatMap((volume, i) =>
    object(volume).hostPath == null ? [] : [{ field: `${at}.volumes[${i}].hostPath`, reason: 'mounts a path of the host' }],
  );
}

function container(c: Json, at: string): PodSecurityViolation[] {
  const ports = items(c.ports).flatMap((port, i) => {
    const hostPort = object(port).hostPort;
    return hostPort == null || hostPort === 0 ? [] : [{ field: `${at}.ports[${i}].hostPort`, reason: `is ${String(hostPort)}: the pod would take a port of the host` }];
  });
  return [...ports, ...containerSecurityContext(object(c.securityContext), `${at}.securityContext`)];
}

function containerSecurityContext(sc: Json, at: string): PodSecurityViolation[] {
  const found: PodSecurityViolation[] = [];
  if (sc.privileged === true) found.push({ field: `${at}.privileged`, reason: 'is true: a privileged container holds the host' });
  items(object(sc.capabilities).add).forEach((cap, i) => {
    const name = typeof cap === 'string' ? cap.toUpperCase().replace(/^CAP_/, '') : '';
    if (!BASELINE_CAPABILITIES.has(name)) {
      found.push({ field: `${at}.capabilities.add[${i}]`, reason: `${JSON.stringify(cap)} is beyond the baseline capabilities (${[...BASELINE_CAPABILITIES].join(', ')})` });
    }
  });
  if (sc.procMount != null && sc.procMount !== 'Default') found.push({ field: `${at}.procMount`, reason: `is ${JSON.stringify(sc.procMount)}: only Default masks the host's /proc` });
  return [...found, ...sharedSecurityContext(sc, at)];
}

function podSecurityContext(sc: Json, at: string): PodSecurityViolation[] {
  const sysctls = items(sc.sysctls).flatMap((sysctl, i) => {
    const name = object(sysctl).name;
    return typeof name === 'string' && SAFE_SYSCTLS.has(name) ? [] : [{ field: `${at}.sysctls[${i}].name`, reason: `${JSON.stringify(name ?? null)} is not a safe sysctl` }];
  });
  return [...sysctls, ...sharedSecurityContext(sc, at)];
}

/** What pod and container security contexts share: host process, SELinux, seccomp, AppArmor. */
function sharedSecurityContext(sc: Json, at: string): PodSecurityViolation[] {
  const found: PodSecurityViolation[] = [];
  if (object(sc.windowsOptions).hostProcess === true) found.push({ field: `${at}.windowsOptions.hostProcess`, reason: 'is true: the container would run as a process of the host' });
  const selinux = object(sc.seLinuxOptions);
  if (selinux.type != null && !SELINUX_TYPES.has(String(selinux.type))) found.push({ field: `${at}.seLinuxOptions.type`, reason: `is ${JSON.stringify(selinux.type)}: only ${[...SELINUX_TYPES].filter(Boolean).join(', ')} are allowed` });
  for (const key of ['user', 'role'] as const) {
    if (selinux[key] != null && selinux[key] !== '') found.push({ field: `${at}.seLinuxOptions.${key}`, reason: 'must not be set' });
  }
  if (object(sc.seccompProfile).type === 'Unconfined') found.push({ field: `${at}.seccompProfile.type`, reason: 'is Unconfined' });
  if (object(sc.appArmorProfile).type === 'Unconfined') found.push({ field: `${at}.appArmorProfile.type`, reason: 'is Unconfined' });
  return found;
}

function appArmorAnnotations(annotations: Json, at: string): PodSecurityViolation[] {
  return Object.entries(annotations)
    .filter(([key, value]) => key.startsWith(APPARMOR_ANNOTATION) && value !== 'runtime/default' && !String(value).startsWith('localhost/'))
    .map(([key, value]) => ({ field: `${at}[${JSON.stringify(key)}]`, reason: `is ${JSON.stringify(value)}: only runtime/default and localhost/* profiles are allowed` }));
}

function object(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function items(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
