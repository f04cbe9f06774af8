/**
 * A fake SMTP server on 127.0.0.1 (smtp-server) that keeps the mails it accepts, parsed.
 * It can refuse recipients (4xx or 5xx) or stay silent after the data instead of
 * answering: the case where the sender cannot know whether the mail went.
 */
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface FakeSmtp {
  url: string
  mails: ParsedMail[]
  /** DATA sessions received, accepted or not. */
  dataReceived: number
  mode: 'ok' | 'busy_450' | 'reject_550' | 'silent_after_data'
  close(): Promise<void>
}

export async function startFakeSmtp(): Promise<FakeSmtp> {
  const fake = { mails: [] as ParsedMail[], dataReceived: 0, mode: 'ok' as FakeSmtp['mode'] }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (fake.mode === 'busy_450') return callback(Object.assign(new Error('Mailbox busy'), { responseCode: 450 }))
      if (fake.mode === 'reject_550') return callback(Object.assign(new Error('No such user'), { responseCode: 550 }))
      callback()
    },
    closeTimeout: 100,
    onData(stream, _session, callback) {
      fake.dataReceived++
      simpleParser(stream)
        .then((mail) => {
          fake.mails.push(mail)
          // Silent: the mail is here, but the sender never hears so.
          if (fake.mode !== 'silent_after_data') callback()
        })
        .catch((e: Error) => callback(e))
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.server.address() as AddressInfo
  return Object.assign(fake, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}
