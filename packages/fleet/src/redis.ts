/**
 * The fleet's one way to Redis: a connection (standalone, or a Redis Cluster) that sends a
 * command with the key it concerns, so that a cluster routes it to the key's node. Every
 * command the fleet sends goes through here, with the shard's hash-tagged keys; scripts are
 * sent by their SHA-1 and loaded on a node that does not know them yet.
 */
import { createHash } from "node:crypto";
import { createClient, createCluster, RESP_TYPES } from "@redis/client";

/** A reply as @redis/client gives it: text, numbers, lists, or bytes where asked. */
export type Reply = unknown;

/** Where Redis is: one URL, or the URLs of some nodes of a Redis Cluster. */
export type RedisTarget = { readonly url: string } | { readonly cluster: readonly string[] };

/** A connection to Redis as the fleet uses it. */
export interface Connection {
  /** Sends `args` about `key` (its node in a cluster); bytes in the reply stay bytes if `buffers`. */
  send(key: string, args: readonly (string | Uint8Array)[], buffers?: boolean): Promise<Reply>;
  /** Runs a Lua script over keys of one hash slot. */
  script(script: Script, keys: readonly string[], args: readonly (string | Uint8Array)[]): Promise<Reply>;
  /** Another connection to the same place, for commands that block. */
  duplicate(): Promise<Connection>;
  /** Closes the connection, after the replies in flight. */
  close(): Promise<void>;
}

/** A Lua script and its SHA-1. */
export interface Script {
  readonly source: string;
  readonly sha: string;
}

/** A script to run with {@link Connection.script}. */
export function script(source: string): Script {
  return { source, sha: createHash("sha1").update(source).digest("hex") };
}

const buffers = { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } };

/** The arguments as @redis/client takes them: text, or a Buffer over the same bytes. */
const wireArgs = (args: readonly (string | Uint8Array)[]) =>
  args.map((a) =>
    typeof a === "string" || Buffer.isBuffer(a) ? a : Buffer.from(a.buffer, a.byteOffset, a.byteLength),
  );

/**
 * When to try again after the connection closed: 50 ms doubling to 2 s, for ever once connected
 * (a Redis restart is waited out); before the first connection, three tries and the error.
 */
function reconnecting(state: { connected: boolean }) {
  return (retries: number, cause: Error) =>
    state.connected ? Math.min(50 * 2 ** Math.min(retries, 6), 2000) : retries >= 2 ? cause : 100;
}

/** Connects to `target`; rejects when the first connection fails. */
export async function connect(target: RedisTarget): Promise<Connection> {
  const state = { connected: false };
  const reconnectStrategy = reconnecting(state);
  if ("cluster" in target) {
    const cluster = createCluster({
      rootNodes: target.cluster.map((url) => ({ url })),
      defaults: { socket: { reconnectStrategy } },
    });
    cluster.on("error", () => {});
    await cluster.connect();
    state.connected = true;
    const send = (key: string, args: readonly (string | Uint8Array)[], asBuffers?: boolean) =>
      cluster.sendCommand(key, false, wireArgs(args), asBuffers ? buffers : undefined);
    return connection(
      send,
      () => connect(target),
      () => cluster.close(),
    );
  }
  const client = createClient({ url: target.url, socket: { reconnectStrategy } });
  client.on("error", () => {});
  await client.connect();
  state.connected = true;
  const send = (_key: string, args: readonly (string | Uint8Array)[], asBuffers?: boolean) =>
    client.sendCommand(wireArgs(args), asBuffers ? buffers : undefined);
  return connection(
    send,
    () => connect(target),
    () => client.close(),
  );
}

function connection(
  send: Connection["send"],
  duplicate: Connection["duplicate"],
  close: () => Promise<void>,
): Connection {
  return {
    send,
    duplicate,
    close,
    async script(s, keys, args) {
      const key = keys[0] ?? "";
      try {
        return await send(key, ["EVALSHA", s.sha, String(keys.length), ...keys, ...args]);
      } catch (error) {
        if (!String((error as Error)?.message).startsWith("NOSCRIPT")) throw error;
        return await send(key, ["EVAL", s.source, String(keys.length), ...keys, ...args]);
      }
    },
  };
}
