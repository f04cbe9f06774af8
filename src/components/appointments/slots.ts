// Preferred slots of a reschedule request, chosen as a day and a part of the
// day, sent as Paris instants ({from, to}) that the référent's screen shows
// back in their own language.
import { parisInstant } from './time'

export const DAY_PARTS = ['morning', 'afternoon', 'day'] as const
export type DayPart = (typeof DAY_PARTS)[number]

const HOURS: Record<DayPart, [string, string]> = {
  morning: ['09:00', '12:00'],
  afternoon: ['13:30', '17:00'],
  day: ['09:00', '17:00'],
}

export interface SlotChoice {
  day: string
  part: DayPart
}

export function slotOf(choice: SlotChoice): { from: string, to: string } {
  const [from, to] = HOURS[choice.part]
  return { from: parisInstant(choice.day, from).toISOString(), to: parisInstant(choice.day, to).toISOString() }
}
