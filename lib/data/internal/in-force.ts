import "server-only";
import { sql } from "drizzle-orm";

// "Regulation in force" is two rules, each written once here.
const col = (alias: string, c: string) => sql.raw(`${alias}.${c}`);

/**
 * Today's rule, the one places are taken by: enacted, and `day` within its period. Ended or
 * revoked regulations are out at once, whatever their period says.
 */
export function inForceToday(day: string, alias = "r") {
  return sql`${col(alias, "status")} = 'enacted' and ${col(alias, "starts_on")} <= ${day}::date
    and (${col(alias, "ends_on")} is null or ${col(alias, "ends_on")} >= ${day}::date)`;
}

/**
 * The dated rule, for a past day (a quarter's last day): enacted by then and not yet ended then,
 * and the day within its period. A regulation ended since still counts for the days it was in force.
 */
export function inForceOn(day: string, alias = "r") {
  return sql`${col(alias, "status")} in ('enacted', 'ended') and ${col(alias, "enacted_on")} <= ${day}::date
    and ${col(alias, "starts_on")} <= ${day}::date and (${col(alias, "ends_on")} is null or ${col(alias, "ends_on")} >= ${day}::date)
    and (${col(alias, "ended_on")} is null or ${col(alias, "ended_on")} > ${day}::date)`;
}
