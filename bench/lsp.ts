/**
 * The language servers of the editor benchmark (bench/editor.ts) and of the
 * package test's auto-import check: one first completion through each.
 *
 * tsserver (TypeScript 5.9) speaks its own stdio protocol (sampleTsserver).
 * TypeScript 7 (typescript-go) speaks LSP on stdio (`tsc --lsp --stdio`), so the same steps as with
 * tsserver are taken in LSP terms: initialize, didOpen, a hover to wait for
 * the project, then completion at the same point. TS 7 builds its auto-import
 * index on demand and may first answer `isIncomplete`, so the completion is
 * asked again until the list is complete (the time of the last answer counts).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "./consumer.ts";

const { default: getExePath } = (await import(
  pathToFileURL(join(REPO_ROOT, "node_modules", "ts7", "lib", "getExePath.js")).href
)) as {
  default: () => string;
};
const TSSERVER = join(REPO_ROOT, "node_modules", "typescript", "lib", "tsserver.js");
export const TSGO_VERSION = (
  JSON.parse(readFileSync(join(REPO_ROOT, "node_modules", "ts7", "package.json"), "utf8")) as {
    version: string;
  }
).version;

/** The editor's preferences: tsserver's `configure`, and TS 7's `workspace/configuration` answers. */
const PREFERENCES = {
  includeCompletionsForModuleExports: true,
  includeCompletionsWithInsertText: true,
  includePackageJsonAutoImports: "auto",
};

export interface Sample {
  ok: boolean;
  error?: string;
  /** Spawn → project loaded (open + projectInfo answered). */
  loadMs: number;
  /** completionInfo sent → answered. */
  completionMs: number;
  /** Spawn → completion answered: the "first completion" an editor user waits for. */
  totalMs: number;
  peakRssMb: number;
  /** tsserver's own figure for building the auto-import provider program, when it reported one. */
  autoImportProviderMs?: number;
  /** Root files of the auto-import provider, from the tsserver log. */
  autoImportRoots?: number;
  entries: number;
  /** Auto-import entries whose module specifier is the dependency (or one of its subpaths). */
  dependencyEntries: number;
  /** Names of those auto-imports (`createFlashArrayClient`, …): which entries the editor offers. */
  dependencyNames?: string[];
  /** The auto-import provider program's files (tsserver, `verbose` only). */
  providerFiles?: string[];
}

/** A tsserver child speaking the stdio protocol (Content-Length framed JSON answers). */
class TsServer {
  readonly child: ChildProcess;
  private seq = 0;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, (body: Record<string, unknown>) => void>();
  private exited: Promise<void>;
  private failure?: Error;

  constructor(
    cwd: string,
    heapMb: number,
    logFile: string,
    tsserver: string,
    verbosity: "terse" | "verbose",
  ) {
    this.child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${heapMb}`,
        tsserver,
        "--disableAutomaticTypingAcquisition",
        "--locale",
        "en",
        "--logVerbosity",
        verbosity,
        "--logFile",
        logFile,
      ],
      { cwd, stdio: ["pipe", "pipe", "pipe"] },
    );
    let stderr = "";
    this.child.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    this.child.stdout!.on("data", (d: Buffer) => this.onData(d));
    this.exited = new Promise((resolveExit) => {
      this.child.on("exit", (code, signal) => {
        this.failure = new Error(
          `tsserver exited (${signal ?? code})${stderr ? `: ${stderr.trim().split("\n").slice(-3).join(" / ")}` : ""}`,
        );
        for (const reject of this.pending.values()) reject({ __failed: true });
        this.pending.clear();
        resolveExit();
      });
    });
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as {
        type: string;
        request_seq?: number;
      };
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (message.type === "response" && message.request_seq !== undefined) {
        this.pending.get(message.request_seq)?.(message as Record<string, unknown>);
        this.pending.delete(message.request_seq);
      }
    }
  }

  /** Sends a request; resolves with the whole response (body, success, performanceData). */
  request(command: string, args: unknown): Promise<Record<string, unknown>> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = ++this.seq;
    const answer = new Promise<Record<string, unknown>>((resolveAnswer, rejectAnswer) => {
      this.pending.set(seq, (response) => {
        if ("__failed" in response) rejectAnswer(this.failure);
        else resolveAnswer(response);
      });
    });
    this.child.stdin!.write(`${JSON.stringify({ seq, type: "request", command, arguments: args })}\n`);
    return answer;
  }

  /** A request the server does not answer (open). */
  notify(command: string, args: unknown): void {
    this.child.stdin!.write(
      `${JSON.stringify({ seq: ++this.seq, type: "request", command, arguments: args })}\n`,
    );
  }

  async stop(): Promise<void> {
    if (!this.failure) {
      this.notify("exit", {});
      const timer = setTimeout(() => this.child.kill("SIGKILL"), 5000);
      await this.exited;
      clearTimeout(timer);
    }
  }
}

/**
 * One first-completion measurement through tsserver: a fresh server opens
 * `dir/src/index.ts` with `source`, waits for the project (projectInfo), then
 * asks completions at `at` with auto-imports on. `verbose` logs the projects'
 * file lists and returns the auto-import provider's (`providerFiles`), which
 * costs time: for tests, not for timing.
 */
export async function sampleTsserver(
  dir: string,
  dependency: string | undefined,
  source: string,
  at: { line: number; offset: number },
  options: { heapMb: number; timeoutMs: number; tsserver?: string; verbose?: boolean },
): Promise<Sample> {
  const { heapMb, timeoutMs } = options;
  const file = join(dir, "src", "index.ts");
  const logFile = join(dir, `tsserver-${process.pid}-${Date.now()}.log`);
  const start = () =>
    new TsServer(dir, heapMb, logFile, options.tsserver ?? TSSERVER, options.verbose ? "verbose" : "terse");
  const result = await sampleServer(start, timeoutMs, async (server, result, t0, mark) => {
    await server.request("configure", { hostInfo: "purekit-bench", preferences: PREFERENCES });
    server.notify("open", {
      file,
      fileContent: source,
      scriptKindName: "TS",
      projectRootPath: dir,
    });
    const info = await server.request("projectInfo", { file, needFileNameList: false });
    result.loadMs = performance.now() - t0;
    const loadPerf = info.performanceData as
      | { createAutoImportProviderProgramDurationMs?: number }
      | undefined;
    const t1 = performance.now();
    const completion = await server.request("completionInfo", {
      file,
      ...at,
      includeExternalModuleExports: true,
      includeInsertTextCompletions: true,
      triggerKind: 1,
    });
    const now = performance.now();
    result.completionMs = now - t1;
    result.totalMs = now - t0;
    mark();
    const perf = completion.performanceData as
      | { createAutoImportProviderProgramDurationMs?: number }
      | undefined;
    const providerMs =
      (loadPerf?.createAutoImportProviderProgramDurationMs ?? 0) +
      (perf?.createAutoImportProviderProgramDurationMs ?? 0);
    if (providerMs > 0) result.autoImportProviderMs = providerMs;
    const entries =
      (completion.body as { entries?: { name: string; source?: string; hasAction?: boolean }[] } | undefined)
        ?.entries ?? [];
    result.entries = entries.length;
    const fromDep = dependency
      ? entries.filter(
          (e) => e.hasAction && (e.source === dependency || e.source?.startsWith(`${dependency}/`)),
        )
      : [];
    result.dependencyEntries = fromDep.length;
    result.dependencyNames = fromDep.map((e) => `${e.name} (${e.source})`).sort();
    if (completion.success === false) throw new Error(`completionInfo failed: ${String(completion.message)}`);
    result.ok = true;
  });
  if (existsSync(logFile)) {
    const log = readFileSync(logFile, "utf8");
    const roots = /AutoImportProviderProject: found (\d+) root files/.exec(log);
    if (roots) result.autoImportRoots = Number(roots[1]);
    if (options.verbose) result.providerFiles = providerFiles(log);
    rmSync(logFile, { force: true });
  }
  return result;
}

/** The files of the first auto-import provider program a verbose tsserver log lists. */
function providerFiles(log: string): string[] {
  const lines = log.split("\n");
  const at = lines.findIndex((line) => line.includes("(AutoImportProvider)"));
  const count = Number(/Files \((\d+)\)/.exec(lines[at + 1] ?? "")?.[1] ?? 0);
  return lines
    .slice(at + 2)
    .filter((line) => /^\t\//.test(line))
    .slice(0, count)
    .map((line) => line.trim());
}

class LspServer {
  readonly child: ChildProcess;
  private id = 0;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  private failure?: Error;
  readonly exited: Promise<void>;

  constructor(cwd: string) {
    this.child = spawn(getExePath(), ["--lsp", "--stdio"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    this.child.stderr!.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    this.child.stdout!.on("data", (d: Buffer) => this.onData(d));
    this.exited = new Promise((resolveExit) => {
      this.child.on("exit", (code, signal) => {
        this.failure = new Error(
          `tsgo exited (${signal ?? code})${stderr ? `: ${stderr.trim().split("\n").slice(-2).join(" / ")}` : ""}`,
        );
        for (const p of this.pending.values()) p.reject(this.failure);
        this.pending.clear();
        resolveExit();
      });
    });
  }

  private send(message: Record<string, unknown>): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }));
    this.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(
        /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1],
      );
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as {
        id?: number | string;
        method?: string;
        params?: { items?: unknown[] };
        result?: unknown;
        error?: { message: string };
      };
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (message.method !== undefined && message.id !== undefined) {
        // A request from the server: configuration gets our preferences, everything else an empty success.
        const result =
          message.method === "workspace/configuration"
            ? (message.params?.items ?? []).map(() => ({ preferences: PREFERENCES, unstable: PREFERENCES }))
            : null;
        this.send({ id: message.id, result });
      } else if (message.method === undefined && typeof message.id === "number") {
        const p = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) p?.reject(new Error(message.error.message));
        else p?.resolve(message.result);
      }
    }
  }

  request<T>(method: string, params: unknown): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.id;
    const answer = new Promise<T>((resolveAnswer, reject) => {
      this.pending.set(id, { resolve: resolveAnswer as (r: unknown) => void, reject });
    });
    this.send({ id, method, params });
    return answer;
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  async stop(): Promise<void> {
    if (this.failure) return;
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5000);
    try {
      await this.request("shutdown", null);
      this.notify("exit", null);
    } catch {
      this.child.kill("SIGKILL");
    }
    await this.exited;
    clearTimeout(timer);
  }
}

/** Peak resident set size of a process in MB (VmHWM), or 0 once it is gone. */
function peakRssMb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/**
 * What both language servers' samples share: the peak RSS watch, the time limit, and the
 * clean-up (a server that answered is stopped, one that did not is killed). `run` fills in
 * the result's timings and counts and sets `ok`; `mark()` samples the peak in between. The
 * clock starts before `start` spawns the server.
 */
export async function sampleServer<S extends { child: ChildProcess; stop(): Promise<void> }>(
  start: () => S,
  timeoutMs: number,
  run: (server: S, result: Sample, t0: number, mark: () => void) => Promise<void>,
): Promise<Sample> {
  const t0 = performance.now();
  const server = start();
  const pid = server.child.pid!;
  let peak = 0;
  const mark = () => {
    peak = Math.max(peak, peakRssMb(pid));
  };
  // VmHWM is the kernel's high-water mark, so sampling it only guards against the process dying before the end.
  const poll = setInterval(mark, 200);
  const result: Sample = {
    ok: false,
    loadMs: 0,
    completionMs: 0,
    totalMs: 0,
    peakRssMb: 0,
    entries: 0,
    dependencyEntries: 0,
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    await Promise.race([run(server, result, t0, mark), timeout]);
  } catch (error) {
    result.error = (error as Error).message;
    result.totalMs = performance.now() - t0;
  } finally {
    clearTimeout(timer);
    clearInterval(poll);
    mark();
    result.peakRssMb = peak;
    if (result.ok) await server.stop();
    else server.child.kill("SIGKILL");
  }
  return result;
}

interface CompletionItem {
  label: string;
  labelDetails?: { description?: string };
  data?: unknown;
}

/** One first-completion measurement through TS 7's language server. */
export async function sampleTsgo(
  dir: string,
  dependency: string | undefined,
  source: string,
  at: { line: number; offset: number },
  timeoutMs: number,
): Promise<Sample> {
  const uri = pathToFileURL(join(dir, "src", "index.ts")).href;
  return sampleServer(
    () => new LspServer(dir),
    timeoutMs,
    async (server, result, t0, mark) => {
      await server.request("initialize", {
        processId: process.pid,
        rootUri: pathToFileURL(dir).href,
        workspaceFolders: [{ uri: pathToFileURL(dir).href, name: "consumer" }],
        capabilities: {
          workspace: { configuration: true },
          textDocument: {
            completion: { completionItem: { snippetSupport: false, labelDetailsSupport: true } },
            hover: { contentFormat: ["plaintext"] },
          },
        },
        initializationOptions: { preferences: PREFERENCES },
      });
      server.notify("initialized", {});
      server.notify("textDocument/didOpen", {
        textDocument: { uri, languageId: "typescript", version: 1, text: source },
      });
      // `answer` on line 2: answering a hover needs the project loaded.
      await server.request("textDocument/hover", {
        textDocument: { uri },
        position: { line: 1, character: 14 },
      });
      result.loadMs = performance.now() - t0;
      const t1 = performance.now();
      let list: { isIncomplete?: boolean; items?: CompletionItem[] } | CompletionItem[] | null = null;
      for (let attempt = 0; attempt < 50; attempt++) {
        list = await server.request("textDocument/completion", {
          textDocument: { uri },
          position: { line: at.line - 1, character: at.offset - 1 },
          context: { triggerKind: attempt === 0 ? 1 : 3 },
        });
        if (Array.isArray(list) || !list?.isIncomplete) break;
      }
      const now = performance.now();
      result.completionMs = now - t1;
      result.totalMs = now - t0;
      const items = Array.isArray(list) ? list : (list?.items ?? []);
      result.entries = items.length;
      const fromDep = dependency
        ? items.filter((i) => {
            const from = i.labelDetails?.description ?? JSON.stringify(i.data ?? "");
            return (
              from === dependency || from.startsWith(`${dependency}/`) || from.includes(`"${dependency}`)
            );
          })
        : [];
      result.dependencyEntries = fromDep.length;
      result.dependencyNames = fromDep
        .map((i) => `${i.label} (${i.labelDetails?.description ?? "?"})`)
        .sort();
      mark();
      result.ok = true;
    },
  );
}
