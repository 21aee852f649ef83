/** The path of redis-server (or valkey-server), where installed, or MIOTSEC_REDIS_SERVER. */
export declare const redisServerPath: string | undefined;
/** The path of redis-cli (or valkey-cli), or MIOTSEC_REDIS_CLI. */
export declare const redisCliPath: string;
/** The path of mosquitto, where installed. */
export declare const mosquittoPath: string | undefined;
/** Whether either server is missing: the tests that need them are skipped. */
export declare const serversMissing: boolean;

/** A server process started for a test, on a free loopback port, with a folder of its own. */
export interface Server {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** Stops it with `signal` (default SIGTERM) and waits for it to end. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again, on the same port with the same files. */
  restart(): Promise<void>;
}

/** A free TCP port on loopback. */
export declare function freePort(): Promise<number>;
/** A Redis server; with `aof`, every write is in the append-only file before it is answered. */
export declare function startRedis(options?: { aof?: boolean; cluster?: boolean; port?: number }): Promise<Server>;
/** A Mosquitto broker, anonymous, keeping sessions in memory, with unlimited queues. */
export declare function startMosquitto(): Promise<Server>;
/** A Redis server and a Mosquitto broker, and one `stop` for both that removes Redis's folder. */
export declare function startServers(options?: {
  aof?: boolean;
}): Promise<{ redis: Server; broker: Server; stop(): Promise<void> }>;
/** Makes three Redis servers one Redis Cluster of three masters. */
export declare function makeCluster(servers: readonly Server[]): void;
/** Removes a folder a server used. */
export declare function removeDir(dir: string): void;
