import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';

interface OriginConfig {
  jwtSecret?: unknown;
  algorithm?: string;
}

type DefineOrigin = (origin: string, config: OriginConfig) => void;

/**
 * Strapi hands its session tokens' secret to jsonwebtoken as a string, and jsonwebtoken, given a
 * string, first tries to read it as a public key and catches the failure, on every request that
 * carries a token: an exception built and thrown per staff request. Handing it the same secret
 * as a secret key object instead signs and verifies exactly the same tokens (HS256 over the same
 * bytes) without that detour. Origins with an asymmetric algorithm keep their configuration.
 */
export const keepSessionSecretsAsKeys = (strapi: Core.Strapi) => {
  const manager = (strapi as unknown as { sessionManager?: { defineOrigin?: DefineOrigin } })
    .sessionManager;
  const define = manager?.defineOrigin;
  if (!manager || !define) return;
  manager.defineOrigin = (origin, config) => {
    const symmetric = !config.algorithm || config.algorithm.startsWith('HS');
    const secret = config.jwtSecret;
    define(
      origin,
      symmetric && typeof secret === 'string' && secret.length > 0
        ? { ...config, jwtSecret: crypto.createSecretKey(Buffer.from(secret)) }
        : config
    );
  };
};
