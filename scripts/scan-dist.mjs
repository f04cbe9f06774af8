#!/usr/bin/env node
// Scans a production build (dist/ by default) for what must never ship to browsers:
//   - a JWT whose role is not "anon" (the service_role key), or the text "service_role";
//   - the local backend's JWT secret, or any secret from the environment or from .env files
//     (every variable that is not VITE_-prefixed: Vite exposes only those on purpose);
//   - private keys (PEM blocks);
//   - .env files copied into the build;
//   - source maps (*.map files, sourceMappingURL comments, inline maps that embed the sources).
// Exit code 1 and one line per finding when anything is found; meant to run after `vite build`
// in CI:  node scripts/scan-dist.mjs [dir] [--root <repo>]
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The Supabase CLI's well-known local secret (supabase/local/config.ts): public, yet never in a build. */
export const LOCAL_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long'

/** Environment variables that hold secrets, whatever .env files say. */
const SECRET_ENV = ['LOCAL_JWT_SECRET', 'SUPABASE_JWT_SECRET', 'JWT_SECRET', 'SUPABASE_SERVICE_ROLE_KEY', 'SERVICE_ROLE_KEY',
  'SUPABASE_DB_PASSWORD', 'DATABASE_URL', 'SMS_API_KEY', 'SMTP_PASSWORD']

const TEXT_FILE = /\.(html?|js|mjs|cjs|css|json|webmanifest|txt|svg|xml|map)$/i
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g
const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/
const SOURCE_MAP_COMMENT = /[#@]\s*sourceMappingURL=\S+/

/** KEY=value pairs of a .env file (quotes removed, comments and blank lines ignored). */
export function parseEnv(text) {
  const out = {}
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line)
    if (!m || line.trim().startsWith('#')) continue
    out[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2')
  }
  return out
}

/** Values that must not appear in the build: non-public variables of .env files and of the environment. */
export function secretValues(root, env = process.env) {
  const values = new Map([[LOCAL_JWT_SECRET, 'the local JWT secret']])
  let files = []
  try {
    files = readdirSync(root).filter((f) => /^\.env(\..+)?$/.test(f))
  } catch {
    // no repository root: environment only
  }
  for (const file of files) {
    for (const [key, value] of Object.entries(parseEnv(readFileSync(path.join(root, file), 'utf8')))) {
      if (!key.startsWith('VITE_') && value.length >= 8) values.set(value, `${key} from ${file}`)
    }
  }
  for (const key of SECRET_ENV) {
    const value = env[key]
    if (value && value.length >= 8) values.set(value, `$${key}`)
  }
  return values
}

function decodeJwtPayload(token) {
  try {
    const b64 = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '=')), (c) => c.charCodeAt(0))))
  } catch {
    return null
  }
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name)
    if (statSync(file).isDirectory()) walk(file, out)
    else out.push(file)
  }
  return out
}

/**
 * The findings for a list of build files ({ path, text }; text null for binary files), as
 * { file, kind, detail }; `secrets` maps each forbidden value to a label. Pure: no file access.
 */
export function scanEntries(entries, secrets) {
  const findings = []
  const add = (file, kind, detail) => findings.push({ file, kind, detail })
  for (const { path: file, text } of entries) {
    const name = file.split(/[\\/]/).pop()
    if (/^\.env(\..+)?$/.test(name)) add(file, 'env-file', 'an .env file is part of the build')
    if (/\.map$/i.test(name)) add(file, 'source-map', 'source maps expose the source code')
    if (text === null) continue
    if (SOURCE_MAP_COMMENT.test(text)) add(file, 'source-map', 'sourceMappingURL comment')
    if (PRIVATE_KEY.test(text)) add(file, 'private-key', 'a PEM private key')
    if (/service_role/.test(text)) add(file, 'service-role', 'the text "service_role"')
    for (const token of text.match(JWT) ?? []) {
      const claims = decodeJwtPayload(token)
      if (claims && claims.role !== 'anon') add(file, 'jwt', `a JWT with role ${JSON.stringify(claims.role ?? null)}`)
    }
    for (const [value, label] of secrets) {
      if (text.includes(value)) add(file, 'secret', label)
    }
  }
  return findings
}

/**
 * The findings for a build directory; an empty list means the build is clean. `root` is where
 * .env files are read, `env` the environment whose secret variables are looked for.
 */
export function scanDist(dir, { root = REPO, env = process.env } = {}) {
  const entries = walk(dir).map((file) => {
    const name = path.basename(file)
    const isText = TEXT_FILE.test(name) || /^\.env(\..+)?$/.test(name)
    return { path: path.relative(dir, file), text: isText ? readFileSync(file, 'utf8') : null }
  })
  return scanEntries(entries, secretValues(root, env))
}

// CLI
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2)
  const rootAt = args.indexOf('--root')
  const root = rootAt >= 0 ? path.resolve(args[rootAt + 1]) : REPO
  const dir = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--root') ?? path.join(REPO, 'dist'))
  let findings
  try {
    findings = scanDist(dir, { root })
  } catch (e) {
    console.error(`scan-dist: cannot scan ${dir}: ${e.message}`)
    process.exit(2)
  }
  for (const f of findings) console.error(`${f.kind}\t${f.file}\t${f.detail}`)
  console.log(findings.length === 0 ? `scan-dist: ${dir} is clean` : `scan-dist: ${findings.length} finding(s) in ${dir}`)
  process.exit(findings.length === 0 ? 0 : 1)
}
