// Types of scan-dist.mjs, for the tests that import it.
export type FindingKind = 'env-file' | 'source-map' | 'private-key' | 'service-role' | 'jwt' | 'secret'
export interface Finding { file: string, kind: FindingKind, detail: string }
export interface Entry { path: string, text: string | null }
export const LOCAL_JWT_SECRET: string
export function parseEnv(text: string): Record<string, string>
export function secretValues(root: string, env?: Record<string, string | undefined>): Map<string, string>
export function scanEntries(entries: Entry[], secrets: Map<string, string>): Finding[]
export function scanDist(dir: string, options?: { root?: string, env?: Record<string, string | undefined> }): Finding[]
