/**
 * Deno adapter: lets a Deno process that uses the mocks exit by itself.
 *
 * msw's core opens a module-level `BroadcastChannel` (for WebSocket mocking) and
 * releases it from the event loop with `channel.unref()` when the runtime has it.
 * Node's channels do; Deno's (2.x) do not, so `deno run` never exits after importing
 * msw. Deno's channels carry an internal ref switch (`Symbol(refBroadcastChannel)`);
 * this module adds the missing `ref()`/`unref()` methods on top of it before msw
 * loads (see mock/msw.ts). Nothing else is touched, and nothing at all outside Deno.
 */
export {};
//# sourceMappingURL=deno.d.ts.map