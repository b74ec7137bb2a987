// Vitest runs server modules directly; the real "server-only" package throws outside React Server
// Components, so tests alias it to this empty module.
export {};
