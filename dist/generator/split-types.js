const TOP_REFS = /(?<![\w$."'])(components|operations|paths)\[/g;
function deindent(lines, n) {
    return lines.map((l) => (l.startsWith(" ".repeat(n)) ? l.slice(n) : l.trimStart()));
}
/** Parses a member key at `line[at]`; returns its text, value and where the `:` is. */
function parseKey(line, at) {
    if (line[at] === '"') {
        let i = at + 1;
        while (i < line.length && line[i] !== '"')
            i += line[i] === "\\" ? 2 : 1;
        const keyText = line.slice(at, i + 1);
        try {
            return { keyText, key: JSON.parse(keyText), after: i + 1 };
        }
        catch {
            return undefined;
        }
    }
    const m = /^[A-Za-z0-9_$][\w$]*/.exec(line.slice(at));
    if (!m)
        return undefined;
    return { keyText: m[0], key: m[0], after: at + m[0].length };
}
/**
 * Members at `indent` from `lines[i]` up to (not including) the line equal to `end`.
 * Returns the parts and the index of the end line.
 */
function members(lines, i, indent, end, section, out) {
    const pad = " ".repeat(indent);
    while (i < lines.length && lines[i] !== end) {
        const start = i;
        let commentEnd = i; // exclusive
        if (lines[i].startsWith(`${pad}/**`)) {
            while (i < lines.length && !lines[i].trimEnd().endsWith("*/"))
                i++;
            i++;
            commentEnd = i;
        }
        const line = lines[i] ?? "";
        const key = line.startsWith(pad) && line[indent] !== " " ? parseKey(line, indent) : undefined;
        const rest = key ? line.slice(key.after) : "";
        const optional = rest.startsWith("?: ");
        if (!key || !(optional || rest.startsWith(": "))) {
            // Not a member we understand: keep the lines as they are.
            out.push(lines.slice(start, i + 1).join("\n"));
            i++;
            continue;
        }
        let last = i;
        if (!line.endsWith(";")) {
            last = i + 1;
            while (last < lines.length && !(lines[last].startsWith(pad) && lines[last][indent] !== " "))
                last++;
        }
        const bodyLines = [rest.slice(optional ? 3 : 2), ...deindent(lines.slice(i + 1, last + 1), indent)];
        let body = bodyLines.join("\n");
        if (body.endsWith(";"))
            body = body.slice(0, -1);
        const comment = deindent(lines.slice(start, commentEnd), indent).join("\n");
        const replaced = body.replace(TOP_REFS, '$["$1"][');
        out.push({
            key: `${section}.${key.key}`,
            keyText: key.keyText,
            optional,
            indent,
            generic: replaced.includes('$["'),
            content: comment ? `${comment}\n${replaced}` : replaced,
        });
        i = last + 1;
    }
    return i;
}
/** Splits a whole printed file. `parts` joined with "\n" (entries printed back in place) is the file. */
export function splitTypes(text) {
    const lines = text.split("\n");
    const out = [];
    let i = 0;
    while (i < lines.length) {
        const line = lines[i];
        if (line === "export interface paths {") {
            out.push(line);
            i = members(lines, i + 1, 4, "}", "paths", out);
            continue;
        }
        if (line === "export interface components {") {
            out.push(line);
            i++;
            while (i < lines.length && lines[i] !== "}") {
                const m = /^ {4}([A-Za-z]+): \{$/.exec(lines[i]);
                if (m) {
                    out.push(lines[i]);
                    i = members(lines, i + 1, 8, "    };", m[1], out);
                    out.push(lines[i] ?? "    };");
                    i++;
                }
                else {
                    out.push(lines[i]);
                    i++;
                }
            }
            continue;
        }
        out.push(line);
        i++;
    }
    return out;
}
/** Prefix per entry kind, so names read as what they are (`P_volumes_…` is a path item). */
export function typePrefix(key) {
    const section = key.slice(0, key.indexOf("."));
    switch (section) {
        case "paths":
            return "P_";
        case "schemas":
            return "";
        case "responses":
            return "R_";
        case "parameters":
            return "Q_";
        case "requestBodies":
            return "B_";
        case "headers":
            return "H_";
        default:
            return `${section}_`;
    }
}
//# sourceMappingURL=split-types.js.map