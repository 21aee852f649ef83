import type { Context } from "../context.js";
import { positional } from "../context.js";
import { UsageError } from "../io.js";
import { json } from "./shared.js";

const names = ["label", "label-status", "catalog", "assessment", "profile", "runtime-profile"] as const;

/** `miotsec schema <name>`: a JSON Schema (2020-12) of one of the documents miotsec reads. */
export async function schemaCommand(context: Context): Promise<number> {
  if (context.args.length === 0) throw new UsageError(`schema needs a name: ${names.join(", ")}`);
  const [given] = positional(context, "a schema name") as [string];
  const name = names.find((n) => n === given);
  if (name === undefined) throw new UsageError(`schema needs one of ${names.join(", ")}; not "${given}"`);
  context.io.out(json(await schemaOf(name)));
  return 0;
}

async function schemaOf(name: (typeof names)[number]): Promise<Record<string, unknown>> {
  if (name === "label") return (await import("@miotsec/label")).labelJsonSchema();
  if (name === "label-status") return (await import("@miotsec/trust")).labelStatusJsonSchema();
  if (name === "catalog") return (await import("@miotsec/criteria")).catalogJsonSchema();
  const z = await import("zod/mini");
  const schema =
    name === "assessment"
      ? (await import("@miotsec/maturity")).assessmentSchema
      : name === "profile"
        ? (await import("@miotsec/criteria")).profileSchema
        : (await import("@miotsec/runtime-facts")).runtimeProfileSchema;
  const titles = {
    assessment: "miotsec maturity assessment",
    profile: "miotsec catalog profile",
    "runtime-profile": "miotsec runtime profile",
  };
  return { ...z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" }), title: titles[name] };
}
