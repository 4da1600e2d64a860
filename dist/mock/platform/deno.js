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
const deno = globalThis.Deno;
const Channel = globalThis.BroadcastChannel;
if (deno && Channel && typeof Channel.prototype.unref !== "function") {
    const proto = Channel.prototype;
    const refSwitch = Object.getOwnPropertySymbols(proto).find((s) => s.description === "refBroadcastChannel");
    if (refSwitch && typeof proto[refSwitch] === "function") {
        Object.defineProperties(Channel.prototype, {
            ref: {
                configurable: true,
                value() {
                    this[refSwitch]?.(true);
                },
            },
            unref: {
                configurable: true,
                value() {
                    this[refSwitch]?.(false);
                },
            },
        });
    }
}
export {};
//# sourceMappingURL=deno.js.map