// zod compiles parsers with new Function() unless told not to; the production
// Content-Security-Policy forbids eval, and even zod's guarded probe is
// reported as a violation. zod reads this global when it builds a schema, so
// main.ts imports this module before anything else, and without importing zod
// itself into the first bundle.
Object.assign((globalThis as { __zod_globalConfig?: object }).__zod_globalConfig ??= {}, { jitless: true })

export {}
