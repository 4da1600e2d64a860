/**
 * A fleet served by one mock: several arrays, each with its own state, answering
 * `context_names` as the specs describe it ("each context name must be the name of an
 * array in the same fleet or the name of the fleet itself … other parameters … are
 * resolved relative to the provided context"). The array that receives requests is the
 * first member. Without a fleet, the only context is the array itself.
 */
import { answerJson, badRequest, json, type MockAnswer, MockHttpError } from "./http.ts";
import type { Item } from "./state/collection.ts";
import { deterministicUuid } from "./state/random.ts";
import type { MockState } from "./state/store.ts";

/** One member array: its name, id and state. */
export interface FleetMember {
  name: string;
  id: string;
  state: MockState;
}

/** The members of a fleet (one member when there is no fleet), the local array first. */
export class Fleet {
  readonly name: string | null;
  readonly id: string | null;
  readonly members: FleetMember[];

  constructor(product: string, name: string | null, members: FleetMember[]) {
    this.name = name;
    this.id = name ? deterministicUuid(`${product}|fleet|${name}`) : null;
    this.members = members;
  }

  /** The array receiving requests. */
  get local(): FleetMember {
    return this.members[0] as FleetMember;
  }

  /**
   * The members a request's `context_names` select: the local array when none is
   * given; every member for the fleet's name. Writes take exactly one context.
   */
  resolve(contextNames: unknown, write: boolean): FleetMember[] {
    if (!Array.isArray(contextNames) || contextNames.length === 0) return [this.local];
    const names = contextNames.map(String);
    if (write && names.length !== 1) {
      throw badRequest(
        "context_names takes exactly one array (or the fleet) for this operation.",
        "context_names",
      );
    }
    const chosen: FleetMember[] = [];
    const errors: { context: string; message: string }[] = [];
    for (const name of names) {
      if (this.name !== null && name === this.name) {
        for (const m of write ? [this.local] : this.members) if (!chosen.includes(m)) chosen.push(m);
        continue;
      }
      const member = this.members.find((m) => m.name === name);
      if (!member) {
        errors.push({
          context: name,
          message: this.name
            ? `Context '${name}' is not an array of fleet '${this.name}' (members: ${this.members.map((m) => m.name).join(", ")}).`
            : `Context '${name}' is not this array ('${this.local.name}'), and the array is in no fleet.`,
        });
      } else if (!chosen.includes(member)) chosen.push(member);
    }
    if (errors.length) throw new MockHttpError(400, errors);
    return chosen;
  }

  /** Gives each member's state its `/arrays` item (named as the member) and the fleet's own collections. */
  seed(): void {
    for (const member of this.members) {
      const arrays = member.state.collection("/arrays");
      const first = arrays.scan().next().value;
      if (first) arrays.replace(first.slot, { ...first.item, name: member.name, id: member.id });
      else arrays.add({ name: member.name, id: member.id });
      if (this.name === null) continue;
      const fleet = { name: this.name, id: this.id };
      member.state.collection("/fleets").add({ ...fleet, is_local: true });
      for (const other of this.members) {
        member.state.collection("/fleets/members").add({
          fleet,
          member: { name: other.name, id: other.id, resource_type: "remote-arrays" } as Item,
          status: "joined",
          status_details: "",
          coordinator_of: [],
        });
      }
    }
  }
}

/**
 * One answer for a GET over several contexts: the items of each member in turn, their
 * counts summed, `errors` joined; paging within a multi-context listing is per member
 * (no continuation token spans members).
 */
export function mergeListings(answers: MockAnswer[]): MockAnswer {
  const bodies = answers.map((a) => ({ status: a.status, body: answerJson(a) as Record<string, unknown> }));
  const failed = bodies.find((b) => b.status >= 400);
  if (failed) return json(failed.body, failed.status);
  const merged: Record<string, unknown> = { ...(bodies[0]?.body ?? {}) };
  merged.items = bodies.flatMap((b) => (Array.isArray(b.body.items) ? b.body.items : []));
  if ("continuation_token" in merged) merged.continuation_token = null;
  if ("more_items_remaining" in merged)
    merged.more_items_remaining = bodies.some((b) => b.body.more_items_remaining === true);
  if (typeof merged.total_item_count === "number") {
    merged.total_item_count = bodies.reduce(
      (n, b) => n + (typeof b.body.total_item_count === "number" ? b.body.total_item_count : 0),
      0,
    );
  }
  const errors = bodies.flatMap((b) => (Array.isArray(b.body.errors) ? b.body.errors : []));
  if (errors.length) merged.errors = errors;
  const status = bodies.some((b) => b.status === 207) ? 207 : 200;
  return json(merged, status);
}
