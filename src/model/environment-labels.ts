// The labels and annotations by which a namespace backs an environment. The namespace mapper
// and the environments part read them from here (the simulator keeps its own copy: it imports no gateway code).

/** Label set to `"true"` on a namespace that backs an environment. */
export const ENVIRONMENT_LABEL = 'fleetgraph.io/environment';
/** Label holding the environment's organisation, the `org` of `org:env`. */
export const ORG_LABEL = 'fleetgraph.io/org';
/** Label holding the environment's stage, the `env` of `org:env`. */
export const ENV_LABEL = 'fleetgraph.io/env';
/** Annotation holding the environment's full name, `org:env`; preferred over the two labels. */
export const ENVIRONMENT_NAME_ANNOTATION = 'fleetgraph.io/environment-name';
/** Annotation holding the environment's host names, separated by spaces. */
export const HOST_NAMES_ANNOTATION = 'fleetgraph.io/host-names';
