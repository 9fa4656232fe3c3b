export * from "./areas";
export * from "./offices";
export * from "./users";
export * from "./audit";
export * from "./regulations";
export * from "./workers";
export * from "./aggregates";
export * from "./imports";
