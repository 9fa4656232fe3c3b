import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/data/errors";

/** A positive integer id from a route segment, or the 404 page. */
export function idParam(raw: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return id;
}

/** Awaits a scoped read; a record missing or outside the viewer's scope shows the 404 page. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}
