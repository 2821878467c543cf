// Every mutation's input checked at the boundary, before anything is read or written: names
// by Kubernetes' rules, numbers within documented bounds, JSON within depth and size, every
// string free of characters that are no text, and no empty selector or filter read as
// "everything". Each refusal is BAD_USER_INPUT naming the field. Pure.
export { checkInputText, MAX_LIST_LENGTH } from './input-text.js';
export { checkJson, DEFAULT_JSON_LIMITS, type JsonLimits } from './json.js';
export { checkClusterName, checkObjectName, dnsLabelProblem, dnsSubdomainProblem, isDnsLabel, MAX_LABEL_LENGTH, type NamedKind } from './names.js';
export { BOUNDS, DEFAULT_MAX_REPLICAS, checkInteger, replicaBounds, type Bounds } from './numbers.js';
export { BASELINE_CAPABILITIES, baselineViolations, refuseBeyondBaseline, type PodSecurityViolation } from './pod-security.js';
export { isSystemNamespace, mayChangeNamespace } from './scope.js';
export { MAX_TEXT_LENGTH, checkText, textProblem } from './text.js';
export { checkDeployWorkload, type DeployWorkloadInput } from './deploy-input.js';
export { checkHostArguments, checkReplicas, checkScaleWorkload, checkWorkloadArgument, checkWorkloadRef, type InputLimits, type WorkloadRefInput } from './workload-inputs.js';
export { checkOperationId, checkRestartHosts, checkRestartWorkloads, checkRollbackWorkload, checkRolloutImage, type RestartHostsInput } from './operation-inputs.js';
export { checkClusterNameArgument, checkCreateEnvironment, checkEnvironmentNameArgument, checkUpdateEnvironment } from './fleet-inputs.js';
