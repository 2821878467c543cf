// What registerCluster accepts, checked before anything is built or written. Pure.
import { BadUserInputError } from '../errors/index.js';
import type { StoredCluster } from '../store/types.js';
import { labelKeyProblem, labelValueProblem } from '../selectors/label-validation.js';
import { checkInputText } from '../validation/input-text.js';
import { dnsLabelProblem } from '../validation/names.js';

/** The contract's RegisterClusterInput; GraphQL hands absent optional fields over as null. */
export interface RegisterClusterInput {
  name: string;
  server: string;
  token?: string | null;
  certificateAuthorityData?: string | null;
  insecureSkipTlsVerify?: boolean | null;
  labels?: readonly { key: string; value: string }[] | null;
}

/** The input once valid: absent values made explicit, labels as a map; what the store keeps, less who and when. */
export type ClusterRegistrationRequest = Omit<StoredCluster, 'registeredBy' | 'createdAt'>;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * @throws BadUserInputError naming the first string that is no text (src/validation), else
 * listing every problem found, each naming its field.
 */
export function validateRegistration(input: RegisterClusterInput): ClusterRegistrationRequest {
  checkInputText({ input });
  const insecureSkipTlsVerify = input.insecureSkipTlsVerify ?? false;
  const token = input.token || null;
  const certificateAuthorityData = input.certificateAuthorityData?.replace(/\s+/g, '') || null;
  const problems = [
    ...nameProblems(input.name),
    ...serverProblems(input.server, insecureSkipTlsVerify),
    ...(token !== null && /[\s]/.test(token) ? ['input.token: must not contain whitespace'] : []),
    ...(certificateAuthorityData !== null ? caProblems(certificateAuthorityData) : []),
    ...labelProblems(input.labels ?? []),
  ];
  if (problems.length > 0) throw new BadUserInputError(`Invalid cluster registration: ${problems.join('; ')}`);
  const labels = Object.fromEntries((input.labels ?? []).map(({ key, value }) => [key, value]));
  return { name: input.name, server: input.server, token, certificateAuthorityData, insecureSkipTlsVerify, labels };
}

function nameProblems(name: string): string[] {
  const problem = dnsLabelProblem(name);
  return problem ? [`input.name: must be a DNS-1123 label: ${problem}`] : [];
}

function serverProblems(server: string, insecureSkipTlsVerify: boolean): string[] {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return ['input.server: must be an http:// or https:// URL'];
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return ['input.server: must be an http:// or https:// URL'];
  if (url.username || url.password) return ['input.server: must not hold credentials; give a token instead'];
  if (url.protocol === 'http:' && !insecureSkipTlsVerify) {
    return ['input.server: http:// is accepted only with insecureSkipTlsVerify: true, as the connection is then neither encrypted nor verified; use https://'];
  }
  return [];
}

function caProblems(data: string): string[] {
  const decoded = BASE64.test(data) ? Buffer.from(data, 'base64').toString('utf8') : '';
  return decoded.includes('-----BEGIN CERTIFICATE-----') ? [] : ['input.certificateAuthorityData: must be base64 of a PEM certificate'];
}

function labelProblems(labels: readonly { key: string; value: string }[]): string[] {
  const seen = new Set<string>();
  return labels.flatMap(({ key, value }) => {
    const problems: string[] = [];
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) problems.push(`input.labels: key ${JSON.stringify(key)}: ${keyProblem}`);
    const valueProblem = labelValueProblem(value);
    if (valueProblem) problems.push(`input.labels: value ${JSON.stringify(value)} of ${JSON.stringify(key)}: ${valueProblem}`);
    if (seen.has(key)) problems.push(`input.labels: key ${JSON.stringify(key)} given twice`);
    seen.add(key);
    return problems;
  });
}
