import { KubeConfig } from '@kubernetes/client-node';
import { createClusterClient, type ClusterClient, type ClusterClientOptions } from './client.js';

/** What a cluster registered through the API comes with: its server and, optionally, credentials. */
export interface ClusterCredentials {
  /** The cluster's name in the gateway. */
  name: string;
  /** The API server URL; http:// only with insecureSkipTlsVerify (client-node refuses it otherwise). */
  server: string;
  /** A bearer token, sent on every call. Default none. */
  token?: string | null;
  /** Base64 PEM of the CA that signed the server's certificate. Default: the system's CAs. */
  certificateAuthorityData?: string | null;
  /** Skip checking the server's certificate. Default false. */
  insecureSkipTlsVerify?: boolean;
}

/**
 * A client from credentials rather than a kubeconfig file, built as a one-context kubeconfig
 * so TLS and tokens behave exactly as for the kubeconfig sources.
 */
export function clientFromCredentials({
  name,
  server,
  token,
  certificateAuthorityData,
  insecureSkipTlsVerify = false,
  ...clientOptions
}: ClusterCredentials & Omit<ClusterClientOptions, 'name' | 'kubeConfig'>): ClusterClient {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name, server, caData: certificateAuthorityData ?? undefined, skipTLSVerify: insecureSkipTlsVerify }],
    users: [{ name, token: token ?? undefined }],
    contexts: [{ name, cluster: name, user: name }],
    currentContext: name,
  });
  return createClusterClient({ name, kubeConfig, ...clientOptions });
}
