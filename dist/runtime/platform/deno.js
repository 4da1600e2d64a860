export const denoPlatform = {
    readFile: (path) => Deno.readFile(path),
    env: (name) => {
        try {
            return Deno.env.get(name);
        }
        catch {
            // Without --allow-env, an unset variable is the honest answer.
            return undefined;
        }
    },
};
//# sourceMappingURL=deno.js.map