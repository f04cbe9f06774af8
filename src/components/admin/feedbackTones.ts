import type { FeedbackStatus } from '@/domain/adminFeedback'

export const STATUS_TONES: Record<FeedbackStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  received: 'warning',
  read: 'info',
  answered: 'success',
  closed: 'neutral',
}
