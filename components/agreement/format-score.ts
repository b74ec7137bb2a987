// Shared by the server-rendered tables and the client charts, so it lives outside "use client".
export const formatScore = (value: number | null | undefined) => (value === null || value === undefined ? "—" : value.toFixed(3));
