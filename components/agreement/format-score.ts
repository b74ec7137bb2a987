// Shared by the server-rendered tables and the client charts, so it lives outside "use client".
export const formatScore = (value: number | null | undefined) => (value === null || value === undefined ? "—" : value.toFixed(3));

/** What a kappa or alpha that has no value (0/0) reads as. */
export const KAPPA_UNDEFINED = "not defined";
