export { createClusterRegistration, type ClusterRegistration, type ClusterRegistrationOptions } from './registration.js';
export { validateRegistration, type ClusterRegistrationRequest, type RegisterClusterInput } from './registration-input.js';
