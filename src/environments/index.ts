// Environments (reference 001) and the workloads deployed into them: the checks and the
// writes behind createEnvironment, updateEnvironment, deleteEnvironment and deployWorkload.
export { createEnvironment, type CreateEnvironmentInput, type EnvironmentWriteContext } from './create-environment.js';
export { deleteEnvironment, updateEnvironment, type EnvironmentChangeContext, type UpdateEnvironmentInput } from './update-environment.js';
export { deployWorkload, type DeployWorkloadInput } from './deploy-workload.js';
export { type PodTemplatePolicy } from './pod-template.js';
export { ROUTING_KEYS, ROUTING_SECRET } from './manifests.js';
