// Email over SMTP (nodemailer), plain text. SMTP cannot be asked afterwards whether a
// message went through, so only errors that prove non-delivery are retried: a reply code
// from the server (4xx: later; 5xx: never) or a connection that was never made. Anything
// else (timeout, connection lost after the data) is 'unknown' and never resent.
import nodemailer from 'nodemailer'
import type { Provider, SendOutcome } from './types.ts'

export interface SmtpOptions {
  /** smtp://user:pass@host:587 or smtps://… */
  url: string
  from: string
  /** Domain of the Message-ID, which carries the idempotency key. */
  messageIdDomain?: string
  /** Upper bound of one attempt, well under the claim lease. */
  timeoutMs?: number
}

interface SmtpError {
  message?: string
  code?: string
  originalCode?: string
  responseCode?: number
  command?: string
}

const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

export function classifySmtpError(e: unknown): SendOutcome {
  const err = (e ?? {}) as SmtpError
  const error = `${err.code ?? 'SMTP'}: ${err.message ?? String(e)}`.slice(0, 400)
  if (typeof err.responseCode === 'number') {
    return err.responseCode >= 500 ? { kind: 'rejected', error } : { kind: 'retry', error }
  }
  if (err.code === 'EDNS' || (err.originalCode && NEVER_CONNECTED.has(err.originalCode))) return { kind: 'retry', error }
  // Refused by nodemailer before talking to the server (bad address, missing credentials).
  if (err.command === 'API') return err.code === 'EAUTH' ? { kind: 'retry', error } : { kind: 'rejected', error }
  return { kind: 'unknown', error }
}

export function smtpProvider(opts: SmtpOptions): Provider {
  const timeout = opts.timeoutMs ?? 20_000
  const transport = nodemailer.createTransport(
    { url: opts.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout, dnsTimeout: timeout },
    { from: opts.from },
  )
  const domain = opts.messageIdDomain ?? 'reperes.paris'
  return {
    async send(message): Promise<SendOutcome> {
      try {
        const info = await transport.sendMail({
          to: message.to,
          subject: message.subject ?? '',
          text: message.text,
          messageId: `<${message.idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@${domain}>`,
          headers: { 'X-Idempotency-Key': message.idempotencyKey, 'Auto-Submitted': 'auto-generated' },
        })
        return { kind: 'sent', providerId: String(info.messageId ?? message.idempotencyKey) }
      } catch (e) {
        return classifySmtpError(e)
      }
    },
    close: () => transport.close(),
  }
}
