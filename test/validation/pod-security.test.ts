// deployWorkload under the Kubernetes Pod Security baseline: each way a pod could reach its host
// is refused by default (BAD_USER_INPUT naming the field, nothing written), and deployed as
// given on a gateway started with ALLOW_PRIVILEGED_CONTAINERS=true; what the baseline allows
// is deployed either way.
import { resourceByKind } from '../../src/sim/resources.js';
import { startSimFleet, type SimFleet } from '../../src/sim/fleet.js';
import { type TestGateway, startTestGateway } from '../support/gateway.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DEPLOY = 'mutation($input: DeployWorkloadInput!) { deployWorkload(input: $input) { name } }';
const container = (more: Json = {}) => ({ name: 'web', image: 'nginx:1.27', ...more });
const template = (spec: Json = {}, metadata: Json = {}) => ({ metadata, spec: { containers: [container()], ...spec } });
const withContainer = (more: Json) => template({ containers: [container(more)] });
const AT = 'input.podTemplate';

const REFUSED: readonly [title: string, podTemplate: Json, field: string][] = [
  ['hostNetwork', template({ hostNetwork: true }), `${AT}.spec.hostNetwork`],
  ['hostPID', template({ hostPID: true }), `${AT}.spec.hostPID`],
  ['hostIPC', template({ hostIPC: true }), `${AT}.spec.hostIPC`],
  ['a hostPath volume', template({ volumes: [{ name: 'data', emptyDir: {} }, { name: 'root', hostPath: { path: '/' } }] }), `${AT}.spec.volumes[1].hostPath`],
  ['a host port', withContainer({ ports: [{ containerPort: 80, hostPort: 8080 }] }), `${AT}.spec.containers[0].ports[0].hostPort`],
  ['a privileged container', withContainer({ securityContext: { privileged: true } }), `${AT}.spec.containers[0].securityContext.privileged`],
  ['NET_ADMIN added', withContainer({ securityContext: { capabilities: { add: ['CHOWN', 'NET_ADMIN'] } } }), `${AT}.spec.containers[0].securityContext.capabilities.add[1]`],
  ['SYS_ADMIN added as CAP_SYS_ADMIN', withContainer({ securityContext: { capabilities: { add: ['CAP_SYS_ADMIN'] } } }), `${AT}.spec.containers[0].securityContext.capabilities.add[0]`],
  ['ALL capabilities added', withContainer({ securityContext: { capabilities: { add: ['ALL'] } } }), `${AT}.spec.containers[0].securityContext.capabilities.add[0]`],
  ['an unmasked /proc', withContainer({ securityContext: { procMount: 'Unmasked' } }), `${AT}.spec.containers[0].securityContext.procMount`],
  ['an unconfined seccomp profile', template({ securityContext: { seccompProfile: { type: 'Unconfined' } } }), `${AT}.spec.securityContext.seccompProfile.type`],
  ['an unconfined AppArmor profile', withContainer({ securityContext: { appArmorProfile: { type: 'Unconfined' } } }), `${AT}.spec.containers[0].securityContext.appArmorProfile.type`],
  ['an unconfined AppArmor annotation', template({}, { annotations: { 'container.apparmor.security.beta.kubernetes.io/web': 'unconfined' } }), `${AT}.metadata.annotations["container.apparmor.security.beta.kubernetes.io/web"]`],
  ['an SELinux type of the host', template({ securityContext: { seLinuxOptions: { type: 'spc_t' } } }), `${AT}.spec.securityContext.seLinuxOptions.type`],
  ['an SELinux user', withContainer({ securityContext: { seLinuxOptions: { user: 'system_u' } } }), `${AT}.spec.containers[0].securityContext.seLinuxOptions.user`],
  ['an unsafe sysctl', template({ securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '65536' }] } }), `${AT}.spec.securityContext.sysctls[0].name`],
  ['a Windows host process', template({ securityContext: { windowsOptions: { hostProcess: true } } }), `${AT}.spec.securityContext.windowsOptions.hostProcess`],
  ['a privileged init container', template({ initContainers: [{ name: 'init', image: 'busybox', securityContext: { privileged: true } }] }), `${AT}.spec.initContainers[0].securityContext.privileged`],
  ['a host port of an init container', template({ initContainers: [{ name: 'init', image: 'busybox', ports: [{ containerPort: 1, hostPort: 1 }] }] }), `${AT}.spec.initContainers[0].ports[0].hostPort`],
  ['a privileged ephemeral container', template({ ephemeralContainers: [{ name: 'debug', image: 'busybox', securityContext: { privileged: true } }] }), `${AT}.spec.ephemeralContainers[0].securityContext.privileged`],
];

const ALLOWED: readonly [title: string, podTemplate: Json][] = [
  ['the baseline capabilities', withContainer({ securityContext: { capabilities: { add: ['NET_BIND_SERVICE', 'CHOWN', 'SETUID'], drop: ['ALL'] } } })],
  ['a container port without a host port', withContainer({ ports: [{ containerPort: 80, hostPort: 0 }] })],
  ['RuntimeDefault seccomp and the Default /proc', withContainer({ securityContext: { seccompProfile: { type: 'RuntimeDefault' }, procMount: 'Default', allowPrivilegeEscalation: false } })],
  ['a safe sysctl and an emptyDir volume', template({ securityContext: { sysctls: [{ name: 'net.ipv4.tcp_syncookies', value: '1' }] }, volumes: [{ name: 'scratch', emptyDir: {} }] })],
];

let fleet: SimFleet;
let strict: TestGateway;
let open: TestGateway;
beforeAll(async () => {
  fleet = await startSimFleet({ clusters: 3, seed: 'demo' });
  strict = await startTestGateway({ fleet });
  open = await startTestGateway({ fleet, allowPrivilegedContainers: true });
});
afterAll(async () => {
  await strict.stop();
  await open.stop();
  await fleet.stop();
});

let n = 0;
const input = (podTemplate: Json) => ({ environment: 'acme:staging', cluster: 'staging', name: `pss-${++n}`, podTemplate });
const stored = (name: string) => fleet.cluster('staging').store.get(resourceByKind('Deployment'), 'acme-staging', name);
const writes = () => fleet.clusters.reduce((sum, c) => sum + c.counters.total() - c.counters.total('get') - c.counters.total('list') - c.counters.total('watch'), 0);

describe.each(REFUSED)('%s', (_title, podTemplate, field) => {
  it('is refused by default, naming the field, with nothing written', async () => {
    const before = writes();
    const request = input(podTemplate);
    const { data, errors } = await strict.query(DEPLOY, { input: request });
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    expect(errors![0]!.message).toContain(`${field}: `);
    expect(errors![0]!.message).toContain('ALLOW_PRIVILEGED_CONTAINERS');
    expect(writes()).toBe(before);
    expect(stored(request.name)).toBeUndefined();
  });

  it('is deployed as given with ALLOW_PRIVILEGED_CONTAINERS=true', async () => {
    const request = input(podTemplate);
    const { data, errors } = await open.query<{ deployWorkload: { name: string } }>(DEPLOY, { input: request });
    expect(errors).toBeUndefined();
    expect(data!.deployWorkload.name).toBe(request.name);
    expect(stored(request.name)!.spec.template.spec).toMatchObject(podTemplate.spec);
  });
});

it.each(ALLOWED)('deploys %s by default', async (_title, podTemplate) => {
  const request = input(podTemplate);
  const { errors } = await strict.query(DEPLOY, { input: request });
  expect(errors).toBeUndefined();
  expect(stored(request.name)!.spec.template.spec).toMatchObject(podTemplate.spec);
});

it('lists every violation of one template, each under its field', async () => {
  const { errors } = await strict.query(DEPLOY, { input: input(template({ hostNetwork: true, containers: [container({ securityContext: { privileged: true } })] })) });
  expect(errors![0]!.message).toMatch(/^input\.podTemplate\.spec\.hostNetwork: .*; input\.podTemplate\.spec\.containers\[0\]\.securityContext\.privileged: /);
});
