/**
 * Pure1: a small deterministic fleet (arrays, their volumes), the metric catalogue
 * and `GET /metrics/history` with synthetic, deterministic series: the same query
 * always answers the same points, aligned to the resolution, with a daily cycle.
 */
import { findTargets } from "../collections.js";
import { badRequest, json, MockHttpError } from "../http.js";
import { SEED_EPOCH_MS, seedId, seedName } from "../seed/index.js";
import { deterministicSerial, deterministicUuid, hash32 } from "../state/random.js";
const DAY_MS = 86_400_000;
/** Points one history answer may hold; beyond it the call is refused, as Pure1 does for wide windows. */
export const MAX_POINTS = 10_000;
const MODELS = [
    { model: "FA-X70R3", os: "Purity//FA", version: "6.5.3" },
    { model: "FA-C60R3", os: "Purity//FA", version: "6.6.1" },
    { model: "FB-S200", os: "Purity//FB", version: "4.3.0" },
];
const generateArrays = (state, spec, count) => {
    const path = "/arrays";
    state.collection(path).generate(count, (i) => {
        const name = seedName(path, i, count);
        const model = MODELS[i % MODELS.length];
        return {
            _as_of: SEED_EPOCH_MS,
            id: seedId(spec.product, path, i),
            name,
            fqdn: `${name}.dc1.example.com`,
            ...model,
        };
    }, (i) => seedName(path, i, count), (i) => seedId(spec.product, path, i));
};
const generateVolumes = (state, spec, count) => {
    const arrays = state
        .collection("/arrays")
        .list()
        .filter((a) => a.os === "Purity//FA");
    const path = "/volumes";
    state.collection(path).generate(count, (i) => {
        const id = seedId(spec.product, path, i);
        const array = arrays.length ? arrays[i % arrays.length] : undefined;
        return {
            _as_of: SEED_EPOCH_MS,
            id,
            name: seedName(path, i, count),
            arrays: array ? [{ id: array.id, name: array.name, resource_type: "arrays" }] : [],
            created: SEED_EPOCH_MS - (hash32(id) % 365) * DAY_MS,
            destroyed: false,
            eradicated: false,
            provisioned: (1 + (hash32(id) % 1024)) * 1024 ** 3,
            serial: deterministicSerial(id),
        };
    }, (i) => seedName(path, i, count), (i) => seedId(spec.product, path, i));
};
const METRICS = [
    {
        name: "array_read_bandwidth",
        unit: "B/s",
        resource: "arrays",
        description: "Bytes read per second.",
        scale: 4e8,
    },
    {
        name: "array_write_bandwidth",
        unit: "B/s",
        resource: "arrays",
        description: "Bytes written per second.",
        scale: 2e8,
    },
    {
        name: "array_read_iops",
        unit: "IO/s",
        resource: "arrays",
        description: "Read operations per second.",
        scale: 40_000,
    },
    {
        name: "array_write_iops",
        unit: "IO/s",
        resource: "arrays",
        description: "Write operations per second.",
        scale: 20_000,
    },
    {
        name: "array_read_latency_us",
        unit: "us",
        resource: "arrays",
        description: "Average read latency.",
        scale: 400,
    },
    {
        name: "array_total_load",
        unit: "%",
        resource: "arrays",
        description: "Array load (busyness).",
        scale: 35,
    },
    {
        name: "volume_read_iops",
        unit: "IO/s",
        resource: "volumes",
        description: "Read operations per second.",
        scale: 800,
    },
    {
        name: "volume_write_iops",
        unit: "IO/s",
        resource: "volumes",
        description: "Write operations per second.",
        scale: 400,
    },
    {
        name: "volume_read_bandwidth",
        unit: "B/s",
        resource: "volumes",
        description: "Bytes read per second.",
        scale: 8e6,
    },
    {
        name: "volume_write_bandwidth",
        unit: "B/s",
        resource: "volumes",
        description: "Bytes written per second.",
        scale: 4e6,
    },
];
const AVAILABILITIES = [
    { aggregations: ["avg", "max"], resolution: 30_000, retention: DAY_MS },
    { aggregations: ["avg", "max"], resolution: 300_000, retention: 7 * DAY_MS },
    { aggregations: ["avg", "max"], resolution: 1_800_000, retention: 30 * DAY_MS },
    { aggregations: ["avg", "max"], resolution: DAY_MS, retention: 365 * DAY_MS },
];
const generateMetrics = (state) => {
    const metrics = state.collection("/metrics");
    for (const m of METRICS) {
        metrics.add({
            _as_of: SEED_EPOCH_MS,
            id: deterministicUuid(`pure1:metric:${m.name}`),
            name: m.name,
            availabilities: AVAILABILITIES,
            description: m.description,
            resource_types: [m.resource],
            unit: m.unit,
        });
    }
};
/** The deterministic value of a series at a time. */
export function metricValue(metric, resource, aggregation, time, scale) {
    const h = hash32(`${metric}|${resource}`);
    const base = scale * (0.5 + (h % 1000) / 1000);
    const daily = Math.sin(((time % DAY_MS) / DAY_MS) * 2 * Math.PI + (h % 628) / 100);
    const noise = (hash32(`${metric}|${resource}|${time}`) % 1000) / 1000 - 0.5;
    const value = base * (1 + 0.35 * daily + 0.1 * noise) * (aggregation === "max" ? 1.4 : 1);
    return Math.max(0, Math.round(value * 100) / 100);
}
function list(value) {
    return Array.isArray(value) ? value.map(String) : [];
}
/** GET /metrics/history. */
const getMetricsHistory = (ctx) => {
    const q = ctx.query;
    const start = q.start_time;
    const end = q.end_time;
    const resolution = q.resolution;
    const aggregation = String(q.aggregation);
    if (aggregation !== "avg" && aggregation !== "max")
        throw badRequest("aggregation must be avg or max.", "aggregation");
    if (resolution <= 0)
        throw badRequest("resolution must be a positive number of milliseconds.", "resolution");
    if (end <= start)
        throw badRequest("end_time must be after start_time.", "end_time");
    const metricsCollection = ctx.state.collection("/metrics");
    const { found, errors, addressed } = findTargets(ctx, metricsCollection);
    if (!addressed)
        throw badRequest("Name the metrics with names or ids.", "names");
    if (errors.length)
        throw new MockHttpError(400, errors);
    const first = Math.ceil(start / resolution) * resolution;
    const points = Math.floor((end - first) / resolution) + 1;
    if (points > MAX_POINTS) {
        throw badRequest(`The window holds ${points} points at resolution ${resolution}; at most ${MAX_POINTS} per call. Split it into windows of at most ${MAX_POINTS} points (splitTimeWindow in purekit), or raise the resolution.`, "resolution");
    }
    const resourceNames = list(q.resource_names);
    const resourceIds = list(q.resource_ids);
    if (!resourceNames.length && !resourceIds.length) {
        throw badRequest("Name the resources with resource_names or resource_ids.", "resource_names");
    }
    const items = [];
    for (const { item: metric } of found) {
        const def = METRICS.find((m) => m.name === metric.name);
        const type = metric.resource_types?.[0] ?? "arrays";
        const availability = AVAILABILITIES.find((a) => a.resolution === resolution);
        if (!availability) {
            throw badRequest(`Resolution ${resolution} is not available for ${String(metric.name)}; available: ${AVAILABILITIES.map((a) => a.resolution).join(", ")}.`, "resolution");
        }
        const resources = ctx.state.collection(`/${type}`);
        const wanted = [...resourceNames, ...resourceIds];
        const missing = wanted.filter((r) => resources.slotOf(r) === undefined);
        if (missing.length) {
            throw new MockHttpError(400, missing.map((r) => ({
                context: r,
                message: `No ${type.slice(0, -1)} '${r}' for metric ${String(metric.name)}.`,
            })));
        }
        for (const key of wanted) {
            const resource = resources.get(key);
            const data = [];
            for (let i = 0; i < points; i++) {
                const t = first + i * resolution;
                data.push([
                    t,
                    metricValue(String(metric.name), String(resource.id), aggregation, t, def?.scale ?? 1),
                ]);
            }
            items.push({
                _as_of: ctx.now,
                id: metric.id,
                name: metric.name,
                aggregation,
                data,
                resolution,
                resources: [{ id: resource.id, name: resource.name, resource_type: type }],
                unit: metric.unit,
            });
        }
    }
    return json({ continuation_token: null, items, total_item_count: items.length });
};
export const pure1Semantics = {
    "GET /metrics/history": getMetricsHistory,
};
export const pure1Generators = {
    "/arrays": generateArrays,
    "/volumes": generateVolumes,
    "/metrics": generateMetrics,
};
//# sourceMappingURL=pure1.js.map