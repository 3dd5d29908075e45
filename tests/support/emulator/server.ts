/**
 * HTTP front end: routing, body decoding, latency, fault injection, the
 * JSON envelope and call recording.
 *
 * Pipeline per call: route -> token -> method -> body (413) -> latency ->
 * fault rule (drop/hang/429/5xx/error short-circuit; dropAfter processes and
 * then loses the response) -> handler -> envelope -> record.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { decodeRequest, Params, recordableParams } from "./body.js";
import { ApiError, Errors } from "./errors.js";
import { findMethod } from "./methods/index.js";
import type { ApiCall, FaultRule } from "./types.js";
import type { World } from "./world.js";

const STATUS_TEXT: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

const MULTIPART_OVERHEAD = 1024 * 1024;

export class ApiServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  /** Responses held open by "hang" faults. */
  private readonly hanging = new Set<ServerResponse>();
  private closed = false;

  constructor(private readonly w: World) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => this.internalError(res, e));
    });
    // grammY keeps connections alive indefinitely; Node's 5 s default would
    // race with reuse and surface as sporadic "socket hang up" errors.
    this.server.keepAliveTimeout = 120_000;
    this.server.headersTimeout = 125_000;
    this.server.requestTimeout = 0;
    this.server.on("connection", (s: Socket) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        const addr = this.server.address();
        resolve(typeof addr === "object" && addr ? addr.port : port);
      });
    });
  }

  openConnections(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    const done = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    this.server.closeAllConnections();
    await done;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? "/", "http://emulator");

    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) return this.serveFile(req, res, decodeURIComponent(file[1]!), decodeURIComponent(file[2]!));

    const route = /^\/bot([^/]+)\/(?:test\/)?([^/]*)$/.exec(url.pathname);
    if (!route) {
      req.resume();
      return this.send(res, Errors.notFound());
    }
    const [, token, methodAsSent] = route as unknown as [string, string, string];
    const found = findMethod(methodAsSent);
    const call: ApiCall = { method: found?.name ?? methodAsSent, params: {}, at: started, status: 0, ok: false };

    if (decodeURIComponent(token) !== this.w.token) {
      req.resume();
      return this.finish(res, call, Errors.unauthorized());
    }
    if (!found) {
      req.resume();
      return this.finish(res, call, Errors.methodNotFound());
    }

    let p: Params;
    try {
      const data = await decodeRequest(req, url, {
        maxBodyBytes: this.w.maxUploadBytes + MULTIPART_OVERHEAD,
        maxFileBytes: this.w.maxUploadBytes,
      });
      p = new Params(data.params, data.uploads);
    } catch (e) {
      return this.finish(res, call, e);
    }
    call.params = recordableParams(p);
    const chatId = p.raw["chat_id"];
    if (typeof chatId === "number" || (typeof chatId === "string" && /^-?\d+$/.test(chatId))) {
      call.chatId = Number(chatId);
    }

    await this.latency();
    if (this.closed) return void res.destroy();

    const fault = this.w.faults.match(call.method, call.chatId);
    if (fault && fault.kind !== "dropAfter") return this.applyFault(req, res, call, fault);

    // Long polls must notice a client that gave up (bot.stop() aborts its fetch).
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });

    let outcome: unknown;
    try {
      const result = await found.handler({ w: this.w, p, signal: abort.signal });
      outcome = { result };
    } catch (e) {
      outcome = e;
    }
    if (fault) {
      // dropAfter: the call took effect but the client never learns it.
      this.fill(call, outcome);
      call.status = 0;
      call.fault = "dropAfter";
      this.recordCall(call);
      res.socket?.destroy();
      return;
    }
    this.finish(res, call, outcome);
  }

  private applyFault(req: IncomingMessage, res: ServerResponse, call: ApiCall, fault: FaultRule): void {
    call.fault = fault.kind;
    switch (fault.kind) {
      case "drop":
        call.description = "fault: connection dropped before processing";
        this.recordCall(call);
        req.socket.destroy();
        return;
      case "hang":
        call.description = "fault: request hangs";
        this.recordCall(call);
        this.hanging.add(res);
        res.on("close", () => this.hanging.delete(res));
        return;
      case "429":
        return this.finish(res, call, Errors.tooManyRequests(Math.max(1, Math.ceil(fault.retryAfter ?? 5))));
      case "5xx": {
        const status = fault.status ?? 502;
        return this.finish(res, call, new ApiError(status, fault.description ?? STATUS_TEXT[status] ?? "Bad Gateway"));
      }
      case "error":
        return this.finish(
          res,
          call,
          new ApiError(fault.status ?? 400, fault.description ?? "Bad Request: injected fault"),
        );
      default:
        return;
    }
  }

  private latency(): Promise<void> {
    const l = this.w.opts.latency;
    if (!l || (l.baseMs <= 0 && l.jitterMs <= 0)) return Promise.resolve();
    const ms = Math.max(0, l.baseMs + (this.w.latencyRng() * 2 - 1) * l.jitterMs);
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Copy the outcome (`{result}` or an error) into the call record. */
  private fill(call: ApiCall, outcome: unknown): { status: number; body: string; retryAfter?: number } {
    if (outcome && typeof outcome === "object" && "result" in outcome && !(outcome instanceof Error)) {
      call.status = 200;
      call.ok = true;
      return { status: 200, body: JSON.stringify({ ok: true, result: (outcome as { result: unknown }).result }) };
    }
    const err =
      outcome instanceof ApiError ? outcome : new ApiError(500, "Internal Server Error");
    if (!(outcome instanceof ApiError) && this.w.opts.debug) console.error("[emulator] handler crashed:", outcome);
    call.status = err.code;
    call.ok = false;
    call.description = err.description;
    const envelope: Record<string, unknown> = { ok: false, error_code: err.code, description: err.description };
    if (err.parameters) envelope.parameters = err.parameters;
    return { status: err.code, body: JSON.stringify(envelope), retryAfter: err.parameters?.retry_after };
  }

  private finish(res: ServerResponse, call: ApiCall, outcome: unknown): void {
    const { status, body, retryAfter } = this.fill(call, outcome);
    this.recordCall(call);
    this.write(res, status, body, retryAfter);
  }

  private send(res: ServerResponse, err: ApiError): void {
    this.write(res, err.code, JSON.stringify({ ok: false, error_code: err.code, description: err.description }));
  }

  private write(res: ServerResponse, status: number, body: string, retryAfter?: number): void {
    if (res.destroyed || res.writableEnded) return;
    const headers: Record<string, string | number> = {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    };
    if (retryAfter !== undefined) headers["retry-after"] = retryAfter;
    res.writeHead(status, headers);
    res.end(body);
  }

  private recordCall(call: ApiCall): void {
    call.durationMs = Date.now() - call.at;
    this.w.record(call);
    if (this.w.opts.debug) {
      console.error(
        `[emulator] ${call.method} ${call.status}${call.description ? " " + call.description : ""}${call.fault ? " [" + call.fault + "]" : ""}`,
      );
    }
  }

  private serveFile(req: IncomingMessage, res: ServerResponse, token: string, filePath: string): void {
    req.resume();
    if (token !== this.w.token) return this.send(res, Errors.unauthorized());
    const file = this.w.files.getByPath(filePath);
    if (!file) return this.send(res, Errors.notFound());
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.size });
    res.end(file.data);
  }

  private internalError(res: ServerResponse, e: unknown): void {
    if (this.w.opts.debug) console.error("[emulator] request failed:", e);
    if (!res.headersSent && !res.destroyed) this.send(res, new ApiError(500, "Internal Server Error"));
    else res.destroy();
  }
}
