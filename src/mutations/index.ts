// Direct changes to one object, made at once as kubectl makes them (long-running ones are operations).
export { deleteWorkload, scaleWorkload, setWorkloadPaused, type WorkloadTarget } from './workloads.js';
export { setHostCordoned, type HostTarget } from './hosts.js';
export { gatewayErrorOf, kubeCall, type KubeErrorMessages } from './kube-errors.js';
