import type { WebAuthnOptionsJSON } from '@heard/domain';
import { KeyObject, createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

/*
 * A software authenticator for API tests: what a security key or a phone does in a WebAuthn
 * ceremony, written over node:crypto so the tests need no browser. ES256 (P-256) keys, COSE key
 * encoding, attestation format "none" (WebAuthn §8.7), and assertions signed over
 * authenticatorData || SHA-256(clientDataJSON) as §6.3.3 says.
 */

type Cbor = number | string | Uint8Array | Map<number | string, Cbor>;

/** The smallest CBOR encoder (RFC 8949) the ceremonies need: integers, byte and text strings, maps. */
export function cbor(value: Cbor): Buffer {
  const head = (major: number, n: number): Buffer => {
    if (n < 24) return Buffer.from([(major << 5) | n]);
    if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
    if (n < 0x10000) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
    const b = Buffer.alloc(5);
    b[0] = (major << 5) | 26;
    b.writeUInt32BE(n, 1);
    return b;
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const text = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, text.length), text]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), Buffer.from(value)]);
  const parts: Buffer[] = [head(5, value.size)];
  for (const [k, v] of value) parts.push(cbor(k), cbor(v));
  return Buffer.concat(parts);
}

const sha256 = (data: Buffer | string): Buffer => createHash('sha256').update(data).digest();
const b64url = (data: Buffer): string => data.toString('base64url');

export const FLAG_UP = 0x01;
export const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export interface SoftCredential {
  id: Buffer;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The user handle the relying party gave at registration (its user id). */
  userHandle: Buffer;
  signCount: number;
}

/** The JSON @simplewebauthn/browser's startRegistration would return. */
export interface RegistrationJSON {
  id: string;
  rawId: string;
  type: 'public-key';
  response: { clientDataJSON: string; attestationObject: string; transports: string[] };
  authenticatorAttachment: 'platform';
  clientExtensionResults: Record<string, never>;
}

/** The JSON @simplewebauthn/browser's startAuthentication would return. */
export interface AuthenticationJSON {
  id: string;
  rawId: string;
  type: 'public-key';
  response: { clientDataJSON: string; authenticatorData: string; signature: string; userHandle?: string };
  authenticatorAttachment: 'platform';
  clientExtensionResults: Record<string, never>;
}

function userIdOf(options: WebAuthnOptionsJSON): Buffer {
  const user = options['user'];
  if (typeof user !== 'object' || user === null || !('id' in user) || typeof user.id !== 'string') {
    throw new Error('Registration options without user.id');
  }
  return Buffer.from(user.id, 'base64url');
}

function coseKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (!jwk.x || !jwk.y) throw new Error('Not an EC key');
  return cbor(
    new Map<number, Cbor>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x, 'base64url')],
      [-3, Buffer.from(jwk.y, 'base64url')],
    ]),
  );
}

export class SoftwareAuthenticator {
  readonly credentials: SoftCredential[] = [];

  constructor(
    private readonly rpId: string,
    private readonly origin: string,
  ) {}

  /** navigator.credentials.create(): a new key pair for the options' user, attested with "none". */
  register(
    options: WebAuthnOptionsJSON,
    change: { flags?: number; origin?: string; credentialId?: Buffer } = {},
  ): RegistrationJSON {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const credential: SoftCredential = {
      id: change.credentialId ?? randomBytes(32),
      privateKey,
      publicKey,
      userHandle: userIdOf(options),
      signCount: 0,
    };
    this.credentials.push(credential);
    const clientDataJSON = this.clientData('webauthn.create', options.challenge, change.origin);
    const credentialIdLength = Buffer.alloc(2);
    credentialIdLength.writeUInt16BE(credential.id.length);
    const authData = Buffer.concat([
      this.authDataHead((change.flags ?? FLAG_UP | FLAG_UV) | FLAG_AT, credential.signCount),
      Buffer.alloc(16), // AAGUID: none given, as with attestation "none"
      credentialIdLength,
      credential.id,
      coseKey(publicKey),
    ]);
    const attestationObject = cbor(
      new Map<string, Cbor>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  /**
   * navigator.credentials.get(): signs the options' challenge with a credential (the last one made,
   * unless told), counting one more use unless `signCount` says otherwise (a clone's old counter).
   */
  assert(
    options: WebAuthnOptionsJSON,
    change: {
      credential?: SoftCredential;
      signCount?: number;
      flags?: number;
      origin?: string;
      userHandle?: Buffer;
    } = {},
  ): AuthenticationJSON {
    const credential = change.credential ?? this.credentials[this.credentials.length - 1];
    if (!credential) throw new Error('No credential to sign with');
    credential.signCount = change.signCount ?? credential.signCount + 1;
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, change.origin);
    const authData = this.authDataHead(change.flags ?? FLAG_UP | FLAG_UV, credential.signCount);
    const signature = sign(
      'sha256',
      Buffer.concat([authData, sha256(clientDataJSON)]),
      credential.privateKey,
    );
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: b64url(change.userHandle ?? credential.userHandle),
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  private clientData(type: string, challenge: string, origin = this.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
  }

  /** rpIdHash, flags and the big-endian signature counter: the first 37 bytes of authenticatorData. */
  private authDataHead(flags: number, signCount: number): Buffer {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(signCount);
    return Buffer.concat([sha256(this.rpId), Buffer.from([flags]), counter]);
  }
}
