// Who a request is: from its bearer token (static tokens of the access file, or a JWT), or
// the access file's anonymous grant when it shows none. Never logs or echoes a token.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthSettings, GrantSettings, JwtSettings } from '../config/index.js';
import { UnauthenticatedError } from '../errors/index.js';
import { LOCAL_PRINCIPAL, ROLES, type Principal, type Role, UNAUTHENTICATED_PRINCIPAL, withImpliedRoles } from './principal.js';
import { scopeOf } from './scope.js';

export interface Authentication {
  readonly principal: Principal;
  /** When the credentials stop being valid (a JWT's exp); undefined: they do not expire. */
  readonly expiresAt?: Date;
}

export interface Authenticator {
  /**
   * @param authorization the Authorization header, or graphql-ws's `authorization` payload field
   * @throws UnauthenticatedError for a malformed, unknown, badly signed or expired token
   */
  authenticate(authorization: string | undefined): Promise<Authentication>;
}

export interface AuthenticatorOptions {
  /** The access file; undefined: every caller is LOCAL_PRINCIPAL (a loopback gateway, see src/config). */
  settings: AuthSettings | undefined;
  /** default () => new Date(); JWT expiry is judged against it */
  now?: () => Date;
}

export function createAuthenticator({ settings, now = () => new Date() }: AuthenticatorOptions): Authenticator {
  if (!settings) return { authenticate: async () => ({ principal: LOCAL_PRINCIPAL }) };
  const tokens = settings.tokens.map((t) => ({ hash: Buffer.from(t.sha256, 'hex'), principal: principalOf(t.name, t) }));
  const anonymous: Authentication = { principal: settings.anonymous ? principalOf('anonymous', settings.anonymous) : UNAUTHENTICATED_PRINCIPAL };
  const verifyJwt = settings.jwt ? jwtVerifier(settings.jwt, now) : undefined;
  return {
    async authenticate(authorization) {
      if (authorization === undefined || authorization.trim() === '') return anonymous;
      const match = /^Bearer +(\S+) *$/i.exec(authorization);
      if (!match) throw new UnauthenticatedError('Authorization must be "Bearer <token>"');
      const token = match[1]!;
      const hash = createHash('sha256').update(token, 'utf8').digest();
      // Every hash is compared, in constant time, so timing tells nothing of which came close.
      let found: Principal | undefined;
      for (const entry of tokens) if (timingSafeEqual(entry.hash, hash)) found = entry.principal;
      if (found) return { principal: found };
      if (verifyJwt && token.split('.').length === 3) return verifyJwt(token);
      throw new UnauthenticatedError('The bearer token is not valid');
    },
  };
}

function principalOf(name: string, grant: GrantSettings): Principal {
  return Object.freeze({ name, roles: withImpliedRoles(grant.roles), scope: scopeOf(grant), authenticated: true });
}

/** Checks signature, issuer, audience and expiry with jose, then maps the claims the file names. */
function jwtVerifier(jwt: JwtSettings, now: () => Date): (token: string) => Promise<Authentication> {
  const keys: JWTVerifyGetKey = 'url' in jwt.jwks ? createRemoteJWKSet(new URL(jwt.jwks.url)) : createLocalJWKSet({ keys: jwt.jwks.keys as never });
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { issuer: jwt.issuer, audience: jwt.audience, currentDate: now() }));
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw new UnauthenticatedError('The bearer token has expired');
      if (err instanceof errors.JOSEError) throw new UnauthenticatedError('The bearer token is not valid');
      throw err;
    }
    const name = payload[jwt.claims.name];
    if (typeof name !== 'string' || name === '') throw new UnauthenticatedError(`The bearer token has no "${jwt.claims.name}" claim naming its principal`);
    const grant = { roles: rolesIn(payload[jwt.claims.roles]), clusters: listIn(payload[jwt.claims.clusters]), namespaces: listIn(payload[jwt.claims.namespaces]) };
    return { principal: principalOf(name, grant), expiresAt: payload.exp === undefined ? undefined : new Date(payload.exp * 1000) };
  };
}

/** A list claim: an array of strings, or one string of space- or comma-separated values. Other roles are ignored. */
function rolesIn(claim: unknown): Role[] {
  return (listIn(claim) ?? []).filter((value): value is Role => (ROLES as readonly string[]).includes(value));
}

/** undefined when the claim is absent (every cluster / namespace); an empty list grants none. */
function listIn(claim: unknown): string[] | undefined {
  if (claim === undefined || claim === null) return undefined;
  if (typeof claim === 'string') return claim.split(/[\s,]+/).filter((v) => v !== '');
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === 'string' && v !== '');
  return [];
}
