// `vite preview` of dist/ for the check scripts. It must be this build that
// answers: with --strictPort, vite exits when the port is taken, and a check
// would otherwise measure whatever server holds the port (another build).
// Ready means vite itself printed its address, not merely that the port answers.
import { spawn } from 'node:child_process'

export function startPreview(port, root) {
  const server = spawn('vite', ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      server.kill()
      reject(new Error(`vite preview did not start on port ${port}`))
    }, 30_000)
    const onData = (chunk) => {
      output += chunk
      // Colours are on under CI (the port is printed in bold): compare the plain text.
      if (output.replace(/\x1B\[[0-9;]*m/g, '').includes(`127.0.0.1:${port}`)) {
        clearTimeout(timer)
        server.stdout.off('data', onData)
        server.stdout.resume()
        server.stderr.resume()
        resolve(server)
      }
    }
    server.stdout.setEncoding('utf8').on('data', onData)
    server.stderr.setEncoding('utf8').on('data', chunk => (output += chunk))
    server.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`vite preview could not serve dist/ on port ${port} (exit ${code}): ${output.trim().split('\n')[0] ?? ''}`))
    })
  })
}
