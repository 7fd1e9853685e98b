/**
 * Local HTTP stand-in for an S3-compatible object store, so the real `@aws-sdk/client-s3` works
 * offline (path-style addresses, as with any S3-compatible endpoint):
 *
 *   const s3 = await startS3Standin({ accessKeyId: "AK", secretAccessKey: "SK" });
 *   new S3Client({ endpoint: s3.url, forcePathStyle: true, region: "us-east-1", credentials: {...} });
 *
 *   PUT  /<bucket>/<key>  → 200 (ETag)         GET|HEAD /<bucket>/<key> → the object, or 404 NoSuchKey
 *
 * Every request must carry a valid AWS Signature Version 4 for the configured keys: the signature
 * is computed again here (the same signer the SDK uses) and the body's SHA-256 checked against
 * x-amz-content-sha256. Objects live in memory.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";

export interface S3StandinOptions {
  accessKeyId: string;
  secretAccessKey: string;
  region?: string;
  port?: number;
}

export interface S3Standin {
  url: string;
  /** The stored objects by "<bucket>/<key>", for tests. */
  objects: Map<string, StoredObject>;
  stop(): Promise<void>;
}

interface StoredObject {
  body: Buffer;
  contentType: string;
  cacheControl: string | undefined;
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;
const MAX_BODY = 64 * 1024 * 1024;

function xmlError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { "content-type": "application/xml" });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** From x-amz-date's basic format (20261128T231500Z). */
function signingDate(amzDate: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : null;
}

async function signatureHolds(req: IncomingMessage, url: URL, opts: Required<Pick<S3StandinOptions, "accessKeyId" | "secretAccessKey" | "region">>): Promise<boolean> {
  const auth = AUTHORIZATION.exec(req.headers.authorization ?? "");
  const date = signingDate(String(req.headers["x-amz-date"] ?? ""));
  if (!auth || !date || auth[1] !== opts.accessKeyId || auth[3] !== opts.region) return false;
  const headers: Record<string, string> = {};
  for (const name of auth[4]!.split(";")) {
    const value = req.headers[name];
    if (value === undefined) return false;
    headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => (query[k] = v));
  const signer = new SignatureV4({
    credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
    region: opts.region,
    service: "s3",
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    { method: req.method ?? "GET", protocol: "http:", hostname: url.hostname, port: Number(url.port), path: url.pathname, query, headers },
    { signingDate: date },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization ?? signed.headers.Authorization ?? ""))?.[1];
  return expected === auth[5];
}

export function startS3Standin(options: S3StandinOptions): Promise<S3Standin> {
  const opts = { region: "us-east-1", ...options };
  const objects = new Map<string, StoredObject>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
      const [, bucket, ...rest] = url.pathname.split("/");
      const objectKey = rest.map(decodeURIComponent).join("/");
      if (!bucket || !objectKey) return xmlError(res, 400, "InvalidRequest", "Only path-style object requests are served here.");
      if (!(await signatureHolds(req, url, opts))) return xmlError(res, 403, "SignatureDoesNotMatch", "The request signature does not match.");
      const name = `${bucket}/${objectKey}`;
      if (req.method === "PUT") {
        const body = await readBody(req);
        if (!body) return xmlError(res, 400, "EntityTooLarge", "The object is too large.");
        const claimed = String(req.headers["x-amz-content-sha256"] ?? "");
        if (claimed !== "UNSIGNED-PAYLOAD" && claimed !== createHash("sha256").update(body).digest("hex")) {
          return xmlError(res, 400, "XAmzContentSHA256Mismatch", "The body does not match x-amz-content-sha256.");
        }
        const cacheControl = req.headers["cache-control"];
        objects.set(name, { body, contentType: String(req.headers["content-type"] ?? "application/octet-stream"), cacheControl });
        res.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` });
        return res.end();
      }
      if (req.method === "GET" || req.method === "HEAD") {
        const found = objects.get(name);
        if (!found) return xmlError(res, 404, "NoSuchKey", "The specified key does not exist.");
        res.writeHead(200, {
          "content-type": found.contentType,
          "content-length": String(found.body.length),
          ...(found.cacheControl ? { "cache-control": found.cacheControl } : {}),
        });
        return res.end(req.method === "GET" ? found.body : undefined);
      }
      return xmlError(res, 405, "MethodNotAllowed", "Only PUT, GET and HEAD are served here.");
    })().catch((err: unknown) => xmlError(res, 500, "InternalError", err instanceof Error ? err.message : "error"));
  });
  return new Promise((resolve) => {
    server.listen(opts.port ?? 0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        objects,
        stop: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
